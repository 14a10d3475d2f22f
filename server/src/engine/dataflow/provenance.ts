// Row provenance: which rows a data set holds (the training part, a validation part, the test part,
// or all of them) and which fits on all rows its values have passed through. A fit on rows that
// include the held-out rows, whose output or model is later used on those rows, is a leak (SL204):
// the score reported out of sample was computed with statistics of the rows it scores.
import type { SyntaxNode } from '../python/parser';
import type { Interpreter } from './interpreter';
import { LEARNS_NO_STATISTIC, SEQUENCE_DECODERS } from './library-knowledge';
import { allColumns, valueOf, withSource, type Rows, type Source, type Value } from './value';

export type { Rows } from './value';

/** Rows held out from training: what a model is validated or tested on. */
export const heldOut = (rows: Rows | undefined): boolean => rows === 'validation' || rows === 'test';

/** Whether a fit on this value uses every row: market data not known to be a training part. */
export function fitsOnAllRows(features: Value | undefined): boolean {
  return !!features && features.data && !features.rows && features.kind !== 'slice' && features.kind !== 'history';
}

/** The fitted object after `fit` / `fit_transform` / `partial_fit` on `features` (with a target when `supervised`). */
export function fitted(model: Value, features: Value | undefined, call: SyntaxNode, supervised: boolean): Value {
  const learns = !LEARNS_NO_STATISTIC.names.test(model.estimator ?? '');
  const onHeldOut = learns && heldOut(features?.rows) && features!.data;
  return { ...model, kind: 'model', fitCall: call, fitOnAll: learns && fitsOnAllRows(features) ? call : undefined, fitOnHeldOut: onHeldOut ? call : undefined, unsupervised: !supervised };
}

/** What a transform (or `fit_transform`) returns: the rows it was given, marked with the fits on all rows it passed. */
export function transformed(out: Value, features: Value | undefined, fitOnAll: SyntaxNode | undefined, prediction = false, fitOnHeldOut?: SyntaxNode): Value {
  const seen = [...(features?.seenBy ?? []), ...(fitOnAll ? [fitOnAll] : []), ...(fitOnHeldOut ? [fitOnHeldOut] : [])];
  const result: Value = { ...out, rows: features?.rows, seenBy: seen.length ? seen : undefined };
  // In a strategy the whole backtest is the evaluation: the output of a fit on all rows that
  // decides a trade reads every row (sinks leave this source to the test-row check for features).
  // A supervised model's predictions on the rows it was fitted on are an in-sample result (missing
  // holdout's concern); a transform's output (a scaled column, a cluster, a hidden state) is a
  // feature computed with every row's statistics.
  return fitOnAll && !prediction ? withSource(result, { code: 'SL204', node: fitOnAll, lead: Infinity, what: `${fitText(fitOnAll)} learns from every row of the data` }) : result;
}

const fitText = (fit: SyntaxNode) => `\`${fit.text.length <= 50 ? fit.text : 'this fit'}\``;

/** The rows a split of `rows` gives, in order: all rows split into training and test, a training part into training and validation, a test part into validation and test. */
export function splitParts(rows: Rows | undefined): [Rows, Rows] {
  return rows === 'train' ? ['train', 'validation'] : heldOut(rows) ? ['validation', 'test'] : ['train', 'test'];
}

const HELD_OUT_NAME = /(^|_)(test|tst|val|valid|validation|oos|holdout|hold_out|out_of_sample|unseen)(_|\d|$)/i;
const TRAIN_NAME = /(^|_)(train|trn|training|in_sample|insample)(_|\d|$)/i;

/**
 * Data stored under a name that says which part it is (`test_df = pd.read_csv("test.csv")`,
 * `X_val = ...`) when nothing else says: the name is the author's statement of intent, and the
 * only one when the parts come from separate files.
 */
