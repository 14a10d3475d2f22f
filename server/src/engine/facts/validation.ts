// Does the file optimise anything, and does it show any sign of out-of-sample validation?
// Fitting: grid/random searches, `cerebro.optstrategy`, vectorbt sweeps, optuna,
// scipy.optimize, backtesting.py `optimize`. Holdout: splits and CV splitters, slices of rows passed
// to `fit`, date cut-offs, test/OOS-named data, walk-forward helpers, freqtrade `timerange`.
// Fitting inside a strategy class (LEAN/freqtrade/backtrader models retrained while the backtest
// runs) is walk-forward by construction and is not counted.
import type { SyntaxNode } from '../python/parser';
import type { IndexEntries, SyntaxIndex } from '../python/syntax-index';
import { namesKey, perPiece } from './per-piece';
import { dictEntries, stringValue } from './python-values';
import { SEARCHES, SPLITTER_NAMES } from './sklearn';
import type { ModelFacts, StrategyClass, TunedParameter, ValidationFacts } from './types';

const CV_FUNCTIONS = new Set(['cross_val_score', 'cross_validate', 'cross_val_predict', 'validation_curve', 'learning_curve', 'permutation_test_score']);
const SPLIT_FUNCTIONS = new Set(['rolling_split', 'range_split', 'expanding_split', 'Splitter', 'walk_forward', 'walkforward', 'from_rolling', 'from_expanding', 'from_n_rolling']);
const OPTIMISERS = /^(scipy\.optimize\.(minimize|brute|differential_evolution|basinhopping|dual_annealing|shgo)|optuna\.create_study|hyperopt\.fmin|skopt\.(gp_minimize|forest_minimize|gbrt_minimize)|freqtrade\.optimize\.hyperopt\.Hyperopt)$/;
/** Names of the out-of-sample side of a split: `X_test`, `oos_returns`, `holdout`, `df_valid`. */
const OOS_NAME = /(^|_)(test|testing|oos|holdout|hold_out|valid|validation|val|out_of_sample|outsample|unseen|forward)(_|$|\d)/i;
/** A word every OOS_NAME or CUTOFF_NAME match contains: a name without one matches neither. */
const SPLIT_WORD = /test|oos|hold|val|out|unseen|forward|split|cut|train_end|is_end/i;
const CUTOFF_NAME = /(^|_)(split|cutoff|cut_off|train_end|test_start|oos_start|is_end|split_date|split_idx|split_point)(_|$)/i;
const DATE_TEXT = /^\d{4}([-/.]\d{1,2}([-/.]\d{1,2})?)?/;
const ROW_INDEX_NAME = /idx|index|train|mask|split|fold|window|start|end/i;
const WALK_FORWARD_FN = /walk_?forward|wfo|out_of_sample|oos|rolling_(fit|backtest|window)|expanding_(fit|window)/i;

