// Row provenance: which rows a data set holds (the training part, the test part, or all of them)
// and which fits on all rows its values have passed through. A fit on rows that include the test
// rows, whose output or model is later used on those test rows, is a leak (SL204): the score
// reported out of sample was computed with statistics of the rows it scores.
import type { SyntaxNode } from '../python/parser';
import type { Interpreter } from './interpreter';
import { withSource, type Source, type Value } from './value';

export type Rows = 'train' | 'test';

/** Whether a fit on this value uses every row: market data not known to be a training part. */
function fitsOnAllRows(features: Value | undefined): boolean {
  return !!features && features.data && !features.rows && features.kind !== 'slice' && features.kind !== 'history';
}

/** The fitted object after `fit` / `fit_transform` / `partial_fit` on `features`. */
export function fitted(model: Value, features: Value | undefined, call: SyntaxNode): Value {
  return { ...model, fitOnAll: fitsOnAllRows(features) ? call : undefined };
}

/** What a transform (or `fit_transform`) returns: the rows it was given, marked with the fits on all rows it passed. */
export function transformed(out: Value, features: Value | undefined, fitOnAll: SyntaxNode | undefined, prediction = false): Value {
  const seen = [...(features?.seenBy ?? []), ...(fitOnAll ? [fitOnAll] : [])];
  const result: Value = { ...out, rows: features?.rows, seenBy: seen.length ? seen : undefined };
  // In a strategy the whole backtest is the evaluation: the output of a fit on all rows that
  // decides a trade reads every row (sinks leave this source to the test-row check for features).
  // A model's predictions on the rows it was fitted on are an in-sample result (missing-holdout's
  // concern); a transform's output is a feature computed with every row's statistics.
  return fitOnAll && !prediction ? withSource(result, { code: 'SL204', node: fitOnAll, lead: Infinity, what: `${fitText(fitOnAll)} learns from every row of the data` }) : result;
}

const fitText = (fit: SyntaxNode) => `\`${fit.text.length <= 50 ? fit.text : 'this fit'}\``;

/**
 * Scoring or applying something to test rows: every fit on all rows that those rows (or the model)
 * went through is reported at the fit, with the evaluation as the place it leaks into.
 */
export function evaluated(it: Interpreter, features: Value | undefined, model: Value, call: SyntaxNode, how: string): void {
  if (features?.rows !== 'test') return;
  const fits = [...(features.seenBy ?? []), ...(model.fitOnAll ? [model.fitOnAll] : [])];
  for (const fit of fits) {
    const key = `SL204:${fit.id}`;
    if (it.leaks.has(key)) continue;
    const source: Source = {
      code: 'SL204',
      node: fit,
      lead: Infinity,
      what: `${fitText(fit)} learns from every row, the test rows included`,
      chain: [],
      uncertain: false,
    };
    it.leaks.set(key, { source, sink: { node: call, what: `the test rows ${how}` }, certain: true });
  }
}

/** The rows a comparison keeps when it filters on time (`df[df.index < cutoff]`): the earlier or the later part. */
export function rowsOfTimeFilter(condition: SyntaxNode, left: Value | undefined): Rows | undefined {
  if (condition.type !== 'comparison_operator' || !/date|time|stamp|^index$/i.test(left?.seriesName ?? '')) return undefined;
  const op = condition.children.find((c) => c && /^[<>]=?$/.test(c.type))?.type;
  return op?.startsWith('<') ? 'train' : op?.startsWith('>') ? 'test' : undefined;
}
