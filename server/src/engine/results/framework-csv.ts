// CSV files written by a framework in its own shape (backtesting.py stats, trades, equity and
// heatmaps; zipline's perf frame; nautilus_trader's reports), recognised by their headers before
// the generic CSV reader guesses at returns, trades or a trial matrix.
import { loadBacktestingPyCsv } from './backtesting-py';
import { loadZiplinePerfCsv } from './zipline-perf';
import { loadNautilusReportCsv } from './nautilus-reports';
import type { BacktestSummary } from './summary';

export function loadFrameworkCsv(file: string, text: string): BacktestSummary[] | undefined {
  return loadBacktestingPyCsv(file, text) ?? loadZiplinePerfCsv(file, text) ?? loadNautilusReportCsv(file, text);
}
