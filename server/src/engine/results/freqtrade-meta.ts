// freqtrade `<result>.meta.json`: {Name: {run_id, backtest_start_time, [timeframe,
// backtest_start_ts, backtest_end_ts]}}. Small and cheap, it names the strategies of the result
// beside it; it carries no performance figures.
import type { BacktestSummary, KeyLocation } from './summary';
import { emptySummary, problem } from './problems';
import { isRecord } from './json-read';
import { isoFromEpoch } from './dates';

export function looksLikeFreqtradeMeta(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const entries = Object.values(v);
  return entries.length > 0 && entries.every((e) => isRecord(e) && ('run_id' in e || 'backtest_start_time' in e));
}

export function loadFreqtradeMeta(file: string, value: unknown, keys: Map<string, KeyLocation>): BacktestSummary[] {
  if (!isRecord(value)) return [];
  const names = Object.keys(value);
  return names.map((name) => {
    const s = emptySummary('freqtrade-meta', file);
    s.strategy = name;
    if (names.length > 1) s.strategies = names;
    const at = keys.get(name);
    if (at) s.locations.strategy = at;
    const meta = value[name];
    if (isRecord(meta)) {
      // Newer freqtrade records the simulated range here (seconds); older only the run time.
      const start = isoFromEpoch(meta.backtest_start_ts);
      const end = isoFromEpoch(meta.backtest_end_ts);
      if (start && end) s.period = { start, end };
    }
    s.problems.push(problem('metadata only: the figures are in the result file with the same name (.json or .zip)', 'info'));
    return s;
  });
}
