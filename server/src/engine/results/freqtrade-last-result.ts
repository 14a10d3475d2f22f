// freqtrade `.last_result.json`: {"latest_backtest": "backtest-result-<date>.json|.zip"}.
// Only a pointer; the summary's `refersTo` names the file so the caller can load it.
import * as path from 'node:path';
import type { BacktestSummary, KeyLocation } from './summary';
import { emptySummary, problem } from './problems';
import { isRecord } from './json-read';

export function looksLikeLastResult(v: unknown): boolean {
  return isRecord(v) && 'latest_backtest' in v;
}

export function loadLastResult(file: string, value: unknown, keys: Map<string, KeyLocation>): BacktestSummary[] {
  const s = emptySummary('freqtrade-last-result', file);
  const at = keys.get('latest_backtest');
  if (at) s.locations.latest_backtest = at;
  const target = isRecord(value) ? value.latest_backtest : undefined;
  // The pointer must be a plain file name in the same folder: anything else could point out.
  if (typeof target !== 'string' || target.trim() === '') {
    s.problems.push(problem('latest_backtest should be a file name', 'error', at));
  } else if (target !== path.basename(target) || target === '..' || target === '.') {
    s.problems.push(problem(`latest_backtest "${target}" is not a plain file name in this folder; ignored`, 'error', at));
  } else {
    s.refersTo = path.join(path.dirname(file), target);
    s.problems.push(problem(`points to ${target}; the figures are there`, 'info', at));
  }
  return [s];
}