export function validationFacts(index: SyntaxIndex, models: ModelFacts, parameters: TunedParameter[], strategies: StrategyClass[]): ValidationFacts {
  const strategyNames = new Set(strategies.map((s) => s.name));
  const inStrategy = (className: string | undefined) => className !== undefined && strategyNames.has(className);
  const fitting: ValidationFacts['fitting'] = [];
  const holdout: ValidationFacts['holdout'] = [];

  for (const estimator of models.estimators) {
    for (const fit of estimator.fits) {
      const site = index.callsById.get(fit.id);
      // Fitting on a slice of rows: `model.fit(X[train_idx], y[train_idx])`, `X.iloc[:split]`.
      if (site && (rowSlice(site.positional[0]) || rowSlice(site.keywords.get('X')))) holdout.push({ node: fit, label: 'fit on a slice of rows' });
    }
  }
  // Grid sweeps, one entry per sweeping call: `cerebro.optstrategy(S, fast=..., slow=...)`.
  const sweeps = new Map<number, { node: SyntaxNode; names: string[] }>();
  for (const p of parameters) {
    if (p.kind !== 'grid' || inStrategy(p.className)) continue;
    const call = p.sweepCall ?? (p.node.parent?.parent?.type === 'call' ? p.node.parent.parent : p.node);
    const sweep = sweeps.get(call.id) ?? { node: call, names: [] };
    sweep.names.push(p.name);
    sweeps.set(call.id, sweep);
  }
  for (const { node, names } of sweeps.values()) {
    const callee = node.type === 'call' ? node.childForFieldName('function')?.text : undefined;
    fitting.push({ node, label: `${callee ? `\`${callee}\`` : 'parameter'} sweep over ${names.join(', ')}` });
  }
  for (const splitter of models.splitters) holdout.push({ node: splitter.call, label: splitter.name });

  // `study.optimize(...)` (optuna), `bt.optimize(...)` (backtesting.py): only with those imports.
  const optimizerImported = [...index.imports.values()].some((m) => /^(optuna|backtesting)(\.|$)/.test(m));
  const context = `${optimizerImported}|${namesKey(strategyNames)}`;
  const parts = perPiece(index, 'validation', context, (piece) => signsIn(piece, inStrategy, optimizerImported));
  const fromdates = new Set<string>();
  // Loop by loop, as one pass over the whole index would meet them: calls, assignments, subscripts, functions.
  for (const part of parts) {
    for (const sign of part.calls) {
      if (sign.kind === 'fromdate') fromdates.add(sign.label);
      else if (sign.kind === 'optstrategy') {
        if (!sweeps.has(sign.node.id)) fitting.push({ node: sign.node, label: sign.label });
      } else (sign.kind === 'fitting' ? fitting : holdout).push({ node: sign.node, label: sign.label });
    }
  }
  if (fromdates.size > 1) holdout.push({ node: index.root, label: 'data feeds over different date ranges' });
  for (const part of parts) for (const sign of part.assignments) holdout.push(sign);
  for (const part of parts) for (const sign of part.subscripts) holdout.push(sign);
  for (const part of parts) for (const sign of part.functions) holdout.push(sign);
  // A configuration with training and held-out segments (qlib `segments={"train": ..., "valid": ..., "test": ...}`).
  if (holdout.length === 0 && /["'](test|valid|validation)["']\s*:/.test(index.root.text)) {
    for (const dict of index.root.descendantsOfType('dictionary')) {
      const keys = dictEntries(dict).map((e) => e.key);
      if (keys.includes('train') && keys.some((k) => /^(test|valid|validation)$/.test(k))) {
        holdout.push({ node: dict, label: 'train / held-out segments' });
        break;
      }
    }
  }
  return { fitting, holdout };
}

/** What one piece of the index says about fitting and held-out data, loop by loop, in order. */
interface PieceSigns {
  /** `optstrategy` counts as fitting unless a parameter sweep already names the call; `fromdate` carries the date's text as its label. */
  calls: { kind: 'fitting' | 'holdout' | 'optstrategy' | 'fromdate'; node: SyntaxNode; label: string }[];
  assignments: Sign[];
  subscripts: Sign[];
  functions: Sign[];
}

type Sign = ValidationFacts['holdout'][number];

function signsIn(piece: IndexEntries, inStrategy: (className: string | undefined) => boolean, optimizerImported: boolean): PieceSigns {
  const signs: PieceSigns = { calls: [], assignments: [], subscripts: [], functions: [] };
  const calls = signs.calls;
  for (const call of piece.calls) {
    const q = call.qualifiedCallee ?? '';
    if (SEARCHES.has(call.name)) {
      if (!inStrategy(call.scope.className)) calls.push({ kind: 'fitting', node: call.node, label: call.name });
      calls.push({ kind: 'holdout', node: call.node, label: `${call.name} cross-validation` });
    } else if (CV_FUNCTIONS.has(call.name) || SPLIT_FUNCTIONS.has(call.name)) {
      calls.push({ kind: 'holdout', node: call.node, label: call.name });
    } else if (OPTIMISERS.test(q) || (call.name === 'optimize' && call.receiver && optimizerImported && !inStrategy(call.scope.className))) {
      if (!inStrategy(call.scope.className)) calls.push({ kind: 'fitting', node: call.node, label: `\`${call.callee ?? call.name}\` optimisation` });
    } else if (call.name === 'split' && call.receiver && (call.receiver.type === 'identifier' || call.receiver.type === 'call') && call.positional.length > 0) {
      calls.push({ kind: 'holdout', node: call.node, label: 'splitter.split' });
    } else if (call.name === 'train' && call.receiver?.text === 'self' && inStrategy(call.scope.className)) {
      calls.push({ kind: 'holdout', node: call.node, label: 'scheduled retraining (walk-forward)' });
    }
    if (call.name === 'optstrategy') calls.push({ kind: 'optstrategy', node: call.node, label: 'cerebro.optstrategy' });
    const from = call.keywords.get('fromdate');
    if (from) calls.push({ kind: 'fromdate', node: from, label: from.text });
    for (const [key, value] of call.keywords) {
      // An `eval_set` counts only when its rows are held out (the dataflow's evaluated uses).
      if (key === 'timerange' || (OOS_NAME.test(key) && key !== 'test_size')) {
        calls.push({ kind: 'holdout', node: value, label: `\`${key}=\` argument` });
      }
    }
  }
  for (const a of piece.assignments) {
    // Most targets hold no word a split name is made of: one scan of the text rules them out.
    const splitName = SPLIT_WORD.test(a.target) && targetNames(a.target).some((n) => OOS_NAME.test(lastSegment(n)) || CUTOFF_NAME.test(lastSegment(n)));
    // A crossover point drawn at random (`cutoff = np.random.randint(...)`) splits genes, not data.
    // The statement's text is read only for the few names that look like a split.
    if (splitName && !/random|randint|rand\(/.test(a.node.text)) signs.assignments.push({ node: a.node, label: `\`${short(a.target)}\` assignment` });
    else if (/timerange/.test(a.target)) signs.assignments.push({ node: a.node, label: 'timerange' });
  }
  for (const s of piece.subscripts) {
    if (s.index.some((i) => dateCut(i))) signs.subscripts.push({ node: s.node, label: 'date cut-off' });
    // `evals_result["valid"]`, `dataset.segments["test"]`: the score of a held-out segment.
    else if (/eval|result|segment|score|metric/i.test(s.value.text) && s.index.some((i) => /^(valid|validation|test|oos|holdout)$/.test(stringValue(i) ?? ''))) signs.subscripts.push({ node: s.node, label: 'held-out segment' });
  }
  for (const fn of piece.functions) {
    if (WALK_FORWARD_FN.test(fn.name)) signs.functions.push({ node: fn.node, label: `\`${fn.name}\`` });
  }
  // Most pieces say nothing: one shared empty answer instead of four arrays each.
  return signs.calls.length || signs.assignments.length || signs.subscripts.length || signs.functions.length ? signs : NO_SIGNS;
}

