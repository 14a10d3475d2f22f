// Daily returns of one freqtrade hyperopt epoch, built the way freqtrade builds a backtest's
// `daily_profit`: profit_abs summed per close day from the first to the last close day (pandas
// resample('1d', on='close_date'), empty days 0), each day over the balance at its start. So an
// epoch's Sharpe is on the same per-day basis as the Sharpe of a backtest's daily_profit.
import { isRecord } from './json-read';
import { isFiniteNumber } from './numbers';
import { returnsOnBalance, startingBalance } from './freqtrade-backtest';

export interface EpochDaily {
  /** YYYY-MM-DD of each return. */
  dates: string[];
  returns: number[];
  /** Where the days came from. */
  from: 'daily_profit' | 'trades';
}

const DAY_MS = 86_400_000;

export function epochDailyReturns(metrics: Record<string, unknown>): EpochDaily | undefined {
  const balance = startingBalance(metrics);
  if (balance === undefined) return undefined;
  if (Array.isArray(metrics.daily_profit)) {
    const rows = metrics.daily_profit.filter((d): d is [string, number] => Array.isArray(d) && typeof d[0] === 'string' && isFiniteNumber(d[1]));
    if (rows.length !== metrics.daily_profit.length) return undefined;
    const returns = returnsOnBalance(rows.map((r) => r[1]), balance);
    return { dates: rows.slice(0, returns.length).map((r) => r[0].slice(0, 10)), returns, from: 'daily_profit' };
  }
  if (!Array.isArray(metrics.trades)) return undefined;
  const byDay = new Map<number, number>();
  for (const t of metrics.trades) {
    if (!isRecord(t) || !isFiniteNumber(t.profit_abs)) return undefined;
    const closed = isFiniteNumber(t.close_timestamp) ? t.close_timestamp : typeof t.close_date === 'string' ? Date.parse(t.close_date.replace(' ', 'T')) : NaN;
    if (!Number.isFinite(closed)) return undefined;
    const day = Math.floor(closed / DAY_MS);
    byDay.set(day, (byDay.get(day) ?? 0) + t.profit_abs);
  }
  if (byDay.size === 0) return { dates: [], returns: [], from: 'trades' };
  const days = [...byDay.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const profits: number[] = [];
  const dates: string[] = [];
  for (let d = first; d <= last; d++) {
    profits.push(byDay.get(d) ?? 0);
    dates.push(new Date(d * DAY_MS).toISOString().slice(0, 10));
  }
  const returns = returnsOnBalance(profits, balance);
  return { dates: dates.slice(0, returns.length), returns, from: 'trades' };
}

/** The epochs' daily series on one calendar (union of their days; a day without a close is 0). */
export function alignDaily(series: readonly EpochDaily[]): number[][] {
  const all = [...new Set(series.flatMap((s) => s.dates))].sort();
  const at = new Map(all.map((d, i) => [d, i]));
  return series.map((s) => {
    const row = new Array<number>(all.length).fill(0);
    s.dates.forEach((d, i) => (row[at.get(d)!] = s.returns[i]));
    return row;
  });
}
