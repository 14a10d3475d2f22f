import type { ProposedFix } from '../rule';
import { reportLeaks } from '../helpers/leak-report';
import { nodeRange } from '../../python/node-range';
import { stringValue } from '../../facts/python-values';
import type { CallSite } from '../../python/syntax-index';
import type { TextEdit } from '../../types';
import type { Rule } from '../rule';

function fixFor(call: CallSite): ProposedFix | undefined {
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const key of ['closed', 'label']) {
    const value = call.keywords.get(key);
    if (!value) missing.push(`${key}="right"`);
    // An explicit closed= is the author's statement about how candles are stamped: keep it.
    else if (key === 'label' && stringValue(value) !== 'right') edits.push({ range: nodeRange(value), newText: '"right"' });
  }
  const args = call.node.childForFieldName('arguments');
  if (!args) return undefined;
  if (missing.length) {
    const close = args.child(args.childCount - 1);
    if (close?.type !== ')') return undefined;
    const last = args.namedChildren.filter((c) => c && c.type !== 'comment').pop();
    const trailingComma = args.child(args.childCount - 2)?.type === ',';
    const prefix = last && !trailingComma ? ', ' : last ? ' ' : '';
    edits.push({ range: { start: nodeRange(close).start, end: nodeRange(close).start }, newText: prefix + missing.join(', ') });
  }
  return edits.length ? { title: 'Use right-closed, right-labelled bins', edits } : undefined;
}

export const lookaheadResampleLabel: Rule = {
  name: 'lookahead-resample-label',
  code: 'SL206',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Bars aggregated with `resample(...)` into left-labelled bins are put back onto finer bars, so each row sees its whole period before it ends.',
  glossary: ['lookahead-bias', 'data-windowing'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Reports `resample(rule)` aggregations labelled at the start of each period (the pandas default except for period-end rules such as `W`, `M`, `Q`, `A`) when the coarse frame is merged, joined or reindexed back onto finer bars without a one-bar shift: each fine row then sees the whole period. `label="right"` is not reported. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'For intraday and daily frequencies pandas labels each bin with its left edge: the 1-hour bar stamped 10:00 holds the close of 10:59. Joined back onto finer data (or compared with another series on the same index) that close appears at 10:00, an hour before it exists. Higher-timeframe confirmation filters built this way are among the most common hidden lookahead bugs; freqtrade\'s `merge_informative_pair` exists precisely to shift informative candles to the time they close.',
    example: [
      'import pandas as pd',
      '',
      'df = pd.read_csv("btc_5m.csv", index_col="date", parse_dates=True)',
      'hourly = df["close"].resample("1h").ohlc()',
      'df = df.join(hourly["close"].rename("h_close")).ffill()',
      'df["entries"] = df["close"] > df["h_close"]',
    ].join('\n'),
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
