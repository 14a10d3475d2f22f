// Small constructors shared by every loader, so summaries and problems look the same everywhere.
import type { BacktestSummary, KeyLocation, ResultFormat, ResultProblem } from './summary';

export function emptySummary(format: ResultFormat, file: string): BacktestSummary {
  return { format, file, locations: {}, problems: [] };
}

export function problem(
  message: string,
  severity: ResultProblem['severity'] = 'error',
  at?: KeyLocation,
): ResultProblem {
  return at ? { message, severity, offset: at.offset, length: at.length } : { message, severity };
}

/** A summary that only says why the file could not be used (`recognized: false`). */
export function unusable(
  format: ResultFormat,
  file: string,
  message: string,
  at?: KeyLocation,
): BacktestSummary {
  const s = emptySummary(format, file);
  s.recognized = false;
  s.problems.push(problem(message, 'error', at));
  return s;
}
