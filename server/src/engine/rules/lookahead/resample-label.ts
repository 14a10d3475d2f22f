import { reportLeaks } from './leak-report';
import { argument, chainedCall, intValue, rangeOf, sameScope } from '../../facts/lookahead';
import { stringValue } from '../../facts/python-values';
import type { CallSite, SyntaxIndex } from '../../python/syntax-index';
import type { Fix, TextEdit } from '../../types';
import type { Rule } from '../rule';
import { assignedNames } from './label-use';

/** Aggregations that summarise the whole bin (its last price, its extremes, its mean). */
const AGGREGATIONS = new Set(['ohlc', 'last', 'mean', 'max', 'min', 'agg', 'aggregate', 'apply', 'median', 'sum', 'std', 'var', 'nunique', 'prod', 'quantile']);
/** Period-end frequencies: pandas already defaults them to closed="right", label="right". */
const END_ANCHORED = /^\d*\s*(W|M|ME|BM|BME|SM|SME|CBM|Q|QE|BQ|BQE|A|Y|YE|BA|BY|BYE)(-[A-Z]{3})?$/;

/** Whether the resampled result is lagged afterwards (`.shift(1)` chained, or on the variable it is stored in). */
function lagged(index: SyntaxIndex, resample: CallSite, aggregation: CallSite): boolean {
  const next = chainedCall(aggregation, index);
  if (next?.name === 'shift') return (intValue(argument(next, 0, 'periods')) ?? 0) > 0;
  const names = assignedNames(aggregation.node);
  if (!names.length) return false;
  for (const call of index.calls) {
    if (call.name !== 'shift' || !call.receiver || call.node.startIndex < aggregation.node.endIndex) continue;
    if (!sameScope(call.scope, resample.scope)) continue;
    const receiver = call.receiver.type === 'subscript' ? call.receiver.childForFieldName('value') : call.receiver;
    const base = receiver?.type === 'attribute' ? receiver.childForFieldName('object') : receiver;
    if ((receiver && names.includes(receiver.text)) || (base && names.includes(base.text))) {
      if ((intValue(argument(call, 0, 'periods')) ?? 0) > 0) return true;
    }
  }
  return false;
}

function fixFor(call: CallSite): Fix | undefined {
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const key of ['closed', 'label']) {
    const value = call.keywords.get(key);
    if (!value) missing.push(`${key}="right"`);
    // An explicit closed= is the author's statement about how candles are stamped: keep it.
    else if (key === 'label' && stringValue(value) !== 'right') edits.push({ range: rangeOf(value), newText: '"right"' });
  }
  const args = call.node.childForFieldName('arguments');
  if (!args) return undefined;
  if (missing.length) {
    const close = args.child(args.childCount - 1);
    if (close?.type !== ')') return undefined;
    const last = args.namedChildren.filter((c) => c && c.type !== 'comment').pop();
    const trailingComma = args.child(args.childCount - 2)?.type === ',';
    const prefix = last && !trailingComma ? ', ' : last ? ' ' : '';
    edits.push({ range: { start: rangeOf(close).start, end: rangeOf(close).start }, newText: prefix + missing.join(', ') });
  }
  return edits.length ? { title: 'Use right-closed, right-labelled bins', safety: 'unsafe', edits } : undefined;
}

export const lookaheadResampleLabel: Rule = {
  name: 'lookahead-resample-label',
  code: 'SL206',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Prices are aggregated with `resample(...)` into left-labelled bins, so each bar is stamped with the time its period *started*.',
  glossary: ['lookahead-bias', 'data-windowing'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Flags `resample(rule)` followed by an aggregation of the bin (`ohlc()`, `last()`, `mean()`, `max()`, `min()`, `agg(...)`...) when the bins are labelled with their left edge (the pandas default for intraday and daily rules). Period-end frequencies (`W`, `M`/`ME`, `Q`, `A`/`Y`...) already default to `closed="right", label="right"` and are only flagged if set otherwise. `label="right"` with `closed="left"` is accepted: it is the correct choice for candles stamped at their open time (freqtrade, ccxt), while `closed="right", label="right"` suits data stamped at the close. A result that is lagged afterwards (`.shift(1)` chained, or applied later to the variable it was stored in) is not reported.',
    why:
      'For intraday and daily frequencies pandas labels each bin with its left edge: the 1-hour bar stamped 10:00 holds the close of 10:59. Joined back onto finer data (or compared with another series on the same index) that close appears at 10:00, an hour before it exists. Higher-timeframe confirmation filters built this way are among the most common hidden lookahead bugs; freqtrade\'s `merge_informative_pair` exists precisely to shift informative candles to the time they close.',
    example: ['hourly = df["close"].resample("1h").ohlc()', 'df = df.join(hourly["close"].rename("h_close")).ffill()'].join('\n'),
    fix:
      'Stamp bins at their end: `resample("1h", closed="right", label="right")`, or keep the defaults and lag the result by one bin (`.shift(1)`) before joining it to finer data. In freqtrade, use `merge_informative_pair`. The automatic fix adds `closed="right", label="right"`; it is unsafe because bins move by one boundary and every value downstream changes.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL206', {
      fix: (leak) => {
        const call = context.index.callsById.get(leak.source.node.id);
        return call ? fixFor(call) : undefined;
      },
    });
  },
};
