// freqtrade backtest result JSON (`backtest-result-<date>.json`, also inside the zip format):
// {"strategy": {Name: {metrics..., "trades": [...], "daily_profit": [[day, abs], ...]}},
//  "strategy_comparison": [{"key": Name, ...}]}. One summary per strategy.
import type { BacktestSummary, KeyLocation, ResultFormat, ResultProblem } from './summary';
import { emptySummary, problem } from './problems';
import { isRecord } from './json-read';
import { finiteList, isFiniteNumber, readNumber } from './numbers';
import { isoDate, isoFromEpoch } from './dates';

/** freqtrade is crypto-first and reports calendar days, so daily returns are 365 per year. */
export const FREQTRADE_PERIODS_PER_YEAR = 365;

export function looksLikeFreqtradeBacktest(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (isRecord(v.strategy)) {
    const entries = Object.values(v.strategy);
    return entries.length > 0 && entries.every((m) => isRecord(m) && ('trades' in m || 'total_trades' in m || 'backtest_start' in m));
  }
  return Array.isArray(v.strategy_comparison) && !('strategy' in v);
}

export function loadFreqtradeBacktest(
  file: string,
  value: unknown,
  keys: Map<string, KeyLocation> = new Map(),
  format: ResultFormat = 'freqtrade-backtest',
): BacktestSummary[] {
  if (!isRecord(value)) return [];
  const comparison = Array.isArray(value.strategy_comparison) ? value.strategy_comparison.filter(isRecord) : [];
  if (!isRecord(value.strategy)) {
    // Only the comparison table: each row still names a strategy and its headline figures.
    const names = comparison.map((r) => String(r.key));
    return comparison.map((row) => fromComparisonRow(file, row, names, format, keys));
  }
  const strategies = value.strategy;
  const names = Object.keys(strategies);
  return names.map((name) => {
    const s = fromStrategyStats(file, name, strategies[name], names, keys, format);
    const row = comparison.find((r) => r.key === name);
    if (row && s.tradeCount !== undefined && isFiniteNumber(row.trades) && row.trades !== s.tradeCount) {
      s.problems.push(problem(`strategy_comparison says ${row.trades} trades for ${name}, the strategy section ${s.tradeCount}`, 'warning'));
    }
    return s;
  });
}

function fromStrategyStats(
  file: string,
  name: string,
  stats: unknown,
  names: string[],
  keys: Map<string, KeyLocation>,
  format: ResultFormat,
): BacktestSummary {
  const s = emptySummary(format, file);
  s.strategy = name;
  if (names.length > 1) s.strategies = names;
  const strategyKey = keys.get(`strategy/${name}`);
  if (strategyKey) s.locations.strategy = strategyKey;
  if (!isRecord(stats)) {
    s.problems.push(problem(`strategy "${name}" holds no metrics object`, 'error', strategyKey));
    return s;
  }
  if (typeof stats.strategy_name === 'string' && stats.strategy_name !== name) {
    s.problems.push(problem(`strategy_name inside is "${stats.strategy_name}" but the section is keyed "${name}"; using the key`, 'info', strategyKey));
  }
  fillFromStats(s, stats, (k) => keys.get(`strategy/${name}/${k}`));
  return s;
}

/**
 * Fill a summary from one freqtrade metrics object (a backtest strategy section, or a hyperopt
 * epoch's `results_metrics`); `at` finds a key's location in the file.
 */
export function fillFromStats(
  s: BacktestSummary,
  stats: Record<string, unknown>,
  at: (key: string) => KeyLocation | undefined,
): void {
  const locate = (stable: string, ...candidates: string[]) => {
    for (const k of candidates) {
      const loc = at(k);
      if (loc && k in stats) { s.locations[stable] = loc; return k; }
    }
    for (const k of candidates) if (k in stats) return k;
    return undefined;
  };
  const p = s.problems;
  locate('trades', 'trades', 'total_trades');
  locate('total_trades', 'total_trades');
  locate('sharpe', 'sharpe');
  locate('profit_factor', 'profit_factor');
  locate('winrate', 'winrate', 'wins');
  locate('timerange', 'timerange');
  locate('backtest_start', 'backtest_start');
  locate('daily_profit', 'daily_profit');
  locate('profit_total', 'profit_total');
  const ddKey = locate('max_drawdown', 'max_drawdown_account', 'max_relative_drawdown', 'max_drawdown');

  // Period: the dates freqtrade actually simulated (UTC).
  const start = isoDate(stats.backtest_start) ?? isoFromEpoch(stats.backtest_start_ts);
  const end = isoDate(stats.backtest_end) ?? isoFromEpoch(stats.backtest_end_ts);
  if (start && end) s.period = { start, end };

  const trades = Array.isArray(stats.trades) ? stats.trades.filter(isRecord) : undefined;
  const total = readNumber(stats.total_trades, 'total_trades', p, at('total_trades'));
  s.tradeCount = total ?? trades?.length;
  if (trades && total !== undefined && trades.length !== total) {
    p.push(problem(`total_trades is ${total} but the trades list has ${trades.length} entries`, 'warning', at('trades')));
  }
  if (trades) {
    const ordered = inCloseOrder(trades);
    s.tradeReturns = finiteList(ordered, 'trades[].profit_ratio', p, (t) => t.profit_ratio, at('trades'));
    s.tradeProfits = finiteList(ordered, 'trades[].profit_abs', p, (t) => t.profit_abs, at('trades'));
  } else if (stats.trades !== undefined) {
    p.push(problem('trades should be a list', 'warning', at('trades')));
  }

  const daily = dailyReturns(stats, p, at('daily_profit'));
  if (daily) {
    s.periodReturns = daily.returns;
    if (daily.dates) s.periodDates = daily.dates;
    s.periodsPerYear = FREQTRADE_PERIODS_PER_YEAR;
  }

  s.profitFactor = readNumber(stats.profit_factor, 'profit_factor', p, at('profit_factor'));
  s.totalReturn = readNumber(stats.profit_total, 'profit_total', p, at('profit_total'));
  // freqtrade's `sharpe` is annualised from daily profit over the *starting* balance with its
  // own conventions: kept for reference only.
  s.reportedSharpe = readNumber(stats.sharpe, 'sharpe', p, at('sharpe'));
  s.winRate = readNumber(stats.winrate, 'winrate', p, at('winrate'));
  if (s.winRate === undefined && isFiniteNumber(stats.wins) && s.tradeCount) {
    s.winRate = stats.wins / s.tradeCount; // freqtrade's own definition: wins / all trades
  }
  // Only account drawdowns are ratios of equity; the old `max_drawdown` sums trade ratios.
  if (ddKey === 'max_drawdown_account' || ddKey === 'max_relative_drawdown') {
    const dd = readNumber(stats[ddKey], ddKey, p, s.locations.max_drawdown);
    if (dd !== undefined) s.maxDrawdown = Math.abs(dd);
  } else if (ddKey === 'max_drawdown') {
    p.push(problem('only the old `max_drawdown` (a sum of trade ratios, not an equity drawdown) is present; not used', 'info', s.locations.max_drawdown));
  }
}

