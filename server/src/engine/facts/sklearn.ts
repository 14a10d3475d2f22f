// scikit-learn / statsmodels research code: estimators and what they are fitted on, cross-validation
// splitters (shuffled or time-ordered), and whether the data looks like a time series at all.
// Also home of `Bindings`, the name -> assigned-value lookup the other fact collectors share.
import type { SyntaxNode } from '../python/parser';
import type { CallSite, SyntaxIndex } from '../python/syntax-index';
import { gridSize } from './backtrader';
import { booleanValue, dictEntries, numberValue, sequenceElements, stringValue } from './python-values';
import type { Estimator, EstimatorFamily, ModelFacts, Splitter, TunedParameter } from './types';

// ---------------------------------------------------------------------------------------------
// Bindings: every `name = value` (and `a, b = value`) by name, built once from the index.

export interface Binding {
  name: string;
  value: SyntaxNode;
  /** The assignment statement. */
  node: SyntaxNode;
  /** Position of the name in a tuple target (`X_train, X_test, y_train, y_test = ...`), else -1. */
  element: number;
  functionName?: string;
  className?: string;
}

/** A plain or dotted name (`x`, `self.model`): the only targets bindings track. */
const NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

export class Bindings {
  /** Built on the first question: a file whose collectors resolve no name never pays for it. */
  private table?: Map<string, Binding[]>;

  constructor(private readonly index: SyntaxIndex) {}

  private get byName(): Map<string, Binding[]> {
    if (this.table) return this.table;
    this.table = new Map();
    // Targets are read from their text (already in the index): no tree access, so this stays cheap.
    for (const a of this.index.assignments) {
      const target = a.target;
      if (NAME.test(target)) this.add(target, -1, a);
      else if (target.includes(',')) {
        const inner = /^[([]/.test(target) ? target.slice(1, -1) : target;
        const parts = inner.split(',');
        for (let i = 0; i < parts.length; i++) {
          const name = parts[i].trim();
          if (NAME.test(name)) this.add(name, i, a);
        }
      }
    }
    return this.table;
  }

  private add(name: string, element: number, a: SyntaxIndex['assignments'][number]): void {
    const list = this.table!.get(name);
    const binding = { name, value: a.value, node: a.node, element, functionName: a.scope.functionName, className: a.scope.className };
    if (list) list.push(binding);
    else this.table!.set(name, [binding]);
  }

  /** All bindings of a name, in document order. */
  all(name: string): Binding[] {
    return this.byName.get(name) ?? [];
  }

  /**
   * The binding of `name` visible at `at`: the last one before it in the same function, else the
   * last module-level (or class-level, for `self.x`) one. Later rebinding is ignored on purpose.
   */
  resolve(name: string, at: SyntaxNode, functionName?: string): Binding | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    // A name bound thousands of times (`dataframe` in every method of a 70,000-line strategy) must
    // not cost a scan of its bindings per question: the three candidates are found by binary
    // search in per-name tables, with what resolveByScan (the definition) answers.
    const tables = this.tablesOf(name, list);
    const contains = (b: Binding) => b.node.startIndex <= at.startIndex && b.node.endIndex >= at.endIndex;
    const p = at.startIndex;
    const scope = functionName === undefined ? undefined : scopeKey(enclosingClassName(at), functionName);
    let best: Binding | undefined;
    if (scope !== undefined) {
      const own = tables.byFunction.get(scope);
      if (own) for (let i = firstAtOrAfter(own, p) - 1; i >= 0 && !best; i--) if (!contains(own[i])) best = own[i];
    }
    if (best) return best;
    const isAttribute = name.includes('.');
    const sameFunction = (b: Binding) => scope !== undefined && bindingScope(b) === scope;
    if (!isAttribute) {
      // Visible: the bindings outside functions, never in the same function.
      const outside = tables.outside;
      const at0 = firstAtOrAfter(outside, p);
      for (let i = at0 - 1; i >= 0; i--) if (!contains(outside[i])) return outside[i];
      for (let i = at0; i < outside.length; i++) if (!contains(outside[i])) return outside[i];
      return undefined;
    }
    // `self.x`: every binding is visible; skip the runs bound in the same function.
    const at0 = firstAtOrAfter(list, p);
    for (let i = at0 - 1; i >= 0; i--) {
      if (sameFunction(list[i])) i = tables.runStart[i];
      else if (!contains(list[i])) return list[i];
    }
    for (let i = at0; i < list.length; i++) {
      if (sameFunction(list[i])) i = tables.runEnd[i];
      else if (!contains(list[i])) return list[i];
    }
    return undefined;
  }

  /** The reference answer (a scan of every binding of the name); resolve gives the same, faster. */
  resolveByScan(name: string, at: SyntaxNode, functionName?: string): Binding | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    const isAttribute = name.includes('.');
    const className = enclosingClassName(at);
    let best: Binding | undefined;
    let outer: Binding | undefined;
    let later: Binding | undefined;
    for (const b of list) {
      if (b.node.startIndex <= at.startIndex && b.node.endIndex >= at.endIndex) continue; // `x = f(x)`
      // The same function: the same name in the same class (`populate_indicators` of another strategy is another function).
      const sameFunction = functionName !== undefined && b.functionName === functionName && b.className === className;
      // `self.model` is shared by every method of the class; plain names only by their function.
      const visible = b.functionName === undefined || isAttribute;
      if (b.node.startIndex < at.startIndex) {
        if (sameFunction) best = b;
        else if (visible) outer = b;
      } else if (!later && visible && !sameFunction) {
        later = b; // a module-level name used inside a function defined above it
      }
    }
    return best ?? outer ?? later;
  }