export function rowsByName(name: string, value: Value): Value {
  if (!value.data || value.kind === 'model' || value.kind === 'scalar') return value;
  // A part already known keeps its name unless the author names it the other way round
  // (`X_train, X_valid = X_train[5000:], X_train[:5000]`: the later rows are the training part here).
  if (value.rows) {
    const bare = name.replace(/^self\./, '');
    if (heldOut(value.rows) && TRAIN_NAME.test(bare) && !HELD_OUT_NAME.test(bare)) return { ...value, rows: 'train' };
    if (value.rows === 'train' && HELD_OUT_NAME.test(bare) && !TRAIN_NAME.test(bare)) return { ...value, rows: /(^|_)val/i.test(bare) ? 'validation' : 'test' };
    return value;
  }
  const bare = name.replace(/^self\./, '');
  // `valid_mask`, `test_count`: a mask or a number about the rows, not a part of them.
  if (/(^|_)(mask|flag|flags|count|counts|len|size|n|num|idx_count)$/i.test(bare)) return value;
  if (HELD_OUT_NAME.test(bare)) return { ...value, rows: /(^|_)val/i.test(bare) ? 'validation' : 'test' };
  if (TRAIN_NAME.test(bare)) return { ...value, rows: 'train' };
  return value;
}

/**
 * Scoring or applying something to held-out rows: every fit on all rows that those rows (or the
 * model) went through is reported at the fit, with the evaluation as the place it leaks into.
 */
export function evaluated(it: Interpreter, features: Value | undefined, model: Value, call: SyntaxNode, how: string): void {
  if (!heldOut(features?.rows)) return;
  it.heldOutUses.push(call);
  const part = features!.rows === 'validation' ? 'validation' : 'test';
  // A frame went through every fit any of its columns went through.
  const rows = features!.columns || features!.mergedIn ? allColumns(features!) : features!;
  const fits = [...(rows.seenBy ?? []), ...(model.seenBy ?? []), ...(model.fitOnAll ? [model.fitOnAll] : []), ...(model.fitOnHeldOut ? [model.fitOnHeldOut] : [])];
  const loads = rows.origins ?? [];
  for (const fit of new Set(fits)) {
    const key = `SL204:${fit.id}`;
    if (it.leaks.has(key)) continue;
    // A fit on a held-out part leaks only into that same part (a stacker fitted on the validation rows is tested on others).
    const fittedPart = it.fitParts.get(fit.id);
    if (fittedPart && fittedPart !== part) continue;
    // Test rows read from a file the fit never saw (`df_test = pd.read_csv("test.csv")`) are out of its sample.
    const seen = it.fitOrigins.get(fit.id);
    if (seen?.size && loads.length && !loads.some((o) => seen.has(o))) continue;
    const source: Source = {
      code: 'SL204',
      node: fit,
      lead: Infinity,
      what: fittedPart ? `${fitText(fit)} is fitted on the ${part} rows themselves` : `${fitText(fit)} learns from every row, the ${part} rows included`,
      chain: [],
      uncertain: false,
    };
    it.leaks.set(key, { source, sink: { node: call, what: `the ${part} rows ${how}` }, certain: true });
  }
}

/**
 * Cross-validation (`cross_val_score(model, X, y)`, `GridSearchCV(...).fit(X, y)`) scores every row
 * as a test fold in turn: features that went through a fit on all rows were scaled, selected or
 * decomposed with each test fold in view.
 */
export function crossValidated(it: Interpreter, features: Value | undefined, call: SyntaxNode, how: string): void {
  if (!features?.data) return;
  const rows = features.columns || features.mergedIn ? allColumns(features) : features;
  for (const fit of new Set(rows.seenBy ?? [])) {
    const key = `SL204:${fit.id}`;
    if (it.leaks.has(key) || it.fitParts.has(fit.id)) continue;
    const source: Source = { code: 'SL204', node: fit, lead: Infinity, what: `${fitText(fit)} learns from every row, each test fold included`, chain: [], uncertain: false };
    it.leaks.set(key, { source, sink: { node: call, what: `the test folds of ${how}` }, certain: true });
  }
}

