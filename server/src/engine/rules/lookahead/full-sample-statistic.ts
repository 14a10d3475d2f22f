import { reportLeaks } from './leak-report';
import { PER_BAR_CALLBACKS, enclosingAssignment, isFreqtradeVectorised, targetNames, unparen, within } from '../../facts/lookahead';
import { stringValue } from '../../facts/python-values';
import type { SyntaxNode } from '../../python/parser';
import type { CallSite } from '../../python/syntax-index';
import type { Rule } from '../rule';

const REDUCTIONS = new Set(['mean', 'std', 'max', 'min', 'median', 'quantile', 'var', 'idxmax', 'idxmin', 'sum']);
/** Calls that make the reduction windowed/grouped (then it is not over the whole sample). */
const WINDOWING = new Set(['rolling', 'expanding', 'ewm', 'groupby', 'resample', 'tail', 'head', 'iloc', 'loc', 'get']);
/** Element-wise transforms: `close.pct_change().std()` still reduces a whole column. */
const ELEMENTWISE = new Set(['pct_change', 'diff', 'abs', 'log', 'apply', 'fillna', 'ffill', 'astype', 'clip', 'dropna', 'shift']);
const EXPRESSION = new Set(['binary_operator', 'comparison_operator', 'parenthesized_expression', 'unary_operator', 'boolean_operator', 'not_operator']);

/** A column-like receiver (`df['close']`, `df.close`, `dataframe['rsi'].pct_change()`), or undefined. */
function columnReceiver(node: SyntaxNode | undefined, calls: Map<number, CallSite>): SyntaxNode | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  if (n.type === 'subscript') {
    const keys = n.childrenForFieldName('subscript');
    if (windowedChain(n.childForFieldName('value'), calls)) return undefined; // df.groupby(k)['x']
    return keys.length === 1 && stringValue(keys[0]) !== undefined ? n : undefined;
  }
  if (n.type === 'attribute') {
    const object = n.childForFieldName('object');
    // `df.close` (not `self.x`, not `np.nan`): a dataframe-like object and a plain field.
    return object && (object.type === 'identifier' || object.type === 'subscript') && !['self', 'np', 'numpy', 'math', 'pd'].includes(object.text) ? n : undefined;
  }
  if (n.type === 'call') {
    const site = calls.get(n.id);
    if (!site || !site.receiver || WINDOWING.has(site.name) || !ELEMENTWISE.has(site.name)) return undefined;
    return columnReceiver(site.receiver, calls) ? n : undefined;
  }
  return undefined;
}

/** Whether a receiver chain goes through rolling/expanding/groupby/... (`df.groupby(k)["x"]`). */
function windowedChain(node: SyntaxNode | null | undefined, calls: Map<number, CallSite>): boolean {
  for (let n = node; n; ) {
    if (n.type === 'call') {
      const site = calls.get(n.id);
      if (site && WINDOWING.has(site.name)) return true;
      n = site?.receiver ?? null;
    } else if (n.type === 'subscript') n = n.childForFieldName('value');
    else if (n.type === 'attribute') n = n.childForFieldName('object');
    else return false;
  }
  return false;
}

/**
 * Whether `expr` contains a per-row series besides the reduction: a column read that is not
 * itself reduced, or the very variable being reduced (`returns - returns.mean()`).
 */
function hasRowwiseOperand(expr: SyntaxNode, reduction: CallSite, calls: Map<number, CallSite>): boolean {
  const receiverName = reduction.receiver?.type === 'identifier' ? reduction.receiver.text : undefined;
  const stack: SyntaxNode[] = [expr];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.id === reduction.node.id) continue;
    if (n.type === 'call') {
      const site = calls.get(n.id);
      if (site && REDUCTIONS.has(site.name)) continue; // another scalar (or a windowed series: judged by its own call)
      if (site && site.receiver && columnReceiver(n, calls)) return true;
    }
    if (n.type === 'identifier' && receiverName && n.text === receiverName && isOperand(n)) return true;
    if ((n.type === 'subscript' || n.type === 'attribute') && columnReceiver(n, calls) && isOperand(n)) return true;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return false;
}

/** Not a callee (`df.close.mean`) and not the object of a further attribute (`df.close.values`). */
function isOperand(n: SyntaxNode): boolean {
  const parent = n.parent;
  if (parent?.type === 'call' && parent.childForFieldName('function')?.id === n.id) return false;
  if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === n.id) return false;
  if (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === n.id) return false;
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === n.id) return false;
  return true;
}

export const lookaheadFullSampleStatistic: Rule = {
  name: 'lookahead-full-sample-statistic',
  code: 'SL203',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A whole-column statistic (`mean()`, `std()`, `max()`, `quantile(q)`...) is combined with per-row values, so every row sees the full sample.',
  glossary: ['lookahead-bias', 'feature-scaling-leakage', 'data-windowing'],
  docs: {
    what:
      'Flags reductions over a whole column (`df["x"].mean()`, `.std()`, `.max()`, `.min()`, `.median()`, `.quantile(q)`, `.var()`, `.sum()`, `.idxmax()`) when the result is combined with the same kind of per-row series: normalisation (`(df.close - df.close.mean()) / df.close.std()`), thresholds (`df.vol > df.vol.quantile(0.9)`), or inside freqtrade `populate_*` methods, where the dataframe is the whole backtest. Windowed forms (`rolling(n).mean()`, `expanding().max()`, `ewm`, `groupby`) and row-wise reductions (`axis=1`) are not reported, nor are scalar summaries such as `returns.mean() / returns.std()`.',
    why:
      'The mean, standard deviation, extremes and quantiles of the full history include every future bar. A z-score or a "top decile volume" threshold computed that way tells row t where it sits relative to prices that had not happened yet (for example, that the current price is far below the eventual all-time high). Backtests on such features look stable; live, the statistic keeps moving and the thresholds no longer mean what they did. This is the same leakage as fitting a scaler on the full data set (Kaufman et al., "Leakage in Data Mining", ACM TKDD 2012).',
    example: [
      'df["z"] = (df["close"] - df["close"].mean()) / df["close"].std()',
      'df["high_volume"] = df["volume"] > df["volume"].quantile(0.9)',
    ].join('\n'),
    fix:
      'Use a trailing window or an expanding one that only sees the past: `df["close"].rolling(100).mean()`, `df["volume"].expanding().quantile(0.9)`, and shift it by one bar if the current bar should not inform its own threshold. No automatic fix: the window length is a modelling choice.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL203');
  },
};