/** Trades sorted by close time (freqtrade lists them by open time). Stable for ties. */
function inCloseOrder(trades: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (t: Record<string, unknown>) =>
    isFiniteNumber(t.close_timestamp) ? t.close_timestamp : typeof t.close_date === 'string' ? Date.parse(t.close_date) : NaN;
  if (!trades.every((t) => Number.isFinite(key(t)))) return trades;
  return trades.map((t, i) => ({ t, i })).sort((a, b) => key(a.t) - key(b.t) || a.i - b.i).map((x) => x.t);
}

/**
 * Daily returns from `daily_profit` ([[day, absolute profit], ...]): each day's profit divided by
 * the balance at the start of that day (starting_balance + all earlier days' profit). freqtrade's
 * own Sharpe divides by the starting balance instead, which overstates later days.
 */
function dailyReturns(stats: Record<string, unknown>, p: ResultProblem[], at?: KeyLocation): { returns: number[]; dates?: string[] } | undefined {
  const daily = stats.daily_profit;
  if (daily === undefined) return undefined;
  if (!Array.isArray(daily)) {
    p.push(problem('daily_profit should be a list of [day, profit] pairs', 'warning', at));
    return undefined;
  }
  const startBalance = startingBalance(stats);
  if (startBalance === undefined) {
    p.push(problem('daily_profit present but no positive starting_balance: daily returns cannot be computed', 'warning', at));
    return undefined;
  }
  const kept = daily.filter((d) => Array.isArray(d) && isFiniteNumber(d[1]));
  const profits = finiteList(daily, 'daily_profit', p, (d) => (Array.isArray(d) ? d[1] : undefined), at);
  const returns = returnsOnBalance(profits, startBalance, p, at);
  const days = kept.slice(0, returns.length).map((d) => (typeof d[0] === 'string' ? isoDate(d[0]) : undefined));
  const dated = days.length === returns.length && days.every((d): d is string => d !== undefined);
  return { returns, dates: dated ? days.map((d) => d.slice(0, 10)) : undefined };
}

export function startingBalance(stats: Record<string, unknown>): number | undefined {
  const b = isFiniteNumber(stats.starting_balance) ? stats.starting_balance : isFiniteNumber(stats.dry_run_wallet) ? stats.dry_run_wallet : undefined;
  return b !== undefined && b > 0 ? b : undefined;
}

/** Each profit over the balance before it (compounding); stops where the balance is gone. */
export function returnsOnBalance(profits: readonly number[], startBalance: number, p: ResultProblem[] = [], at?: KeyLocation): number[] {
  const out: number[] = [];
  let balance = startBalance;
  for (const profit of profits) {
    if (balance <= 0) {
      p.push(problem('the balance reached zero in daily_profit; later days have no defined return', 'warning', at));
      break;
    }
    const ratio = profit / balance;
    if (!Number.isFinite(ratio) || !Number.isFinite(balance + profit)) {
      p.push(problem('daily_profit overflows the balance (numbers too large to be real); later days are not used', 'warning', at));
      break;
    }
    out.push(ratio);
    balance += profit;
  }
  return out;
}

function fromComparisonRow(
  file: string,
  row: Record<string, unknown>,
  names: string[],
  format: ResultFormat,
  keys: Map<string, KeyLocation>,
): BacktestSummary {
  const s = emptySummary(format, file);
  s.strategy = String(row.key);
  if (names.length > 1) s.strategies = names;
  const where = keys.get('strategy_comparison');
  s.tradeCount = readNumber(row.trades, 'strategy_comparison trades', s.problems, where);
  s.totalReturn = readNumber(row.profit_total, 'strategy_comparison profit_total', s.problems, where);
  const dd = readNumber(row.max_drawdown_account, 'strategy_comparison max_drawdown_account', s.problems, where);
  if (dd !== undefined) s.maxDrawdown = Math.abs(dd);
  if (isFiniteNumber(row.wins) && s.tradeCount) s.winRate = row.wins / s.tradeCount;
  if (where) s.locations.trades = where;
  s.problems.push(problem('only strategy_comparison is present: no trades or daily profits to analyse', 'info', where));
  return s;
}