/** The rows a comparison keeps when it filters on time (`df[df.index < cutoff]`): the earlier or the later part. */
export function rowsOfTimeFilter(condition: SyntaxNode, left: Value | undefined, right?: Value): Rows | undefined {
  if (condition.type !== 'comparison_operator') return undefined;
  // The time axis on the left, or a date on the right (`t_end < pd.Timestamp("2019-01-01")`, `< "2019-01-01"`).
  const rightNode = condition.namedChild(1);
  const dateOnRight = /date|time|stamp/i.test(right?.seriesName ?? '') || /^[rbf]?["']\d{4}-\d{2}(-\d{2})?/.test(rightNode?.text ?? '');
  if (!/date|time|stamp|^index$/i.test(left?.seriesName ?? '') && !dateOnRight) return undefined;
  // `ts >= start_dt`, `date <= END_DATE`: the window the study covers, not a part of it.
  if (/(^|_)(start|begin|from|first|min|end|stop|until|last|max)(_|$)/i.test(rightNode?.text.replace(/^.*\./, '') ?? '') && !/split|cut|train|test|valid|oos|holdout/i.test(rightNode?.text ?? '')) return undefined;
  const op = condition.children.find((c) => c && /^[<>]=?$/.test(c.type))?.type;
  return op?.startsWith('<') ? 'train' : op?.startsWith('>') ? 'test' : undefined;
}

/**
 * `hmm.predict(X)` on a whole series: the decoded state of each row is chosen with every later
 * observation in view (Viterbi finds the best path through the whole sequence; `predict_proba` is
 * the smoothed posterior). Only the last state of a decode over rows up to t is known at t.
 */
export function decodedStates(model: Value, features: Value | undefined, call: SyntaxNode, out: Value): Value {
  // A model fitted on all rows is reported at its fit; the decode is one more reason to fix it.
  if (!SEQUENCE_DECODERS.names.test(model.estimator ?? '') || !features?.data || model.fitOnAll) return out;
  if (features.kind === 'history' || features.window) return out;
  return withSource(out, { code: 'SL204', node: call, lead: Infinity, what: `${fitText(call)} decodes each hidden state with the whole sequence, later observations included` });
}

/** Estimates a fitted model exposes: coefficients, a hedge ratio, cluster centres, state means. */
const FITTED_ESTIMATES = /^(params|coef_|intercept_|means_|covars_|cluster_centers_|components_|mean_|scale_|var_|slope|intercept|beta|bse|fittedvalues|resid|weights_|transmat_)$/;

/**
 * `model.params` of a fit on all rows is a full-sample estimate, reported at the fit (a hedge ratio estimated over the
 * whole history builds a spread whose every row knows the future relation); statsmodels' smoothed
 * regime probabilities are decoded with later observations.
 */
export function fittedAttribute(model: Value, name: string, node: SyntaxNode): Value | undefined {
  const base: Value = valueOf('scalar', -Infinity, [], true);
  if (name === 'smoothed_marginal_probabilities' || name === 'smoothed_joint_probabilities') {
    return withSource({ ...base, kind: 'bars', lead: 0 }, { code: 'SL204', node, lead: Infinity, what: `\`${node.text.slice(0, 60)}\` are smoothed with the whole sequence, later observations included` });
  }
  // scikit-learn / hmmlearn name what a fit learnt with a trailing underscore (`startprob_`, `scale_`).
  if (!model.fitOnAll || !(FITTED_ESTIMATES.test(name) || /^[a-z]\w*_$/.test(name))) return undefined;
  const fit = model.fitOnAll;
  return withSource({ ...base, seenBy: [fit] }, { code: 'SL204', node: fit, lead: Infinity, what: `${fitText(fit)} estimates \`${name}\` over the whole history, later rows included` });
}
