import { reportLeaks } from '../helpers/leak-report';
import { replaceStringContent } from '../../facts/lookahead';
import { nodeRange } from '../../python/node-range';
import type { Rule } from '../rule';

const BACKWARD_METHODS = new Set(['bfill', 'backfill']);
/** Calls that accept `method=` for filling (fillna, reindex, asfreq, ...). */
const METHOD_CALLS = new Set(['fillna', 'reindex', 'asfreq', 'reindex_like', 'get_indexer']);

export const lookaheadBackfill: Rule = {
  name: 'lookahead-backfill',
  code: 'SL205',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Back-filling (`bfill()`, `fillna(method="bfill")`, `interpolate()`) copies later values into rows that reach a trade or a feature.',
  glossary: ['lookahead-bias', 'warmup-period'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Reports `.bfill()`, `.backfill()`, `fillna(method="bfill")` and `interpolate()`: each fills a gap from a later row. Like every dataflow lookahead rule, it follows the value through assignments, columns (`df["x"]`, `df.loc[cond, "x"]`, `assign`, `merge`, `rename`), lists of conditions and the file\'s helper functions, and reports the source only when the value reaches a decision: a freqtrade entry/exit column, a FreqAI `%` feature, a column or name holding signals or positions, the features of `fit`/`predict`, a vectorbt `from_signals` entry or exit, an order, or what a decision callback returns. A value used only as a label `y`, in a plot, a log line, live-only code or nowhere is not reported; a later positive `shift(k)` that covers the lead compensates it. Error when the whole path is seen; warning when it passes through code the analysis cannot follow or sits in a function nothing in the file calls.',
    why:
      'A gap filled backwards takes the first value that arrives after it: the row shows a price, an indicator or a fundamental figure that was only published later. Even the common `ffill().bfill()` to "clean" an indicator\'s warm-up rows writes the first real value into bars that could not have known it, so the earliest trades of every backtest are taken on information from the future. Forward fill (`ffill`) carries the last known value and is the point-in-time choice.',
    example: [
      'import pandas as pd',
      '',
      'df = pd.read_csv("btc_1m.csv", index_col="timestamp", parse_dates=True)',
      'funding = pd.read_csv("funding_8h.csv", index_col="timestamp", parse_dates=True)',
      'df["funding_rate"] = funding["rate"].reindex(df.index).bfill()',
      'df["signal"] = df["funding_rate"] < 0',
    ].join('\n'),
    fix:
      'Forward-fill (`ffill()`, `method="ffill"`) and leave leading NaNs in place (drop them, or let the warm-up period / `startup_candle_count` skip them). The automatic fix turns `bfill`/`backfill` into `ffill`; it is unsafe because values (and the rows that have them) change.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL205', {
      fix: (leak) => {
        const call = context.index.callsById.get(leak.source.node.id);
        if (!call) return undefined;
        if (BACKWARD_METHODS.has(call.name)) {
          const attr = call.node.childForFieldName('function')?.childForFieldName('attribute');
          return attr ? { title: `Replace ${call.name}() with ffill()`, edits: [{ range: nodeRange(attr), newText: 'ffill' }] } : undefined;
        }
        const method = call.keywords.get('method');
        return method && METHOD_CALLS.has(call.name) ? { title: 'Forward-fill instead (method="ffill")', edits: [replaceStringContent(method, 'ffill')] } : undefined;
      },
    });
  },
};
