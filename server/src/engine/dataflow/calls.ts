// Calls: what a function or method does to the values it is given. Functions of the file are
// analysed with their arguments (interpreter.ts); library functions known to look ahead come from
// library-knowledge.ts; pandas / numpy methods go through the transfer functions (transfer.ts).
import { dictEntries, stringValue } from '../facts/python-values';
import type { SyntaxNode } from '../python/parser';
import { CAUSAL_MODULES, ELEMENTWISE_BUILTINS, EVALUATION_METRICS, SELECTION_SCORES, type LeadSpec, type LookaheadFunction } from './library-knowledge';
import { FEATURE_CALLS, INERT_CALL, INERT_RECEIVER, ORDER_CALLS } from './sinks';
import {
  aligned, applyShift, backFill, closeWindow, fullSampleStatistic, merged, REDUCTIONS, reducedWindow, renamed, ROW_PRESERVING, upsampleFill, WINDOW_AGGREGATIONS,
} from './transfer';
import {
  allColumns, bars, column, describeLead, intervalMinutes, offsetMinutes, either, join, joinAll, shifted, liveSources, scalar, uncertain, UNKNOWN, withColumn, valueOf, withSource, type Value,
} from './value';
import type { Activation, Interpreter } from './interpreter';
import { argumentsOf, leadOf, lookaheadFunction, shiftOf, type Arguments } from './syntax';
import { filtered, isPolarsFrameCall, overGroups, polarsColumn, withExpressions } from './polars';
import { backtestingIndicator, isBacktestingStrategy } from './backtesting-py';
import { isZiplineOrder } from './zipline';
import { drawsOnly, evaluatedSets, FIT_FAMILY, fitFamily, importedLoader, supervisedFit, trainedInstance } from './models';
import { crossValidated, fitsOnAllRows, fitted, heldOut, splitParts, type Rows } from './provenance';

export function evalCall(it: Interpreter, node: SyntaxNode, act: Activation): Value {
  const fn = node.childForFieldName('function');
  if (!fn) return UNKNOWN;
  const site = it.index.callsById.get(node.id);
  const qualified = site?.qualifiedCallee ?? fn.text;
  const name = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : fn.text;
  const receiverNode = fn.type === 'attribute' ? fn.childForFieldName('object') : null;
  const args = argumentsOf(node);
  const argValue = (position: number, keyword?: string): Value | undefined => {
    const n = (keyword && args.keywords.get(keyword)) || args.positional[position];
    return n ? it.expr(n, act) : undefined;
  };
  const allArgs = () => joinAll([...args.positional.map((a) => it.expr(a, act)), ...[...args.keywords.values()].map((a) => it.expr(a, act))]);

  // Showing or recording decides nothing.
  if (INERT_CALL.test(name) && (name !== 'log' || receiverNode?.text === 'self' || INERT_RECEIVER.test(receiverNode?.text ?? ''))) {
    if (name !== 'describe' && name !== 'head') { allArgs(); return scalar(); }
  }
  // `px` is plotly express when imported, and prices when assigned data.
  const head = receiverNode?.text.split('.')[0] ?? '';
  if (receiverNode && INERT_RECEIVER.test(head) && (it.index.imports.has(head) || !it.lookup(head, act).data)) { allArgs(); return scalar(); }

  // Library functions known to look ahead.
  const known = lookaheadFunction(qualified, name, !!receiverNode);
  if (known && !(known.method && !receiverNode && !qualified.includes('.') && !it.index.imports.has(name))) {
    return knownLookahead(it, known, node, args, receiverNode ? it.expr(receiverNode, act) : undefined, act);
  }

  // backtesting.py `self.I(func, *args)`: func runs once over every bar of the backtest.
  if (receiverNode?.text === 'self' && name === 'I' && isBacktestingStrategy(it.index, act.className) && !it.methodOf(act.className!, 'I')) {
    return backtestingIndicator(it, node, act, {
      freeCall: (n, q, at, a, activation, all) => freeCall(it, n, q, at, a, activation, all),
      knownLookahead: (k, at, a, activation) => knownLookahead(it, k, at, a, undefined, activation),
    });
  }
  // zipline orders are module-level functions: `order_target_percent(asset, weight)`.
  if (!receiverNode && isZiplineOrder(it.index, name, qualified)) {
    it.sink(join(act.pc, allArgs()), node, `the order \`${name}()\``, act);
    return scalar();
  }
  // An order through `self` decides, whether the engine or the file defines the method.
  if (receiverNode?.text === 'self' && ORDER_CALLS.has(name)) {
    it.sink(join(act.pc, allArgs()), node, `the order \`self.${name}()\``, act);
  }
  // Functions and methods defined in this file; `Bot()` makes an instance whose methods resolve.
  const defined = definedCallee(it, fn, act);
  if (defined) return it.callDefined(defined.fn, node, act, defined.self, defined.className);
  if (receiverNode && FIT_FAMILY.test(name)) {
    // A class of the file with its own fit / transform (a hand-written normaliser).
    const owner = it.expr(receiverNode, act);
    const method = owner.instance ? it.methodOf(owner.instance, name) : undefined;
    if (method) {
      const out = it.callDefined(method, node, act, it.instanceSelf(owner.instance!), owner.instance);
      const features = args.positional[0] ? it.expr(args.positional[0], act) : undefined;
      return fitFamily(it, name, node, owner, features, out, act, supervisedFit(args, owner));
    }
  }
  if (fn.type === 'identifier' && it.methods.has(fn.text)) {
    const init = it.methods.get(fn.text)!.get('__init__');
    if (init) it.callDefined(init, node, act, it.instanceSelf(fn.text), fn.text);
    // What the object was built from (a trading environment over a price frame): its rows and fits.
    const built = allArgs();
    if (heldOut(built.rows)) it.heldOutUses.push(node);
    if (built.splitBy && /Dataset|Loader|Env/i.test(fn.text)) it.usedSplits.add(built.splitBy.id);
    return { ...scalar(), kind: 'unknown', instance: fn.text, data: built.data, rows: built.rows, seenBy: built.seenBy, origins: built.origins };
  }
  if (receiverNode) {
    const ownerValue = it.expr(receiverNode, act);
    const owner = ownerValue.instance;
    const method = owner ? it.methodOf(owner, name) : undefined;
    if (owner && method) {
      const out = it.callDefined(method, node, act, it.instanceSelf(owner), owner);
      trainedInstance(it, name, node, ownerValue, receiverNode, act);
      return out;
    }
  }

  if (name === 'from_signals' || name === 'from_orders') return vectorbtPortfolio(it, name, node, args, act);
  // backtrader feeds: `PandasData(dataname=frame)` makes the frame's columns lines of `self.data`.
  const dataname = args.keywords.get('dataname');
  if (dataname) {
    const frame = it.expr(dataname, act);
    it.feeds = it.feeds ? either(it.feeds, frame) : frame;
  }
  // `pd.read_csv(...)`, `np.where(...)`, `ta.RSI(...)`: a module's function, not a method of a value.
  const onModule = !!receiverNode && /^[\w.]+$/.test(receiverNode.text) && it.index.imports.has(head) && !act.env.has(head) && !it.module.has(head);
  if (!receiverNode || onModule) return freeCall(it, name, qualified, node, args, act, allArgs);
  if (receiverNode.text === 'self' && ORDER_CALLS.has(name)) {
    it.sink(join(act.pc, allArgs()), node, `the order \`self.${name}()\``, act);
    return scalar();
  }
  if (/(^|\.)dp$/.test(receiverNode.text)) return dataProvider(it, name, node, args, act);
  const receiver = it.expr(receiverNode, act);
  return method(it, name, qualified, receiver, node, args, act, argValue, allArgs);
}

