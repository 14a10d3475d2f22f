import { reportLeaks } from './leak-report';
import { rangeOf, replaceStringContent } from '../../facts/lookahead';
import { stringValue } from '../../facts/python-values';
import type { Rule } from '../rule';

const BACKWARD_METHODS = new Set(['bfill', 'backfill']);
/** Calls that accept `method=` for filling (fillna, reindex, asfreq, ...). */
const METHOD_CALLS = new Set(['fillna', 'reindex', 'asfreq', 'reindex_like', 'get_indexer']);

export const lookaheadBackfill: Rule = {
  name: 'lookahead-backfill',
  code: 'SL205',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'Back-filling (`bfill()`, `backfill()`, `fillna(method="bfill")`) copies a later value into earlier gaps.',
  glossary: ['lookahead-bias', 'warmup-period'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Flags `.bfill()` and `.backfill()` (on frames, series and resamplers) and `method="bfill"`/`"backfill"` passed to `fillna`, `reindex`, `asfreq` and friends. Interpolation is not covered by this rule.',
    why:
      'A gap filled backwards takes the first value that arrives after it: the row shows a price, an indicator or a fundamental figure that was only published later. Even the common `ffill().bfill()` to "clean" an indicator\'s warm-up rows writes the first real value into bars that could not have known it, so the earliest trades of every backtest are taken on information from the future. Forward fill (`ffill`) carries the last known value and is the point-in-time choice.',
    example: ['df["funding_rate"] = df["funding_rate"].bfill()', 'df = df.reindex(minute_index, method="bfill")'].join('\n'),
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
          return attr ? { title: `Replace ${call.name}() with ffill()`, safety: 'unsafe', edits: [{ range: rangeOf(attr), newText: 'ffill' }] } : undefined;
        }
        const method = call.keywords.get('method');
        return method && METHOD_CALLS.has(call.name) ? { title: 'Forward-fill instead (method="ffill")', safety: 'unsafe', edits: [replaceStringContent(method, 'ffill')] } : undefined;
      },
    });
  },
};