  private readonly tables = new Map<string, NameTables>();

  private tablesOf(name: string, list: Binding[]): NameTables {
    let found = this.tables.get(name);
    if (!found) {
      const byFunction = new Map<string, Binding[]>();
      const outside: Binding[] = [];
      const runStart: number[] = [];
      const runEnd: number[] = new Array(list.length);
      list.forEach((b, i) => {
        if (b.functionName === undefined) outside.push(b);
        else {
          const key = bindingScope(b)!;
          const same = byFunction.get(key);
          if (same) same.push(b);
          else byFunction.set(key, [b]);
        }
        runStart.push(i > 0 && bindingScope(list[i - 1]) === bindingScope(b) ? runStart[i - 1] : i);
      });
      for (let i = list.length - 1; i >= 0; i--) runEnd[i] = i + 1 < list.length && bindingScope(list[i + 1]) === bindingScope(list[i]) ? runEnd[i + 1] : i;
      this.tables.set(name, (found = { byFunction, outside, runStart, runEnd }));
    }
    return found;
  }
}

/**
 * A name's bindings by function (class and name), those outside any function, and for each
 * binding the first and last index of the run of bindings in its function around it.
 */
interface NameTables {
  byFunction: Map<string, Binding[]>;
  outside: Binding[];
  runStart: number[];
  runEnd: number[];
}

function scopeKey(className: string | undefined, functionName: string): string {
  return `${className ?? ''}\0${functionName}`;
}

function bindingScope(b: Binding): string | undefined {
  return b.functionName === undefined ? undefined : scopeKey(b.className, b.functionName);
}

/** The innermost class a node sits in (the index's scope.className for the same place). */
function enclosingClassName(node: SyntaxNode): string | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'class_definition') return n.childForFieldName('name')?.text;
  return undefined;
}