function definedCallee(it: Interpreter, fn: SyntaxNode, act: Activation): { fn: SyntaxNode; self?: Map<string, Value>; className?: string } | undefined {
  if (fn.type === 'identifier') {
    const local = act.env.get(fn.text)?.callable;
    if (local) return { fn: local };
    const f = it.functions.get(fn.text);
    return f ? { fn: f } : undefined;
  }
  if (fn.type === 'attribute' && fn.childForFieldName('object')?.text === 'self' && act.className) {
    const m = it.methodOf(act.className, fn.childForFieldName('attribute')?.text ?? '');
    return m ? { fn: m, self: act.self, className: act.className } : undefined;
  }
  return undefined;
}

function freeCall(it: Interpreter, name: string, qualified: string, node: SyntaxNode, args: Arguments, act: Activation, allArgs: () => Value): Value {
  const first = () => (args.positional[0] ? it.expr(args.positional[0], act) : UNKNOWN);
  if (/^(polars|pl)\.(col|all|exclude|lit)$/.test(qualified)) return polarsColumn(it, name, args, act);
  if (/^(polars|pl)\.(read_|scan_)|^(pandas|pd)\.read_|^(yfinance|yf)\.download$|\.DataReader$|get_data_\w+$|\.download$|^(pandas_datareader|pdr)\./.test(qualified) || /^(load|get|fetch|read)_?(data|prices|ohlcv|candles|bars|history)\w*$/i.test(name) || importedLoader(it, name)) {
    allArgs();
    const interval = ['interval', 'timeframe', 'freq', 'timespan'].map((k) => args.keywords.get(k)).find((n) => n);
    // The interval argument, else a token of the file name (`btc_1h.parquet`, `ES-5min.csv`).
    const path = args.positional[0]?.type === 'string' ? stringValue(args.positional[0]) ?? '' : '';
    const token = /(?:^|[_\-./])(\d+\s*(?:min|m|h|d|wk|w))(?=[_\-.]|$)/i.exec(path.replace(/^.*\//, ''))?.[1];
    const minutes = interval ? intervalMinutes(it.expr(interval, act).strings?.[0]) : token ? intervalMinutes(token.replace(/min$/i, 'm')) : undefined;
    // Which load the rows come from: a model fitted on one file has not seen the rows of another.
    return { ...bars(), barMinutes: minutes, origins: [node.id] };
  }
  if (/(^|\.)merge_asof$/.test(qualified) || /^(pandas|pd)\.merge$/.test(qualified) || name === 'merge_asof') {
    const direction = stringValue(args.keywords.get('direction'));
    const right = args.positional[1] ? it.expr(args.positional[1], act) : UNKNOWN;
    // Merged on a key moved to each candle's close (`date_merge = date + 1h - 5m`, freqtrade's own recipe): aligned, not ahead.
    const onShiftedKey = !!args.keywords.get('right_on') && [...(right.columns?.values() ?? [])].some((c) => c.timeShifted);
    return merged(first(), onShiftedKey ? { ...right, higherTimeframe: undefined, leftLabelled: undefined, barMinutes: undefined, columns: right.columns && new Map([...right.columns].map(([n, c]) => [n, { ...c, barMinutes: undefined }])) } : right, node, { direction, asof: name === 'merge_asof' });
  }
  if (name === 'merge_informative_pair') {
    const base = first();
    const informative = args.positional[1] ? it.expr(args.positional[1], act) : UNKNOWN;
    // Columns come in suffixed with the informative timeframe (`rsi` -> `rsi_1h`); `_*` when it is not a literal.
    const tfNode = args.positional[3] ?? args.keywords.get('timeframe_inf');
    const tf = tfNode ? it.expr(tfNode, act).strings?.[0] ?? '*' : '*';
    const cols = new Map(base.columns ?? []);
    for (const [c, v] of informative.columns ?? []) cols.set(`${c}_${tf}`, v);
    return { ...join({ ...base, higherTimeframe: undefined }, { ...informative, columns: undefined, higherTimeframe: undefined, leftLabelled: undefined }), columns: cols, kind: base.kind };
  }
  if (/(^|\.)concat$/.test(qualified)) {
    const list = first();
    let out: Value = UNKNOWN;
    for (const item of list.items ?? [list]) out = out === UNKNOWN ? item : merged(out, item, node, { asof: false });
    // Parts stacked together: a training and a test part make all rows again.
    const parts = new Set((list.items ?? [list]).filter((v) => v.data).map((v) => v.rows));
    const seen = (list.items ?? [list]).flatMap((v) => v.seenBy ?? []);
    const rows = stackedRows(parts);
    const whole = parts.size > 1 && !rows && out.kind === 'slice';
    const origins = [...new Set((list.items ?? [list]).flatMap((v) => v.origins ?? []))];
    return { ...out, kind: whole ? 'bars' : out.kind, rows, seenBy: seen.length ? [...new Set(seen)] : undefined, origins: origins.length ? origins : undefined };
  }
  if (/(^|\.)(where|select|clip|maximum|minimum|log|log1p|exp|sqrt|abs|sign|array|asarray|nan_to_num|isnan|logical_and|logical_or|logical_not|multiply|divide|add|subtract|diff|cumsum|cumprod|DataFrame|Series|to_datetime|full_like|zeros_like|ones_like|vstack|hstack|column_stack|stack)$/.test(qualified)) {
    const v = allArgs();
    // np.diff(x)[j] = x[j + 1] - x[j]: each element is the return ending one position later.
    if (/(^|\.)diff$/.test(qualified) && /^(numpy|np)\./.test(qualified)) {
      const moved = shifted({ ...v, columns: undefined }, -1);
      return { ...moved, positional: true, returnEnd: v.data ? moved.lead : undefined };
    }
    if (/(^|\.)diff$/.test(qualified)) return { ...v, returnEnd: v.data ? v.lead : undefined };
    if (/(^|\.)(where|select|sign)$/.test(qualified)) return { ...v, columns: undefined, decision: true };
    if (/(^|\.)(DataFrame|Series|array|asarray)$/.test(qualified)) {
      const arg = first();
      return { ...v, kind: arg.kind, columns: arg.columns, positional: /(array|asarray)$/.test(qualified) };
    }
    return { ...v, columns: undefined };
  }
  if (/(^|\.)roll$/.test(qualified) && /^(numpy|np)\./.test(qualified)) {
    return applyShift(first(), shiftOf(args.positional[1] ?? args.keywords.get('shift'), node, it, act), 'roll');
  }
  if (/(^|\.)(mean|std|var|max|min|median|percentile|quantile|nanmean|nanstd|nanmax|nanmin|average|ptp|sum|nansum)$/.test(qualified) && /^(numpy|np)\./.test(qualified) && !args.keywords.has('axis')) {
    return fullSampleStatistic(first(), node, name);
  }
  // A regression or covariance over the whole history (`np.polyfit(b, a, 1)`, `linregress(b, a)`): a hedge ratio from every row.
  if (/^(numpy|np)\.(polyfit|cov|corrcoef)$|^(numpy|np)\.linalg\.lstsq$|(^|\.)linregress$/.test(qualified)) {
    const data = allArgs();
    return { ...fullSampleStatistic({ ...data, kind: data.data && data.kind === 'scalar' ? 'bars' : data.kind }, node, name), kind: 'scalar' };
  }
  if (/(^|\.)qcut$/.test(qualified) || /(^|\.)cut$/.test(qualified)) {
    const v = first();
    return /qcut$/.test(qualified) ? { ...fullSampleStatistic(v, node, name), kind: v.kind } : v;
  }
  // lightgbm / xgboost: a Dataset holds features and a label; training reads the features.
  if (/(^|\.)(Dataset|DMatrix|Pool)$/.test(qualified)) {
    for (const [k, v] of args.keywords) if (k !== 'label' && k !== 'weight') it.expr(v, act);
    return { ...first(), kind: 'model' };
  }
  if (/^(lightgbm|lgb|xgboost|xgb|catboost)\.(train|cv)$/.test(qualified) || /(^|\.)(lightgbm|xgboost)\.(train|cv)$/.test(qualified)) {
    const dataset = args.positional[1] ?? args.keywords.get('train_set') ?? args.keywords.get('dtrain');
    const features = dataset ? it.expr(dataset, act) : UNKNOWN;
    if (features.splitBy) it.usedSplits.add(features.splitBy.id);
    it.sink(features, node, `the features passed to \`${name}\``, act, true);
    return { ...features, kind: 'model', columns: undefined };
  }
  if (/^(cross_val_score|cross_validate|cross_val_predict)$/.test(name)) {
    allArgs();
    const kFold = plainKFold(args, node);
    const labels = args.positional[2] ?? args.keywords.get('y');
    const features = args.positional[1] ?? args.keywords.get('X');
    if (features) crossValidated(it, it.expr(features, act), node, `\`${name}\``);
    const cv = args.keywords.get('cv');
    const splitBy = cv ? it.expr(cv, act).splitBy : undefined;
    if (splitBy) it.usedSplits.add(splitBy.id);
    if (kFold && labels) it.kFolds.push({ node: kFold, labelLead: labelReach(it.expr(labels, act)) });
    return scalar();
  }
  // `numpy_input_fn(x={"x": X}, y=y)`: what the model is fed is x; y is its target.
  if (/(^|\.)(numpy_input_fn|pandas_input_fn)$/.test(qualified)) {
    const x = args.keywords.get('x') ?? args.positional[0];
    allArgs();
    const fed = x ? it.expr(x, act) : UNKNOWN;
    // `x={"x": X_test}`: the one array the model reads.
    return x?.type === 'dictionary' && fed.columns?.size === 1 ? [...fed.columns.values()][0] : fed;
  }
  // A point in time (`pd.Timestamp("2019-01-01")`, `datetime(2020, 1, 1)`): compared with the rows, it cuts them.
  if (/(^|\.)(Timestamp|to_datetime|datetime|date)$/.test(qualified) && !args.positional.some((a) => it.expr(a, act).data)) {
    return { ...scalar(), seriesName: 'date' };
  }
  // A model's score against realised labels is its evaluation, not a value of any bar.
  if (/^sklearn\.metrics\./.test(qualified) || EVALUATION_METRICS.names.test(name)) {
    allArgs();
    return scalar();
  }
  // Univariate feature scores (`mutual_info_regression(X, y)`): ranking columns with them is a fit.
  if (SELECTION_SCORES.names.test(name)) {
    const features = first();
    allArgs();
    return selectionStatistic(it, features, node);
  }
  if (name === 'train_test_split') {
    const values = args.positional.map((a) => it.expr(a, act));
    // Every array is split the same way: the part the data already is decides the names of the parts.
    const parts = splitParts(values.find((v) => v.data && v.rows)?.rows);
    const items = values.flatMap((v): Value[] => parts.map((rows) => ({ ...v, kind: 'slice', rows, splitBy: node })));
    return { ...joinAll(values), items };
  }
  if (name === 'len') {
    // backtrader: len(self) counts the bars seen so far, so len(self) - 1 is the current bar.
    const self = args.positional[0]?.text === 'self';
    allArgs();
    return self ? { ...scalar(), barIndex: true } : scalar();
  }
  // The position of the current time in another series (`np.searchsorted(ts, now)`).
  if (name === 'searchsorted') {
    allArgs();
    return { ...scalar(), barIndex: true };
  }
  // max(window), sum(b.high for b in window): a reduction of a bar loop's window.
  if (/^(max|min|sum|sorted|any|all)$/.test(name) && args.positional.length === 1) {
    const only = first();
    if (only.window) return reducedWindow(only, { ...only, kind: 'scalar', window: undefined });
  }
  if (ELEMENTWISE_BUILTINS.has(name) && args.positional.length === 1 && !args.keywords.size) return first();
  if (name === 'reduce' || ELEMENTWISE_BUILTINS.has(name)) return allArgs();
  const causal = CAUSAL_MODULES.some((m) => qualified === m.prefix || qualified.startsWith(`${m.prefix}.`));
  const v = allArgs();
  // A class of a library (`GaussianHMM(...)`, `sm.OLS(y, X)`): what it is decides what its methods do.
  if (/^[A-Z]/.test(name)) {
    if (heldOut(v.rows)) it.heldOutUses.push(node);
    // A deep-learning pipeline trains through its data loaders (`DataLoader(TensorDataset(X_train, y_train))`).
    if (v.splitBy && /Dataset|DataLoader|DMatrix|Pool$/.test(name)) it.usedSplits.add(v.splitBy.id);
    const kFold = /SearchCV$/.test(name) ? plainKFold(args, node) : undefined;
    // A splitter (`KFold(5, shuffle=True)`): where it was made, to know whether its folds are used.
    const splitBy = /(Fold|Split)$/.test(name) ? node : v.splitBy;
    return { ...v, columns: undefined, items: undefined, estimator: name, kFold, splitBy };
  }
  if (causal) return { ...v, columns: undefined, constant: undefined, strings: undefined, items: undefined };
  // An unknown function: the result may carry its inputs' leads, but the path is not seen.
  return liveSources(v).length ? { ...uncertain(v), columns: undefined } : { ...v, columns: undefined, items: undefined };
}

function dataProvider(it: Interpreter, name: string, node: SyntaxNode, args: Arguments, act: Activation): Value {
  for (const a of [...args.positional, ...args.keywords.values()]) it.expr(a, act);
  // The frame populate_indicators built (its columns and their leads), as of the current candle.
  if (name === 'get_analyzed_dataframe') {
    const frame: Value = { ...(it.analysedFrame ?? bars()), kind: 'history' };
    return { ...frame, items: [frame, scalar()] };
  }
  if (name === 'get_pair_dataframe' || name === 'historic_ohlcv' || name === 'ohlcv') {
    // Funding and mark rates are point-in-time prints, known at their stamp; candles are stamped at their open.
    if (/funding|mark/i.test(args.keywords.get('candle_type')?.text ?? '')) return bars();
    return { ...bars(), higherTimeframe: { node, how: `\`${node.text.slice(0, 70)}\`, candles stamped at their open` } };
  }
  return UNKNOWN;
}

function knownLookahead(it: Interpreter, known: LookaheadFunction, node: SyntaxNode, args: Arguments, receiver: Value | undefined, act: Activation): Value {
  const inputs = joinAll([receiver, ...args.positional.map((a) => it.expr(a, act)), ...[...args.keywords.values()].map((a) => it.expr(a, act))]);
  for (const [keyword, value] of Object.entries(known.safeWhen ?? {})) if (args.keywords.get(keyword)?.text === value) return { ...inputs, columns: undefined };
  // On a window that ends at the current bar (a per-bar loop's slice, a callback's history), the
  // function cannot see past the window: its two-sidedness reads nothing after the bar.
  if (inputs.kind === 'history') return inputs.window ? reducedWindow(inputs, { ...inputs, columns: undefined }) : { ...inputs, columns: undefined };
  // A per-bar callback's own inputs (Jesse's self.candles, backtrader lines) end at the current bar.
  if (act.perBar && !inputs.data) return { ...inputs, columns: undefined };
  const base: Value = { ...inputs, kind: inputs.kind === 'scalar' ? 'bars' : inputs.kind, columns: undefined, data: true };
  const callName = node.childForFieldName('function')?.text ?? 'the call';
  const make = (spec: LeadSpec, what: string) => {
    const lead = Math.max(base.lead, 0) + leadOf(spec, args, it, act);
    return withSource(base, { code: known.code, node, lead, what: `${what} reads ${describeLead(lead)}` });
  };
  if (known.keys) {
    const columns = new Map<string, Value>();
    for (const [key, spec] of Object.entries(known.keys)) columns.set(key, make(spec, `\`${callName}(...)["${key}"]\``));
    const out = leadOf(known.lead, args, it, act) > 0 ? make(known.lead, `\`${callName}(...)\``) : base;
    return known.tuple ? { ...base, items: [{ ...out, columns }, base] } : { ...out, columns };
  }
  return make(known.lead, `\`${callName}(...)\``);
}

function method(it: Interpreter, 
  name: string, qualified: string, receiver: Value, node: SyntaxNode, args: Arguments, act: Activation,
  argValue: (position: number, keyword?: string) => Value | undefined, allArgs: () => Value,
): Value {
  if (receiver.pending) {
    if (receiver.pending.type === 'resample' && /^(interpolate|bfill|backfill)$/.test(name)) return upsampleFill(receiver, name, node);
    if (receiver.pending.type === 'resample' && (name === 'fillna' && /bfill|backfill/.test(args.keywords.get('method')?.text ?? ''))) return upsampleFill(receiver, name, node);
    if (receiver.pending.type === 'resample' && /^(ffill|pad|asfreq|nearest)$/.test(name)) return aligned({ ...receiver, pending: undefined }, node, receiver.pending.minutes);
    if (WINDOW_AGGREGATIONS.has(name) || receiver.pending.type === 'group') {
      if (name === 'apply' || name === 'agg' || name === 'aggregate' || name === 'transform') markCallbacks(it, args, act);
      allArgs();
      return closeWindow(receiver, name, node);
    }
  }
  const first = args.positional[0] ? argValue(0) : undefined;
  if (isPolarsFrameCall(name, args, first)) {
    if (name === 'filter') return filtered(it, receiver, args, act);
    return withExpressions(it, receiver, args, act, name === 'select');
  }
  switch (name) {
    case 'alias':
      return { ...receiver, seriesName: stringValue(args.positional[0]) ?? receiver.seriesName };
    case 'over':
      allArgs();
      return overGroups(receiver, args.positional);
    case 'shift':
    case 'pct_change':
    case 'diff': {
      // A period computed from data (`shift(streak + 1)` with `streak` from the last candle) carries what it read.
      const periodNode = args.positional[0] ?? args.keywords.get('periods');
      const period = periodNode ? it.expr(periodNode, act) : undefined;
      const moved = applyShift(receiver, shiftOf(periodNode, node, it, act, 1), name === 'shift' ? 'shift' : name);
      return period && liveSources(period).length ? { ...moved, sources: join(moved, { ...period, kind: 'scalar' }).sources } : moved;
    }
    case 'rolling': {
      const center = args.keywords.get('center');
      const window = args.positional[0] ?? args.keywords.get('window');
      const w = window ? it.expr(window, act).constant : undefined;
      allArgs();
      const centred = center && center.text !== 'False' && center.text !== '0' ? Math.max(1, Math.floor((w ?? 2) / 2)) : 0;
      return { ...receiver, pending: { type: 'rolling', node, centredLead: centred } };
    }
    case 'expanding':
    case 'ewm':
    case 'ewma':
      allArgs();
      return { ...receiver, pending: { type: 'rolling', node, centredLead: 0 } };
    case 'groupby':
    case 'group_by':
      allArgs();
      return { ...receiver, pending: { type: 'group', node } };
    case 'resample': {
      const label = stringValue(args.keywords.get('label'));
      const closed = stringValue(args.keywords.get('closed'));
      // Period-end rules (W, M, Q, A...) default to right labels in pandas.
      const rule = stringValue(args.positional[0] ?? args.keywords.get('rule')) ?? '';
      const periodEnd = /^\d*\s*(W|M|ME|BM|BME|SM|SME|CBM|Q|QE|BQ|BQE|A|Y|YE|BA|BY|BYE)(-[A-Z]{3})?$/.test(rule);
      const rightLabelled = label === 'right' || (label === undefined && (closed === 'right' || periodEnd));
      return { ...receiver, pending: { type: 'resample', node, rightLabelled, minutes: offsetMinutes(rule) } };
    }
    case 'bfill':
    case 'backfill':
      return backFill(receiver, node, `${name}()`);
    case 'interpolate':
      return backFill(receiver, node, 'interpolate');
    case 'fillna': {
      const method = stringValue(args.keywords.get('method'));
      if (method === 'bfill' || method === 'backfill') return backFill(receiver, node, `fillna(method="${method}")`);
      return { ...join(receiver, { ...allArgs(), kind: 'scalar', columns: undefined }), returnEnd: receiver.returnEnd };
    }
    case 'corr':
    case 'corrwith':
    case 'cov':
      allArgs();
      return selectionStatistic(it, receiver, node, fullSampleStatistic(receiver, node, name));
    case 'rank':
      if (receiver.kind === 'bars' && !args.keywords.has('axis')) return { ...fullSampleStatistic(receiver, node, name), kind: 'bars', columns: undefined };
      return receiver;
    case 'merge':
    case 'join': {
      const other = argValue(0, 'right') ?? UNKNOWN;
      return merged(receiver, other, node, { asof: false });
    }
    case 'reindex':
    case 'asfreq':
    case 'reindex_like': {
      allArgs();
      const fill = stringValue(args.keywords.get('method'));
      const target = args.positional[0] ? it.expr(args.positional[0], act).barMinutes : undefined;
      if (fill === 'bfill' || fill === 'backfill') return backFill(aligned(receiver, node, target), node, `${name}(method="${fill}")`);
      return aligned(receiver, node, target);
    }
    case 'assign': {
      let out = receiver;
      for (const [key, valueNode] of args.keywords) out = withColumn(out, key, it.expr(valueNode, act));
      return out;
    }
    case 'rename': {
      const newName = stringValue(args.positional[0]);
      if (newName !== undefined && !receiver.columns) return { ...receiver, seriesName: newName };
      const mapping = new Map(dictEntries(args.keywords.get('columns') ?? args.positional[0]).map((e) => [e.key, stringValue(e.value) ?? e.key]));
      return renamed(receiver, (c) => mapping.get(c) ?? c);
    }
    case 'add_suffix':
    case 'add_prefix': {
      const s = stringValue(args.positional[0]) ?? '';
      return renamed(receiver, (c) => (name === 'add_suffix' ? c + s : s + c));
    }
    case 'drop':
    case 'pop':
      return dropColumns(it, receiver, name, args, act);
    case 'sort_index':
    case 'sort_values': {
      const ascending = args.keywords.get('ascending');
      const descending = ascending?.text === 'False' ? true : ascending ? false : receiver.descending;
      const columns = receiver.columns && new Map([...receiver.columns].map(([c, v]) => [c, { ...v, descending }]));
      return { ...receiver, descending, columns };
    }
    case 'append':
    case 'extend':
    case 'insert':
    case 'add':
    case 'update': {
      const receiverNode = node.childForFieldName('function')?.childForFieldName('object');
      const v = allArgs();
      // A list of conditions (`conditions.append(...)`) accumulates what is appended to it.
      if (receiverNode?.type === 'identifier' && !receiver.columns) {
        it.setName(receiverNode.text, { ...join(receiver, v), items: undefined }, act);
        return scalar();
      }
      return join(receiver, v);
    }
    case 'iloc':
      return receiver;
    case 'searchsorted':
    case 'get_loc':
    case 'get_indexer':
      allArgs();
      return { ...scalar(), barIndex: true };
    case 'copy':
    case 'to_numpy':
    case 'squeeze':
    case 'reset_index':
    case 'set_index':
    case 'dropna':
    case 'astype':
      allArgs();
      return receiver;
    case 'get':
      if (receiver.columns && args.positional[0]?.type === 'string') return column(receiver, stringValue(args.positional[0]) ?? '');
      break;
    case 'from_signals':
    case 'from_orders':
      return vectorbtPortfolio(it, name, node, args, act);
    case 'isna':
    case 'isnull':
    case 'notna':
    case 'notnull':
      // Whether a value exists, not what it is: a shifted series is missing only at its edge, so
      // dropping rows without a label reads no label. A sparse mark (a pivot written where a
      // condition held) is different: where it exists is the information.
      return { ...receiver, sources: receiver.sources.filter((s) => s.code !== 'SL201'), lead: Math.min(receiver.lead, 0), columns: undefined, mergedIn: undefined, decision: true };
    case 'tail':
    case 'head':
      allArgs();
      return { ...receiver, kind: receiver.kind === 'bars' ? 'slice' : receiver.kind, rows: receiver.data ? (name === 'head' ? 'train' : 'test') : receiver.rows };
    default:
      break;
  }
  if (FEATURE_CALLS.has(name)) {
    // statsmodels takes its data in the constructor: `sm.OLS(y, X).fit()` fits on what it was given.
    // A reinforcement-learning agent (`PPO("MlpPolicy", env).learn(...)`) learns from its environment's data.
    const features = name === 'learn' ? (receiver.data ? receiver : undefined) : argValue(0, 'X') ?? argValue(0, 'x') ?? (name === 'fit' && receiver.data ? receiver : undefined);
    const target = name.startsWith('fit') || name === 'learn' ? argValue(1, 'y') : undefined;
    // A fit without a target (a scaler, a t-SNE embedding, a clustering) decides nothing by itself:
    // what it outputs carries the leads on to wherever it is used.
    // A cluster or state predicted by a model fitted without a target is a transform too; a
    // visualiser (`yellowbrick`) only draws.
    const decides = (name.startsWith('fit') ? !!target : !receiver.unsupervised) && !drawsOnly(it, receiver);
    if (features && features !== receiver && decides) it.sink(features, node, `the features passed to \`${name}\``, act, true, target);
    for (const a of args.positional.slice(1)) it.expr(a, act);
    for (const [k, v] of args.keywords) if (k !== 'X' && k !== 'x' && k !== 'eval_set') it.expr(v, act);
    // What a model outputs holds the rows it was given, from the load they came from.
    const out: Value = { ...join(receiver, features), kind: name.startsWith('fit') && name !== 'fit_transform' ? 'model' : features?.kind ?? 'unknown', columns: features?.columns, returnEnd: undefined, origins: name.startsWith('fit') ? join(receiver, features).origins : features?.origins };
    const labels = args.positional[1] ?? args.keywords.get('y');
    if (receiver.kFold && labels && name === 'fit') it.kFolds.push({ node: receiver.kFold, labelLead: labelReach(it.expr(labels, act)) });
    if (/SearchCV$/.test(receiver.estimator ?? '') && name === 'fit') crossValidated(it, features, node, `\`${receiver.estimator}\``);
    if (receiver.splitBy && /SearchCV$/.test(receiver.estimator ?? '')) it.usedSplits.add(receiver.splitBy.id);
    const result = fitFamily(it, name, node, receiver, features, out, act, supervisedFit(args, receiver));
    evaluatedSets(it, args, result, node, act);
    return result;
  }
  // TensorFlow estimators train on an input function (`estimator.train(input_fn=...)`).
  if (name === 'train' && !receiver.data && !receiver.instance) {
    const v = allArgs();
    if (v.data) it.sink(v, node, `the features passed to \`${name}\``, act, true);
    return { ...receiver, kind: 'model' };
  }
  if (name === 'transform' || name === 'score' || name === 'inverse_transform' || (name === 'evaluate' && !receiver.instance)) {
    const features = argValue(0);
    for (const a of args.positional.slice(1)) it.expr(a, act);
    // A transform mixes every column into its output (a scaled matrix has no names): what any column carried, all do.
    const flat = features && (features.columns || features.mergedIn) ? { ...allColumns(features), rows: features.rows, kind: features.kind } : features;
    const out: Value = { ...join(receiver, flat), kind: features?.kind ?? receiver.kind, columns: undefined };
    return fitFamily(it, name, node, receiver, features, out, act, name === 'score' || name === 'evaluate');
  }
  const positionalAxis = !/^(quantile|nlargest|nsmallest|percentile)$/.test(name) && /^\d/.test(args.positional[0]?.text ?? '');
  if (REDUCTIONS.has(name) && !args.keywords.has('axis') && !positionalAxis && (receiver.kind === 'bars' || receiver.kind === 'history' || receiver.kind === 'slice' || receiver.kind === 'unknown')) {
    for (const a of args.positional) it.expr(a, act);
    // `times_ns.min()`, `dates.max()`: the range of a time axis, not a statistic of prices.
    const named = node.childForFieldName('function')?.childForFieldName('object')?.text ?? '';
    const time = /(^|_)(times?|dates?|timestamps?|ts|datetimes?|t)(_ns|_s|_ms|_idx)?$/i.test(named);
    return fullSampleStatistic(time ? { ...receiver, seriesName: 'time' } : receiver, node, name);
  }
  if (REDUCTIONS.has(name) && args.keywords.get('axis')?.text.match(/^(1|"columns"|'columns')$/)) return { ...allColumns(receiver), columns: undefined, mergedIn: undefined };
  if (ROW_PRESERVING.has(name)) return { ...join(receiver, { ...allArgs(), kind: 'scalar', columns: undefined, items: undefined }), returnEnd: receiver.returnEnd };
  if (name === 'apply' || name === 'map') markCallbacks(it, args, act);
  let v = join(receiver, { ...allArgs(), columns: undefined, items: undefined });
  // Whatever a model fitted on every row computes (`hmm._compute_log_likelihood(X)`) carries that fit.
  if (receiver.kind === 'model' && receiver.fitOnAll) v = { ...v, seenBy: [...new Set([...(v.seenBy ?? []), receiver.fitOnAll])] };
  if (receiver.data || receiver.kind === 'bars' || receiver.kind === 'history' || receiver.kind === 'slice') return { ...v, columns: receiver.columns };
  const causal = CAUSAL_MODULES.some((m) => qualified.startsWith(`${m.prefix}.`));
  return causal || !liveSources(v).length ? v : uncertain(v);
}

/**
 * The part stacked parts make: training and validation rows are still training data (a final refit
 * before the test); a test part with anything else, or any part of unknown rows, is all rows again.
 */
function stackedRows(parts: Set<Rows | undefined>): Rows | undefined {
  if (parts.size === 1) return [...parts][0];
  if (parts.has(undefined) || parts.has('test') && parts.has('train')) return undefined;
  return parts.has('test') ? 'test' : 'train';
}

/** `cv=5` or no `cv` at all (scikit-learn's default is 5-fold k-fold, unshuffled): the node to report, else undefined. */
function plainKFold(args: Arguments, call: SyntaxNode): SyntaxNode | undefined {
  const cv = args.keywords.get('cv');
  if (!cv) return call.childForFieldName('function') ?? call;
  return /^\d+$/.test(cv.text) ? cv.parent ?? cv : undefined;
}

/** How many bars ahead a label reaches (`shift(-5)` of a 5-bar return: 5); 0 for a label of the current bar. */
function labelReach(labels: Value): number {
  return Math.max(0, ...labels.sources.filter((s) => s.code === 'SL201' && Number.isFinite(s.lead)).map((s) => s.lead));
}

/**
 * A statistic that ranks columns or assets (correlations, univariate scores): columns chosen with it
 * were chosen with every row in view when it was computed on all rows, like a fitted selector.
 */
function selectionStatistic(it: Interpreter, data: Value, call: SyntaxNode, base: Value = valueOf('scalar', -Infinity, [], true)): Value {
  const all = fitsOnAllRows(data);
  if (all) it.fitOrigins.set(call.id, new Set(data.origins ?? []));
  const seen = [...(data.seenBy ?? []), ...(all ? [call] : [])];
  return { ...base, seenBy: seen.length ? seen : undefined };
}

function vectorbtPortfolio(it: Interpreter, name: string, node: SyntaxNode, args: Arguments, act: Activation): Value {
  const slots = name === 'from_signals' ? ['close', 'entries', 'exits', 'short_entries', 'short_exits'] : ['close', 'size'];
  slots.forEach((slot, i) => {
    const n = args.keywords.get(slot) ?? args.positional[i];
    if (!n || slot === 'close') return;
    it.sink(it.expr(n, act), node, `the \`${slot}\` of \`${name}\``, act);
  });
  for (const [k, v] of args.keywords) if (!slots.includes(k)) it.expr(v, act);
  return scalar();
}

function dropColumns(it: Interpreter, receiver: Value, name: string, args: Arguments, act: Activation): Value {
  const targets: string[] = [];
  for (const a of [args.positional[0], args.keywords.get('columns'), args.keywords.get('labels')]) {
    if (!a) continue;
    const s = stringValue(a);
    if (s !== undefined) targets.push(s);
    const v = it.expr(a, act);
    if (v.strings) targets.push(...v.strings);
  }
  if (name === 'pop') {
    const col = targets[0] !== undefined ? column(receiver, targets[0]) : receiver;
    const receiverNode = args.node.childForFieldName('function')?.childForFieldName('object');
    if (receiverNode?.type === 'identifier' && receiver.columns && targets[0]) {
      const columns = new Map(receiver.columns);
      columns.delete(targets[0]);
      it.setName(receiverNode.text, { ...receiver, columns }, act);
    }
    return col;
  }
  const rowsDropped = !args.keywords.has('columns') && !/^(1|"columns"|'columns')$/.test(args.keywords.get('axis')?.text ?? '');
  if (rowsDropped || !receiver.columns) return receiver;
  const columns = new Map(receiver.columns);
  for (const t of targets) columns.delete(t);
  return { ...receiver, columns };
}

/** Functions handed to `apply` / `agg` run on windows or rows, not on the full history. */
function markCallbacks(it: Interpreter, args: Arguments, act: Activation): void {
  for (const a of [...args.positional, ...args.keywords.values()]) {
    // `apply(f)`, `apply(self.f)`, `apply(lambda row: f(row))`: f runs on windows or rows.
    const names = a.type === 'lambda' ? a.descendantsOfType('call').map((c) => c?.childForFieldName('function')?.text ?? '') : [a.text];
    for (const name of names) {
      const f = it.functions.get(name) ?? methodNamed(it, name, act.className);
      if (f) it.called.add(f.id);
    }
  }
}

/** `self.f`: the method of the class the code runs in (or of its bases in the file). */
function methodNamed(it: Interpreter, text: string, className: string | undefined): SyntaxNode | undefined {
  if (!text.startsWith('self.') || !className) return undefined;
  return it.methodOf(className, text.slice(5));
}
