// QuantConnect LEAN backtest results: the current camelCase shape (`totalPerformance`,
// `statistics`, `runtimeStatistics`, `algorithmConfiguration`, `charts`), the older PascalCase one
// (`TotalPerformance`, `Statistics`, `Charts`), the cloud API wrapper {"backtest": {...}}, and
// a LEAN project `config.json` (parameters only).
import type { BacktestSummary, KeyLocation } from './summary';
import { emptySummary, problem } from './problems';
import { isRecord } from './json-read';
import { describe, displayNumber, displayPercentRatio, finiteList } from './numbers';
import { addDays, dayOf, isoDate } from './dates';
import { dailyReturnsFromEquity, dayOfEpochSeconds, periodsPerYearFromDays, readChartPoints } from './lean-equity';

type Obj = Record<string, unknown>;

/** Key of `obj` equal to `name` ignoring case (exact match first). */
function keyOf(obj: Obj, name: string): string | undefined {
  if (name in obj) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

const LEAN_ROOT_KEYS = ['totalPerformance', 'statistics', 'runtimeStatistics', 'algorithmConfiguration', 'charts', 'rollingWindow'];

export function looksLikeLeanBacktest(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const root = isRecord(v.backtest) ? v.backtest : v;
  const hits = LEAN_ROOT_KEYS.filter((k) => keyOf(root, k) !== undefined).length;
  return hits >= 2 || (keyOf(root, 'statistics') !== undefined && isRecord(root[keyOf(root, 'statistics')!]) && keyOf(root, 'charts') !== undefined);
}

export function looksLikeLeanConfig(v: unknown): boolean {
  return isRecord(v) && isRecord(v.parameters) && ('algorithm-language' in v || 'local-id' in v || 'cloud-id' in v);
}

export function loadLeanConfig(file: string, value: unknown, keys: Map<string, KeyLocation>): BacktestSummary[] {
  const s = emptySummary('lean-backtest', file);
  if (isRecord(value) && isRecord(value.parameters)) s.parameters = value.parameters;
  const at = keys.get('parameters');
  if (at) s.locations.parameters = at;
  s.problems.push(problem('LEAN project config: parameters only, no backtest figures', 'info'));
  return [s];
}

export function loadLeanBacktest(file: string, value: unknown, keys: Map<string, KeyLocation>): BacktestSummary[] {
  const s = emptySummary('lean-backtest', file);
  if (!isRecord(value)) return [s];
  const wrapped = isRecord(value.backtest);
  const root: Obj = wrapped ? (value.backtest as Obj) : value;
  const prefix = wrapped ? ['backtest'] : [];
  // Find a nested object case-insensitively and remember the real key path for locations.
  const child = (obj: Obj, path: string[], name: string): { obj?: Obj; value: unknown; path: string[] } => {
    const k = keyOf(obj, name);
    const v = k === undefined ? undefined : obj[k];
    return { obj: isRecord(v) ? v : undefined, value: v, path: k === undefined ? path : [...path, k] };
  };
  const loc = (path: string[]) => keys.get(path.join('/'));
  const setLoc = (stable: string, path: string[], found: boolean) => {
    const l = found ? loc(path) : undefined;
    if (l && !s.locations[stable]) s.locations[stable] = l;
  };
  const p = s.problems;

  const stats = child(root, prefix, 'statistics');
  const perf = child(root, prefix, 'totalPerformance');
  const tradeStats = perf.obj ? child(perf.obj, perf.path, 'tradeStatistics') : { value: undefined, path: [] };
  const portStats = perf.obj ? child(perf.obj, perf.path, 'portfolioStatistics') : { value: undefined, path: [] };
  const config = child(root, prefix, 'algorithmConfiguration');

  // A statistic from the display strings, e.g. stat('Sharpe Ratio', displayNumber).
  const stat = (name: string, read: (v: unknown) => number | undefined, stable?: string) => {
    if (!stats.obj) return undefined;
    const k = keyOf(stats.obj, name);
    if (k === undefined) return undefined;
    const at = loc([...stats.path, k]);
    if (stable && at) s.locations[stable] = at;
    const n = read(stats.obj[k]);
    if (n === undefined) p.push(problem(`statistics "${k}" is ${describe(stats.obj[k])}, not a number in the expected form; ignored`, 'warning', at));
    return n;
  };
  // A number from totalPerformance (decimals serialised as numbers, sometimes as strings).
  const perfNum = (from: { obj?: Obj; path: string[] }, name: string, stable?: string) => {
    if (!from.obj) return undefined;
    const k = keyOf(from.obj, name);
    if (k === undefined) return undefined;
    if (stable) setLoc(stable, [...from.path, k], true);
    const n = displayNumber(from.obj[k]);
    if (n === undefined && from.obj[k] !== null) p.push(problem(`${name} is ${describe(from.obj[k])}; ignored`, 'warning', loc([...from.path, k])));
    return n;
  };

  // Strategy name, parameters, periods from the algorithm configuration.
  if (config.obj) {
    const name = child(config.obj, config.path, 'name');
    if (typeof name.value === 'string' && name.value.trim()) {
      s.strategy = name.value;
      setLoc('strategy', name.path, true);
    }
    const params = child(config.obj, config.path, 'parameters');
    if (params.obj) {
      s.parameters = params.obj;
      setLoc('parameters', params.path, true);
    }
    const start = child(config.obj, config.path, 'startDate');
    const end = child(config.obj, config.path, 'endDate');
    const startIso = isoDate(start.value);
    const endIso = isoDate(end.value);
    if (startIso && endIso) s.period = { start: startIso, end: endIso };
    setLoc('backtest_start', start.path, startIso !== undefined);
    fillOutOfSample(s, config.obj, config.path, loc);
  }
  if (!s.parameters) {
    const set = child(root, prefix, 'parameterSet');
    if (set.obj && Object.keys(set.obj).length) { s.parameters = set.obj; setLoc('parameters', set.path, true); }
  }
  if (!s.period) {
    const start = isoDate(root.backtestStart);
    const end = isoDate(root.backtestEnd);
    if (start && end) s.period = { start, end };
  }
  if (!s.outOfSample) fillOutOfSample(s, root, prefix, loc);

  // Trades: closed trades are what LEAN counts as trades; "Total Orders" counts orders.
  const closed = perf.obj ? child(perf.obj, perf.path, 'closedTrades') : undefined;
  if (closed && Array.isArray(closed.value)) {
    setLoc('trades', closed.path, true);
    const trades = closed.value.filter(isRecord);
    // Net of fees: profitLoss is LEAN's gross trade P&L, totalFees its costs.
    s.tradeProfits = finiteList(trades, 'closedTrades[].profitLoss', p, (t) => {
      const pl = displayNumber(t[keyOf(t, 'profitLoss') ?? 'profitLoss']);
      const fees = displayNumber(t[keyOf(t, 'totalFees') ?? 'totalFees']) ?? 0;
      return pl === undefined ? undefined : pl - fees;
    }, s.locations.trades);
  }
  s.tradeCount = perfNum(tradeStats, 'totalNumberOfTrades', 'trades') ?? (closed && Array.isArray(closed.value) ? closed.value.length : undefined) ?? stat('Total Trades', displayNumber, 'trades');
  if (s.tradeCount === undefined && stats.obj && keyOf(stats.obj, 'Total Orders')) {
    setLoc('trades', [...stats.path, keyOf(stats.obj, 'Total Orders')!], true);
    p.push(problem('only "Total Orders" is reported: orders are not trades, so the trade count is unknown', 'info', s.locations.trades));
  }

  s.winRate = perfNum(tradeStats, 'winRate') ?? stat('Win Rate', displayPercentRatio, 'winrate');
  if (s.winRate !== undefined && stats.obj && keyOf(stats.obj, 'Win Rate')) setLoc('winrate', [...stats.path, keyOf(stats.obj, 'Win Rate')!], true);
  s.profitFactor = perfNum(tradeStats, 'profitFactor', 'profit_factor');
  const dd = perfNum(portStats, 'drawdown') ?? stat('Drawdown', displayPercentRatio, 'max_drawdown');
  if (dd !== undefined) s.maxDrawdown = Math.abs(dd);
  if (stats.obj && keyOf(stats.obj, 'Drawdown')) setLoc('max_drawdown', [...stats.path, keyOf(stats.obj, 'Drawdown')!], true);
  s.totalReturn = perfNum(portStats, 'totalNetProfit') ?? stat('Net Profit', displayPercentRatio, 'net_profit');
  // LEAN's Sharpe is annualised with its own risk-free rate: reference only.
  s.reportedSharpe = stat('Sharpe Ratio', displayNumber, 'sharpe') ?? perfNum(portStats, 'sharpeRatio', 'sharpe');

  fillEquityReturns(s, root, prefix, child);
  // LEAN results rarely name the algorithm class; association links them by project folder.
  return [s];
}

/**
 * LEAN's out-of-sample holdout: backtests may not use data after `outOfSampleMaxEndDate`; the
 * following `outOfSampleDays` are held out. In-sample is the backtest up to that date.
 */
function fillOutOfSample(s: BacktestSummary, obj: Obj, path: string[], loc: (p: string[]) => KeyLocation | undefined): void {
  const maxKey = keyOf(obj, 'outOfSampleMaxEndDate');
  const daysKey = keyOf(obj, 'outOfSampleDays');
  if (maxKey === undefined) return;
  const at = loc([...path, maxKey]);
  if (at) s.locations.out_of_sample = at;
  const maxEnd = isoDate(obj[maxKey]);
  if (obj[maxKey] !== null && obj[maxKey] !== undefined && !maxEnd) {
    s.problems.push(problem(`outOfSampleMaxEndDate is ${describe(obj[maxKey])}, not a date; ignored`, 'warning', at));
  }
  const days = daysKey === undefined ? undefined : displayNumber(obj[daysKey]);
  if (!maxEnd || days === undefined || days <= 0) return;
  s.outOfSample = { start: addDays(maxEnd, 1), end: addDays(maxEnd, days) };
  if (s.period) {
    const end = s.period.end < maxEnd ? s.period.end : maxEnd;
    s.inSample = { start: s.period.start, end };
    if (dayOf(s.period.end) > dayOf(maxEnd)) {
      s.problems.push(problem('the backtest ends after outOfSampleMaxEndDate: it used held-out data', 'warning', at));
    }
  }
}

type Child = (obj: Obj, path: string[], name: string) => { obj?: Obj; value: unknown; path: string[] };

/** Daily returns from "Strategy Equity" -> "Equity"; falls back to the daily return series. */
function fillEquityReturns(s: BacktestSummary, root: Obj, prefix: string[], child: Child): void {
  const charts = child(root, prefix, 'charts');
  const chart = charts.obj ? child(charts.obj, charts.path, 'Strategy Equity') : undefined;
  const series = chart?.obj ? child(chart.obj, chart.path, 'series') : undefined;
  if (!series?.obj) return;
  const values = (name: string) => {
    const one = child(series.obj!, series.path, name);
    return one.obj ? readChartPoints(one.obj[keyOf(one.obj, 'values') ?? 'values']) : undefined;
  };
  const equity = values('Equity');
  if (equity && equity.dropped > 0) {
    s.problems.push(problem(`Strategy Equity: dropped ${equity.dropped} point(s) that are not finite numbers`, 'warning'));
  }
  const daily = equity ? dailyReturnsFromEquity(equity.points) : undefined;
  if (equity && equity.points.length > 1 && !s.period) {
    const ts = equity.points.map((q) => q.t);
    s.period = { start: dayOfEpochSeconds(Math.min(...ts)), end: dayOfEpochSeconds(Math.max(...ts)) };
  }
  if (daily) {
    s.periodReturns = daily.returns;
    s.periodsPerYear = periodsPerYearFromDays(daily.days);
    return;
  }
  // "Return" (newer) / "Daily Performance" (older) hold one percent value per day.
  const pct = values('Return') ?? values('Daily Performance');
  if (pct && pct.points.length >= 2) {
    s.periodReturns = pct.points.sort((a, b) => a.t - b.t).map((q) => q.v / 100);
    s.periodsPerYear = periodsPerYearFromDays(pct.points.map((q) => dayOfEpochSeconds(q.t)));
    s.problems.push(problem('period returns taken from the daily percent series (the equity series spans fewer than two days)', 'info'));
  }
}