const NO_SIGNS: PieceSigns = Object.freeze({ calls: [], assignments: [], subscripts: [], functions: [] }) as PieceSigns;

/** The names of an assignment target (`X_train, X_test` -> both). */
function targetNames(target: string): string[] {
  return target.includes(',') ? target.replace(/^[([]|[)\]]$/g, '').split(',').map((n) => n.trim()) : [target];
}

function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

function short(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 40 ? line.slice(0, 37) + '...' : line;
}

/** A row selection rather than a column selection: `X[:n]`, `X[train_idx]`, `X.iloc[a:b]`, `X[mask]`. */
function rowSlice(node: SyntaxNode | undefined): boolean {
  if (node?.type !== 'subscript') return false;
  const value = node.childForFieldName('value');
  const isIloc = value?.type === 'attribute' && /^(iloc|loc)$/.test(value.childForFieldName('attribute')?.text ?? '');
  const first = node.childrenForFieldName('subscript')[0];
  if (!first) return false;
  if (first.type === 'slice') return true;
  if (first.type === 'comparison_operator' || first.type === 'boolean_operator') return true;
  if (first.type === 'identifier' || first.type === 'attribute') return ROW_INDEX_NAME.test(first.text) || isIloc;
  return false;
}

/** `df.loc[:"2021-12-31"]`, `df["2022":]`, `df[df.index < "2022-01-01"]`, `df[df.date >= pd.Timestamp(...)]`. */
function dateCut(node: SyntaxNode): boolean {
  if (node.type === 'slice' || node.type === 'comparison_operator') {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const text = stringValue(child);
      if (text !== undefined && DATE_TEXT.test(text)) return true;
      if (child.type === 'call' && /(^|\.)(Timestamp|datetime|to_datetime|date)$/.test(child.childForFieldName('function')?.text ?? '')) return true;
      if (node.type === 'comparison_operator' && (child.type === 'identifier' || child.type === 'attribute') && CUTOFF_NAME.test(lastSegment(child.text))) return true;
    }
  }
  if (node.type === 'boolean_operator' || node.type === 'binary_operator' || node.type === 'parenthesized_expression') {
    return node.namedChildren.some((c) => c !== null && dateCut(c));
  }
  return false;
}

export { SPLITTER_NAMES };