/** Index of the first binding (in document order) that starts at or after `offset`. */
function firstAtOrAfter(list: readonly Binding[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].node.startIndex < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---------------------------------------------------------------------------------------------
// Estimators.

const ESTIMATORS: Record<string, EstimatorFamily> = Object.assign(Object.create(null) as Record<string, EstimatorFamily>, {
  LinearRegression: 'linear',
  LogisticRegression: 'logistic',
  Ridge: 'ridge',
  RidgeCV: 'ridge',
  RidgeClassifier: 'ridge',
  RidgeClassifierCV: 'ridge',
  Lasso: 'lasso',
  LassoCV: 'lasso',
  LassoLars: 'lasso',
  LassoLarsCV: 'lasso',
  ElasticNet: 'elastic-net',
  ElasticNetCV: 'elastic-net',
  DecisionTreeRegressor: 'tree',
  DecisionTreeClassifier: 'tree',
  RandomForestRegressor: 'ensemble',
  RandomForestClassifier: 'ensemble',
  ExtraTreesRegressor: 'ensemble',
  ExtraTreesClassifier: 'ensemble',
  GradientBoostingRegressor: 'ensemble',
  GradientBoostingClassifier: 'ensemble',
  HistGradientBoostingRegressor: 'ensemble',
  HistGradientBoostingClassifier: 'ensemble',
  XGBRegressor: 'ensemble',
  XGBClassifier: 'ensemble',
  LGBMRegressor: 'ensemble',
  LGBMClassifier: 'ensemble',
  CatBoostRegressor: 'ensemble',
  CatBoostClassifier: 'ensemble',
  SGDRegressor: 'other',
  SGDClassifier: 'other',
  SVR: 'other',
  SVC: 'other',
  MLPRegressor: 'other',
  MLPClassifier: 'other',
  KNeighborsRegressor: 'other',
  KNeighborsClassifier: 'other',
  OLS: 'ols',
  WLS: 'ols',
  GLS: 'ols',
  ols: 'ols',
  Logit: 'logistic',
  logit: 'logistic',
});

const ML_MODULES = /^(sklearn|statsmodels|xgboost|lightgbm|catboost)(\.|$)/;
const STATSMODELS_ONLY = new Set(['OLS', 'WLS', 'GLS', 'ols', 'Logit', 'logit']);

/** Whether a call is to the named ML class: resolved to an ML library, or a bare unresolved name. */
export function isMlCall(call: CallSite, names: Set<string> | Record<string, unknown>): boolean {
  const has = names instanceof Set ? names.has(call.name) : call.name in names;
  if (!has || !call.callee) return false;
  const q = call.qualifiedCallee ?? call.callee;
  if (ML_MODULES.test(q)) return true;
  if (STATSMODELS_ONLY.has(call.name)) return /(^|\.)(sm|smf|statsmodels)\./.test(call.callee);
  // Unresolved bare name (imports not written yet) or `linear_model.X` style.
  return q === call.callee && (!call.callee.includes('.') || /(^|\.)(linear_model|ensemble|tree|svm|neighbors|neural_network|model_selection)\./.test(call.callee));
}

function regularization(call: CallSite, family: EstimatorFamily): boolean {
  if (family === 'linear' || family === 'ols') return false;
  if (family === 'logistic') {
    if (call.name === 'Logit' || call.name === 'logit') return false;
    const penalty = call.keywords.get('penalty');
    if (!penalty) return true;
    if (penalty.type === 'none') return false;
    return stringValue(penalty)?.toLowerCase() !== 'none';
  }
  if (family === 'ridge' || family === 'lasso' || family === 'elastic-net') {
    const alpha = numberValue(call.keywords.get('alpha') ?? call.positional[0]);
    return alpha !== 0;
  }
  return true;
}

const PIPELINES = new Set(['make_pipeline', 'Pipeline', 'GridSearchCV', 'RandomizedSearchCV', 'HalvingGridSearchCV', 'BayesSearchCV', 'TransformedTargetRegressor', 'BaggingRegressor', 'BaggingClassifier']);
const SEARCHES = new Set(['GridSearchCV', 'RandomizedSearchCV', 'HalvingGridSearchCV', 'HalvingRandomSearchCV', 'BayesSearchCV']);

// ---------------------------------------------------------------------------------------------
// Splitters.

const SHUFFLED_ALWAYS = new Set(['ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'RepeatedKFold', 'RepeatedStratifiedKFold']);
const SHUFFLE_OPTIONAL = new Set(['KFold', 'StratifiedKFold', 'StratifiedGroupKFold']);
const TIME_ORDERED = new Set(['TimeSeriesSplit', 'PurgedKFold', 'PurgedGroupTimeSeriesSplit', 'CombinatorialPurgedCV', 'CombinatorialPurgedKFold', 'BlockingTimeSeriesSplit', 'WalkForward', 'GapRollForward', 'SlidingWindowSplitter', 'ExpandingWindowSplitter']);
export const SPLITTER_NAMES = new Set([...SHUFFLED_ALWAYS, ...SHUFFLE_OPTIONAL, ...TIME_ORDERED, 'GroupKFold', 'LeaveOneOut', 'LeavePOut', 'train_test_split']);

function splitter(call: CallSite): Splitter | undefined {
  if (!SPLITTER_NAMES.has(call.name)) return undefined;
  // Purged / walk-forward splitters come from many small packages: their names are enough.
  if (!TIME_ORDERED.has(call.name) && !isMlCall(call, SPLITTER_NAMES)) return undefined;
  const base = { call: call.node, name: call.name, shuffleNode: call.node };
  if (TIME_ORDERED.has(call.name)) return { ...base, shuffled: false, timeOrdered: true };
  if (SHUFFLED_ALWAYS.has(call.name)) return { ...base, shuffled: true, timeOrdered: false };
  if (SHUFFLE_OPTIONAL.has(call.name)) {
    const kw = call.keywordNodes.get('shuffle');
    const value = call.keywords.get('shuffle') ?? call.positional[1];
    const shuffled = booleanValue(value) === true;
    return { ...base, shuffled, timeOrdered: false, shuffleNode: shuffled ? kw ?? value! : call.node };
  }
  if (call.name === 'train_test_split') {
    const value = call.keywords.get('shuffle');
    const shuffled = value === undefined || booleanValue(value) !== false;
    // `shuffle=flag` with a variable: unknown, stay quiet.
    if (value && booleanValue(value) === undefined) return { ...base, shuffled: false, timeOrdered: false };
    return { ...base, shuffled, timeOrdered: !shuffled, shuffleNode: call.keywordNodes.get('shuffle') ?? call.node };
  }
  return { ...base, shuffled: false, timeOrdered: false };
}

// ---------------------------------------------------------------------------------------------
// Time-series evidence.

const TIME_SERIES_CALLS = new Set(['shift', 'pct_change', 'rolling', 'ewm', 'resample', 'to_datetime', 'date_range', 'fetch_ohlcv', 'history', 'get_pair_dataframe', 'log_returns', 'returns']);
const TIME_SERIES_MODULES = /^(yfinance|ccxt|talib|pandas_ta|ta|vectorbt|vectorbtpro|backtrader|freqtrade|AlgorithmImports|QuantConnect|jesse|backtesting|zipline|alpaca|alpaca_trade_api|quantstats|empyrical|pyfolio|ib_insync|MetaTrader5|polygon)(\.|$)/;
const PRICE_COLUMNS = /^(open|high|low|close|adj ?close|adj_close|volume|returns?|log_returns?|ret|fwd_ret\w*|forward_returns?)$/i;

const ENTITY_KEY = /^(ticker|tickers|symbol|symbols|permno|cusip|isin|gvkey|sedol|stock|stock_id|company|firm|asset|asset_id|security|secid|instrument)$/i;

/** Rows keyed by an entity (`set_index("ticker")`, `index_col="symbol"`): a cross-section, unless they are also keyed by a date. */
function crossSectionEvidence(index: SyntaxIndex): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of index.calls) {
    const keys = call.name === 'set_index' ? [call.positional[0] ?? call.keywords.get('keys')] : /^read_/.test(call.name) ? [call.keywords.get('index_col')] : [];
    for (const key of keys) {
      if (!key) continue;
      const names = key.type === 'list' ? key.namedChildren.map((c) => (c ? stringValue(c) : undefined)) : [stringValue(key)];
      // A (date, ticker) index is a panel: time-ordered across its dates.
      if (names.some((n) => n !== undefined && ENTITY_KEY.test(n)) && !names.some((n) => n !== undefined && /date|time|day|month|period/i.test(n))) out.push(call.node);
    }
  }
  return out;
}

function timeSeriesEvidence(index: SyntaxIndex): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const [, qualified] of index.imports) {
    if (TIME_SERIES_MODULES.test(qualified)) {
      out.push(index.root);
      break;
    }
  }
  for (const call of index.calls) {
    if (TIME_SERIES_CALLS.has(call.name) && call.receiver) out.push(call.node);
    else if (call.name === 'read_csv' && (call.keywords.has('parse_dates') || (call.keywords.has('index_col') && !ENTITY_KEY.test(stringValue(call.keywords.get('index_col')) ?? '')))) out.push(call.node);
    else if (call.name === 'download' && /yf|yfinance/.test(call.callee ?? '')) out.push(call.node);
    if (out.length > 3) return out;
  }
  for (const s of index.subscripts) {
    const key = stringValue(s.index[0]);
    if (key !== undefined && PRICE_COLUMNS.test(key)) {
      out.push(s.node);
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Feature counts.

interface FeatureCount {
  count: number;
  node: SyntaxNode;
}

class FeatureResolver {
  constructor(
    private readonly index: SyntaxIndex,
    private readonly bindings: Bindings,
  ) {}

  resolve(node: SyntaxNode | undefined, functionName: string | undefined, depth = 0): FeatureCount | undefined {
    if (!node || depth > 8) return undefined;
    switch (node.type) {
      case 'identifier': {
        const b = this.bindings.resolve(node.text, node, functionName);
        if (!b) return undefined;
        if (b.element >= 0) return this.fromTupleBinding(b.value, b.element, b.functionName, depth);
        return this.resolve(b.value, b.functionName, depth + 1);
      }
      case 'list':
        return this.columnList(node, functionName, depth);
      case 'list_comprehension':
        return this.columnList(node, functionName, depth);
      case 'subscript': {
        const value = node.childForFieldName('value');
        const indexes = node.childrenForFieldName('subscript').filter((c): c is SyntaxNode => c !== null);
        // df.loc[rows, cols] / df[cols] / X[rows]
        const isLoc = value?.type === 'attribute' && /^(loc|iloc)$/.test(value.childForFieldName('attribute')?.text ?? '');
        const cols = isLoc ? indexes[1] : indexes.length === 1 ? indexes[0] : undefined;
        const fromCols = cols ? this.columnList(cols, functionName, depth) : undefined;
        if (fromCols) return fromCols;
        const base = isLoc ? value!.childForFieldName('object') : value;
        if (isLoc && indexes.length === 2 && stringValue(indexes[1]) !== undefined) return undefined; // a single column
        if (!isLoc && cols && stringValue(cols) !== undefined) return { count: 1, node: cols };
        return this.resolve(base ?? undefined, functionName, depth + 1);
      }
      case 'attribute': {
        const attr = node.childForFieldName('attribute')?.text;
        if (attr === 'values' || attr === 'T' && false) return this.resolve(node.childForFieldName('object') ?? undefined, functionName, depth + 1);
        return undefined;
      }
      case 'call': {
        const call = this.index.callsById.get(node.id);
        if (!call) return undefined;
        if (['add_constant', 'dropna', 'fillna', 'to_numpy', 'copy', 'astype', 'ffill', 'bfill'].includes(call.name)) {
          return this.resolve(call.name === 'add_constant' ? call.positional[0] : call.receiver ?? call.positional[0], functionName, depth + 1);
        }
        if (call.name === 'fit_transform' || call.name === 'transform') {
          const base = this.resolve(call.positional[0], functionName, depth + 1);
          const poly = call.receiver && this.polynomialDegree(call.receiver, functionName);
          if (base && poly) return { count: combinations(base.count + poly, poly) - 1, node: base.node };
          return base;
        }
        if (call.name === 'column_stack' || call.name === 'hstack' || (call.name === 'concat' && numberValue(call.keywords.get('axis')) === 1)) {
          const items = sequenceElements(call.positional[0]);
          return items.length ? { count: items.length, node: call.positional[0] } : undefined;
        }
        if (call.name === 'make_regression' || call.name === 'make_classification') {
          const n = numberValue(call.keywords.get('n_features'));
          return n !== undefined ? { count: n, node: call.keywords.get('n_features')! } : undefined;
        }
        return undefined;
      }
      case 'parenthesized_expression':
        return this.resolve(node.namedChild(0) ?? undefined, functionName, depth + 1);
      default:
        return undefined;
    }
  }

  /** `X_train, X_test, y_train, y_test = train_test_split(X, y)`; `X, y = make_regression(...)`. */
  private fromTupleBinding(value: SyntaxNode, element: number, functionName: string | undefined, depth: number): FeatureCount | undefined {
    const call = value.type === 'call' ? this.index.callsById.get(value.id) : undefined;
    if (!call) return undefined;
    if (call.name === 'train_test_split') return this.resolve(call.positional[Math.floor(element / 2)], functionName, depth + 1);
    if ((call.name === 'make_regression' || call.name === 'make_classification') && element === 0) return this.resolve(value, functionName, depth + 1);
    return undefined;
  }

  /** A list of column names: `["a", "b"]`, `FEATURES`, `A + B`, `[f"lag_{i}" for i in range(1, 21)]`. */
  private columnList(node: SyntaxNode, functionName: string | undefined, depth: number): FeatureCount | undefined {
    if (depth > 8) return undefined;
    if (node.type === 'list') {
      const items = sequenceElements(node);
      if (items.length === 0 || !items.every((i) => i.type === 'string' || i.type === 'identifier' || i.type === 'list_splat')) return undefined;
      if (!items.some((i) => i.type === 'string')) return undefined;
      return { count: items.length, node };
    }
    if (node.type === 'list_comprehension') {
      const body = node.childForFieldName('body');
      const clauses = node.namedChildren.filter((c) => c?.type === 'for_in_clause');
      if (body?.type !== 'string' || clauses.length === 0 || node.namedChildren.some((c) => c?.type === 'if_clause')) return undefined;
      // [f"{kind}_{w}" for kind in ("mom", "vol") for w in (5, 10, 20)]: the product of the loops.
      let count = 1;
      for (const clause of clauses) {
        const right = clause!.childForFieldName('right');
        const n = right ? gridSize(right) : undefined;
        if (!n) return undefined;
        count *= n;
      }
      return { count, node };
    }
    if (node.type === 'binary_operator' && node.child(1)?.text === '+') {
      const a = this.columnList(node.childForFieldName('left')!, functionName, depth + 1);
      const b = this.columnList(node.childForFieldName('right')!, functionName, depth + 1);
      return a && b ? { count: a.count + b.count, node } : undefined;
    }
    if (node.type === 'identifier' || (node.type === 'attribute' && node.childForFieldName('object')?.text === 'self')) {
      const b = this.bindings.resolve(node.text, node, functionName);
      if (!b || b.element >= 0) return undefined;
      if (b.value.type === 'list' || b.value.type === 'list_comprehension' || b.value.type === 'binary_operator') {
        return this.columnList(b.value, b.functionName, depth + 1);
      }
    }
    return undefined;
  }

  private polynomialDegree(receiver: SyntaxNode, functionName: string | undefined): number | undefined {
    let call = receiver.type === 'call' ? this.index.callsById.get(receiver.id) : undefined;
    if (!call && receiver.type === 'identifier') {
      const b = this.bindings.resolve(receiver.text, receiver, functionName);
      if (b?.value.type === 'call') call = this.index.callsById.get(b.value.id);
    }
    if (call?.name !== 'PolynomialFeatures') return undefined;
    return numberValue(call.keywords.get('degree') ?? call.positional[0]) ?? 2;
  }
}

function combinations(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return Math.round(out);
}

// ---------------------------------------------------------------------------------------------

export function modelFacts(index: SyntaxIndex, bindings: Bindings): ModelFacts {
  const estimators: Estimator[] = [];
  const byCall = new Map<number, Estimator>();
  const splitters: Splitter[] = [];
  const containers: CallSite[] = [];
  for (const call of index.calls) {
    if (call.name in ESTIMATORS && isMlCall(call, ESTIMATORS)) {
      const family = ESTIMATORS[call.name];
      const estimator: Estimator = { call: call.node, name: call.name, family, regularized: regularization(call, family), fits: [] };
      estimators.push(estimator);
      byCall.set(call.node.id, estimator);
    } else if (PIPELINES.has(call.name)) {
      containers.push(call);
    }
    const s = splitter(call);
    if (s) splitters.push(s);
  }
  if (estimators.length === 0) return { estimators, splitters, timeSeriesEvidence: timeSeriesEvidence(index), crossSectionEvidence: crossSectionEvidence(index) };

  // Estimators nested in pipelines / searches: by node-range containment over the few containers.
  const inside = (container: SyntaxNode): Estimator[] =>
    estimators.filter((e) => e.call.startIndex >= container.startIndex && e.call.endIndex <= container.endIndex);
  const containerEstimators = new Map<number, Estimator[]>();
  for (const c of containers) containerEstimators.set(c.node.id, inside(c.node));

  const estimatorsOf = (node: SyntaxNode | null | undefined, functionName: string | undefined, depth = 0): Estimator[] => {
    if (!node || depth > 4) return [];
    if (node.type === 'call') {
      const direct = byCall.get(node.id);
      if (direct) return [direct];
      const nested = containerEstimators.get(node.id);
      if (nested) return nested;
      return [];
    }
    if (node.type === 'identifier' || node.type === 'attribute') {
      const b = bindings.resolve(node.text, node, functionName);
      return b && b.element < 0 ? estimatorsOf(b.value, b.functionName, depth + 1) : [];
    }
    return [];
  };

  const features = new FeatureResolver(index, bindings);
  for (const call of index.calls) {
    if (call.name !== 'fit' || !call.receiver) continue;
    const fitted = estimatorsOf(call.receiver, call.scope.functionName);
    for (const estimator of fitted) {
      estimator.fits.push(call.node);
      if (estimator.features !== undefined) continue;
      // statsmodels: sm.OLS(y, X).fit(); formula API: count the terms of "y ~ a + b + c".
      let found: FeatureCount | undefined;
      if (estimator.family === 'ols' || estimator.name === 'Logit' || estimator.name === 'logit') {
        const ctor = index.callsById.get(estimator.call.id)!;
        const formula = stringValue(ctor.keywords.get('formula') ?? ctor.positional[0]);
        if (formula !== undefined && formula.includes('~')) {
          const rhs = formula.split('~')[1].trim();
          found = rhs === '.' ? undefined : { count: rhs.split('+').filter((t) => t.trim() && t.trim() !== '1').length, node: ctor.keywords.get('formula') ?? ctor.positional[0] };
        } else {
          found = features.resolve(ctor.keywords.get('exog') ?? ctor.positional[1], ctor.scope.functionName);
        }
      } else {
        found = features.resolve(call.keywords.get('X') ?? call.positional[0], call.scope.functionName);
      }
      if (found) {
        estimator.features = found.count;
        estimator.featuresNode = found.node;
      }
    }
  }
  return { estimators, splitters, timeSeriesEvidence: timeSeriesEvidence(index), crossSectionEvidence: crossSectionEvidence(index) };
}

export { SEARCHES };

// ---------------------------------------------------------------------------------------------
// Hyperparameter searches: `GridSearchCV(model, {"alpha": [...], "l1_ratio": [...]})` sweeps the
// product of its grid; `RandomizedSearchCV(..., n_iter=50)` tries n_iter candidates.

function searchValues(node: SyntaxNode, bindings: Bindings, functionName: string | undefined): number | undefined {
  if (node.type === 'identifier') {
    const b = bindings.resolve(node.text, node, functionName);
    return b && b.element < 0 && b.value.id !== node.id ? searchValues(b.value, bindings, b.functionName) : undefined;
  }
  if (node.type === 'call') {
    const fn = node.childForFieldName('function')?.text ?? '';
    if (/(^|\.)(logspace|geomspace)$/.test(fn)) {
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      const num = args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'num')?.childForFieldName('value') ?? args.filter((a) => a?.type !== 'keyword_argument')[2];
      return numberValue(num) ?? 50;
    }
  }
  return gridSize(node);
}

export function sklearnSearchParameters(index: SyntaxIndex, bindings: Bindings): TunedParameter[] {
  const out: TunedParameter[] = [];
  for (const call of index.calls) {
    if (!SEARCHES.has(call.name) || !isMlCall(call, SEARCHES)) continue;
    const base = { kind: 'grid' as const, framework: 'sklearn' as const, className: call.scope.className, optimized: true, sweepCall: call.node };
    if (call.name === 'GridSearchCV' || call.name === 'HalvingGridSearchCV') {
      let grid: SyntaxNode | undefined = call.keywords.get('param_grid') ?? call.positional[1];
      if (grid?.type === 'identifier') {
        const b = bindings.resolve(grid.text, grid, call.scope.functionName);
        grid = b && b.element < 0 ? b.value : undefined;
      }
      for (const entry of dictEntries(grid)) {
        out.push({ ...base, name: entry.key, node: entry.pair, choices: searchValues(entry.value, bindings, call.scope.functionName) });
      }
    } else {
      const nIter = call.keywords.get('n_iter');
      const n = nIter ? numberValue(nIter) : call.name === 'RandomizedSearchCV' ? 10 : undefined;
      if (n !== undefined) out.push({ ...base, name: 'n_iter', node: nIter ?? call.node, choices: n });
    }
  }
  return out;
}
