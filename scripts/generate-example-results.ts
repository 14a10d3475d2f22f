// Generates the result files of the example projects under examples/ (deterministic: seeded
// RNG, fixed dates; the output is committed). Run: npx tsx scripts/generate-example-results.ts
//
// The numbers are simulated, not real market data, but every file has the shape and the keys
// the real tools write (freqtrade backtest JSON + .meta.json + .last_result.json + .fthypt,
// QuantConnect LEAN backtest JSON + config.json, a vectorbt returns matrix, a daily returns CSV),
// and the figures inside each file are consistent with each other (trades -> daily profit ->
// totals, equity -> returns -> statistics).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mulberry32 } from '../tools/seeded-random';

const ROOT = path.resolve(__dirname, '..', 'examples');

// ---------------------------------------------------------------- random numbers


class Rng {
  private next: () => number;
  private spare: number | undefined;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.uniform(lo, hi + 1));
  }
  normal(mean = 0, sd = 1): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return mean + sd * s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- small helpers

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : 0);
const std = (xs: number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1));
};
const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
/** freqtrade's trade timestamps: "2023-03-01 14:15:00+00:00". */
const ftTime = (t: number) => new Date(t).toISOString().slice(0, 19).replace('T', ' ') + '+00:00';
/** freqtrade's backtest_start/backtest_end: "2023-03-01 14:15:00". */
const ftPlain = (t: number) => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
const duration = (minutes: number) => {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = Math.round(minutes % 60);
  const hms = `${h}:${String(m).padStart(2, '0')}:00`;
  return d ? `${d} day${d > 1 ? 's' : ''}, ${hms}` : hms;
};
const weekdays = (start: string, end: string) => {
  const out: number[] = [];
  for (let t = ms(start); t <= ms(end); t += DAY) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(t);
  }
  return out;
};

function write(rel: string, text: string): void {
  const file = path.join(ROOT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const kb = Buffer.byteLength(text) / 1024;
  console.log(`${kb.toFixed(1).padStart(7)} KB  examples/${rel}`);
  if (kb > 300) throw new Error(`examples/${rel} is larger than 300 KB`);
}
const json = (v: unknown) => JSON.stringify(v, null, 4) + '\n';

// ---------------------------------------------------------------- freqtrade

interface FtTrade {
  pair: string;
  stake_amount: number;
  max_stake_amount: number;
  amount: number;
  open_date: string;
  close_date: string;
  open_rate: number;
  close_rate: number;
  fee_open: number;
  fee_close: number;
  trade_duration: number;
  profit_ratio: number;
  profit_abs: number;
  exit_reason: string;
  initial_stop_loss_abs: number;
  initial_stop_loss_ratio: number;
  stop_loss_abs: number;
  stop_loss_ratio: number;
  min_rate: number;
  max_rate: number;
  is_open: boolean;
  enter_tag: string | null;
  leverage: number;
  is_short: boolean;
  open_timestamp: number;
  close_timestamp: number;
}

/** Rough 2022-2024 USDT prices at the start of each year, for believable rates. */
const PRICES: Record<string, Record<string, number>> = {
  'BTC/USDT': { '2022': 46300, '2023': 16540, '2024': 42280 },
  'ETH/USDT': { '2022': 3680, '2023': 1196, '2024': 2282 },
  'SOL/USDT': { '2022': 170, '2023': 9.97, '2024': 101.6 },
  'BNB/USDT': { '2022': 511, '2023': 246, '2024': 313 },
  'XRP/USDT': { '2022': 0.83, '2023': 0.339, '2024': 0.615 },
  'ADA/USDT': { '2022': 1.31, '2023': 0.246, '2024': 0.593 },
  'AVAX/USDT': { '2022': 109, '2023': 10.9, '2024': 39.9 },
  'LINK/USDT': { '2022': 19.8, '2023': 5.6, '2024': 15.1 },
  'DOT/USDT': { '2022': 26.6, '2023': 4.3, '2024': 8.3 },
  'LTC/USDT': { '2022': 146, '2023': 69.9, '2024': 73.1 },
};

function priceAt(rng: Rng, pair: string, t: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const p0 = PRICES[pair][String(y)];
  const p1 = PRICES[pair][String(y + 1)] ?? p0;
  const f = (t - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1));
  const base = p0 * (p1 / p0) ** f;
  const p = base * Math.exp(rng.normal(0, 0.06));
  return round(p, p > 1000 ? 2 : p > 10 ? 3 : p > 1 ? 4 : 5);
}

interface Outcome {
  ratio: number;
  reason: string;
  minutes: number;
}

interface TradeSpec {
  rng: Rng;
  pairs: string[];
  start: string;
  end: string;
  count: number;
  timeframeMin: number;
  stake: number;
  fee: number;
  stoploss: number;
  enterTag?: string;
  outcome: (rng: Rng, openTime: number) => Outcome;
}

function makeTrades(spec: TradeSpec): FtTrade[] {
  const { rng, timeframeMin, stake, fee } = spec;
  const t0 = ms(spec.start);
  const t1 = ms(spec.end);
  const step = timeframeMin * MIN;
  const opens: number[] = [];
  for (let i = 0; i < spec.count; i++) opens.push(t0 + Math.floor(rng.uniform(0, (t1 - t0 - 3 * DAY) / step)) * step);
  opens.sort((a, b) => a - b);
  return opens.map((open) => {
    const pair = rng.pick(spec.pairs);
    const o = spec.outcome(rng, open);
    const minutes = Math.max(timeframeMin, Math.round(o.minutes / timeframeMin) * timeframeMin);
    const close = open + minutes * MIN;
    const openRate = priceAt(rng, pair, open);
    const amount = round((stake * (1 - fee)) / openRate, 8);
    // profit_abs = close value net of fee - stake; profit_ratio = profit_abs / stake
    const profitAbs = round(o.ratio * stake, 8);
    const closeRate = (stake + profitAbs) / (amount * (1 - fee));
    const stopRate = openRate * (1 + spec.stoploss);
    const hi = Math.max(openRate, closeRate) * (1 + Math.abs(rng.normal(0, 0.004)));
    const lo = Math.min(openRate, closeRate) * (1 - Math.abs(rng.normal(0, 0.004)));
    const digits = openRate > 1000 ? 2 : openRate > 10 ? 4 : openRate > 1 ? 5 : 6;
    return {
      pair,
      stake_amount: stake,
      max_stake_amount: stake,
      amount,
      open_date: ftTime(open),
      close_date: ftTime(close),
      open_rate: openRate,
      close_rate: round(closeRate, digits + 2),
      fee_open: fee,
      fee_close: fee,
      trade_duration: minutes,
      profit_ratio: round(o.ratio, 8),
      profit_abs: profitAbs,
      exit_reason: o.reason,
      initial_stop_loss_abs: round(stopRate, digits + 2),
      initial_stop_loss_ratio: spec.stoploss,
      stop_loss_abs: round(o.reason === 'trailing_stop_loss' ? Math.max(stopRate, closeRate) : stopRate, digits + 2),
      stop_loss_ratio: spec.stoploss,
      min_rate: round(Math.max(lo, o.reason === 'stop_loss' ? stopRate : lo), digits + 2),
      max_rate: round(hi, digits + 2),
      is_open: false,
      enter_tag: spec.enterTag ?? null,
      leverage: 1.0,
      is_short: false,
      open_timestamp: open,
      close_timestamp: close,
    };
  });
}

/** freqtrade's daily_profit: profit_abs summed per close day, from the first to the last close day. */
function dailyProfit(trades: FtTrade[]): [string, number][] {
  if (!trades.length) return [];
  const byDay = new Map<string, number>();
  for (const t of trades) byDay.set(day(t.close_timestamp), (byDay.get(day(t.close_timestamp)) ?? 0) + t.profit_abs);
  const first = Math.min(...trades.map((t) => ms(day(t.close_timestamp))));
  const last = Math.max(...trades.map((t) => ms(day(t.close_timestamp))));
  const out: [string, number][] = [];
  for (let t = first; t <= last; t += DAY) out.push([day(t), round(byDay.get(day(t)) ?? 0, 8)]);
  return out;
}

interface FtRun {
  strategy: string;
  timeframe: string;
  timerange: string;
  start: string;
  end: string;
  startingBalance: number;
  stake: number;
  maxOpenTrades: number;
  pairs: string[];
  stoploss: number;
  minimalRoi: Record<string, number>;
  trailing?: { positive: number; offset: number };
  marketChange: number;
  runStart: number;
}

function pairSummary(key: string, trades: FtTrade[], startingBalance: number) {
  const wins = trades.filter((t) => t.profit_ratio > 0).length;
  const losses = trades.filter((t) => t.profit_ratio < 0).length;
  const profitAbs = sum(trades.map((t) => t.profit_abs));
  const profitSum = sum(trades.map((t) => t.profit_ratio));
  const avgMin = mean(trades.map((t) => t.trade_duration));
  return {
    key,
    trades: trades.length,
    profit_mean: round(trades.length ? profitSum / trades.length : 0, 6),
    profit_mean_pct: round(trades.length ? (profitSum / trades.length) * 100 : 0, 2),
    profit_sum: round(profitSum, 6),
    profit_sum_pct: round(profitSum * 100, 2),
    profit_total_abs: round(profitAbs, 4),
    profit_total: round(profitAbs / startingBalance, 6),
    profit_total_pct: round((profitAbs / startingBalance) * 100, 2),
    duration_avg: duration(avgMin),
    wins,
    draws: trades.length - wins - losses,
    losses,
    winrate: trades.length ? round(wins / trades.length, 4) : 0,
  };
}

/** freqtrade's own Sharpe: mean/std of daily profit over the *starting* balance, x sqrt(365). */
function freqtradeSharpe(daily: [string, number][], startingBalance: number): number {
  const r = daily.map((d) => d[1] / startingBalance);
  const s = std(r);
  return s > 0 ? (mean(r) / s) * Math.sqrt(365) : 0;
}

function drawdown(trades: FtTrade[], startingBalance: number) {
  const ordered = [...trades].sort((a, b) => a.close_timestamp - b.close_timestamp);
  let balance = startingBalance;
  let peak = balance;
  let peakAt = ordered[0]?.close_timestamp ?? 0;
  let worst = { rel: 0, abs: 0, start: peakAt, end: peakAt, high: peak, low: peak };
  let csumMin = balance;
  let csumMax = balance;
  for (const t of ordered) {
    balance += t.profit_abs;
    csumMin = Math.min(csumMin, balance);
    csumMax = Math.max(csumMax, balance);
    if (balance > peak) {
      peak = balance;
      peakAt = t.close_timestamp;
    }
    const rel = (peak - balance) / peak;
    if (rel > worst.rel) worst = { rel, abs: peak - balance, start: peakAt, end: t.close_timestamp, high: peak - startingBalance, low: balance - startingBalance };
  }
  return { ...worst, csumMin, csumMax };
}

/** One strategy section of a freqtrade backtest result (the keys freqtrade 2023.x writes). */
function strategyStats(run: FtRun, trades: FtTrade[]) {
  const sb = run.startingBalance;
  const daily = dailyProfit(trades);
  const profitAbs = sum(trades.map((t) => t.profit_abs));
  const ratios = trades.map((t) => t.profit_ratio);
  const wins = trades.filter((t) => t.profit_ratio > 0);
  const losses = trades.filter((t) => t.profit_ratio < 0);
  const grossWin = sum(wins.map((t) => t.profit_abs));
  const grossLoss = -sum(losses.map((t) => t.profit_abs));
  const dd = drawdown(trades, sb);
  const t0 = ms(run.start);
  const t1 = ms(run.end);
  const days = Math.round((t1 - t0) / DAY);
  const final = sb + profitAbs;
  const dailyRel = daily.map((d) => d[1] / sb);
  const downside = dailyRel.filter((r) => r < 0);
  const sharpe = freqtradeSharpe(daily, sb);
  const sortino = downside.length ? (mean(dailyRel) / Math.sqrt(sum(downside.map((r) => r * r)) / dailyRel.length)) * Math.sqrt(365) : 0;
  const cagr = (final / sb) ** (365 / days) - 1;
  const perPair = run.pairs.map((p) => pairSummary(p, trades.filter((t) => t.pair === p), sb));
  const byProfit = [...perPair].sort((a, b) => b.profit_total_abs - a.profit_total_abs);
  const reasons = [...new Set(trades.map((t) => t.exit_reason))].sort();
  const winDur = mean(wins.map((t) => t.trade_duration));
  const lossDur = mean(losses.map((t) => t.trade_duration));
  const allDur = mean(trades.map((t) => t.trade_duration));
  const bestDay = Math.max(...daily.map((d) => d[1]));
  const worstDay = Math.min(...daily.map((d) => d[1]));
  const expectancy = trades.length ? profitAbs / trades.length : 0;
  const avgWin = wins.length ? grossWin / wins.length : 0;
  const avgLoss = losses.length ? grossLoss / losses.length : 0;
  return {
    trades,
    locks: [],
    best_pair: byProfit[0],
    worst_pair: byProfit[byProfit.length - 1],
    results_per_pair: [...byProfit, pairSummary('TOTAL', trades, sb)],
    results_per_enter_tag: [pairSummary(trades[0]?.enter_tag ?? 'OTHER', trades, sb), pairSummary('TOTAL', trades, sb)],
    exit_reason_summary: reasons.map((r) => {
      const { key, ...rest } = pairSummary(r, trades.filter((t) => t.exit_reason === r), sb);
      return { exit_reason: key, ...rest };
    }),
    left_open_trades: [pairSummary('TOTAL', [], sb)],
    total_trades: trades.length,
    trade_count_long: trades.length,
    trade_count_short: 0,
    total_volume: round(trades.length * run.stake * 2, 4),
    avg_stake_amount: run.stake,
    profit_mean: round(mean(ratios), 8),
    profit_median: round(median(ratios), 8),
    profit_total: round(profitAbs / sb, 8),
    profit_total_long: round(profitAbs / sb, 8),
    profit_total_short: 0.0,
    profit_total_abs: round(profitAbs, 8),
    profit_total_long_abs: round(profitAbs, 8),
    profit_total_short_abs: 0.0,
    cagr: round(cagr, 8),
    expectancy: round(expectancy, 8),
    expectancy_ratio: round(avgLoss > 0 ? expectancy / avgLoss : 0, 8),
    sortino: round(sortino, 8),
    sharpe: round(sharpe, 8),
    calmar: round(dd.rel > 0 ? cagr / dd.rel : 0, 8),
    profit_factor: round(grossLoss > 0 ? grossWin / grossLoss : 0, 8),
    backtest_start: ftPlain(t0),
    backtest_start_ts: t0,
    backtest_end: ftPlain(t1),
    backtest_end_ts: t1,
    backtest_days: days,
    backtest_run_start_ts: run.runStart,
    backtest_run_end_ts: run.runStart + 41,
    trades_per_day: round(trades.length / days, 2),
    market_change: run.marketChange,
    pairlist: run.pairs,
    stake_amount: run.stake,
    stake_currency: 'USDT',
    stake_currency_decimals: 3,
    starting_balance: sb,
    dry_run_wallet: sb,
    final_balance: round(final, 8),
    rejected_signals: 0,
    timedout_entry_orders: 0,
    timedout_exit_orders: 0,
    canceled_trade_entries: 0,
    canceled_entry_orders: 0,
    replaced_entry_orders: 0,
    max_open_trades: run.maxOpenTrades,
    max_open_trades_setting: run.maxOpenTrades,
    timeframe: run.timeframe,
    timeframe_detail: '',
    timerange: run.timerange,
    enable_protections: false,
    strategy_name: run.strategy,
    stoploss: run.stoploss,
    trailing_stop: !!run.trailing,
    trailing_stop_positive: run.trailing ? run.trailing.positive : null,
    trailing_stop_positive_offset: run.trailing ? run.trailing.offset : 0.0,
    trailing_only_offset_is_reached: !!run.trailing,
    use_custom_stoploss: false,
    minimal_roi: run.minimalRoi,
    use_exit_signal: true,
    exit_profit_only: false,
    exit_profit_offset: 0.0,
    ignore_roi_if_entry_signal: false,
    backtest_best_day: round(bestDay / sb, 8),
    backtest_worst_day: round(worstDay / sb, 8),
    backtest_best_day_abs: round(bestDay, 8),
    backtest_worst_day_abs: round(worstDay, 8),
    winning_days: daily.filter((d) => d[1] > 0).length,
    draw_days: daily.filter((d) => d[1] === 0).length,
    losing_days: daily.filter((d) => d[1] < 0).length,
    daily_profit: daily,
    wins: wins.length,
    losses: losses.length,
    draws: trades.length - wins.length - losses.length,
    holding_avg: duration(allDur),
    holding_avg_s: round(allDur * 60, 1),
    winner_holding_avg: duration(winDur),
    winner_holding_avg_s: round(winDur * 60, 1),
    loser_holding_avg: duration(lossDur),
    loser_holding_avg_s: round(lossDur * 60, 1),
    max_drawdown: round(sum(losses.map((t) => -t.profit_ratio)) / Math.max(1, losses.length), 8),
    max_drawdown_account: round(dd.rel, 8),
    max_relative_drawdown: round(dd.rel, 8),
    max_drawdown_abs: round(dd.abs, 8),
    drawdown_start: ftPlain(dd.start),
    drawdown_start_ts: dd.start,
    drawdown_end: ftPlain(dd.end),
    drawdown_end_ts: dd.end,
    max_drawdown_low: round(dd.low, 8),
    max_drawdown_high: round(dd.high, 8),
    csum_min: round(dd.csumMin, 8),
    csum_max: round(dd.csumMax, 8),
    avg_win: round(avgWin, 8),
    avg_loss: round(avgLoss, 8),
  };
}

function comparisonRow(name: string, stats: ReturnType<typeof strategyStats>) {
  const { key: _key, ...total } = pairSummary(name, stats.trades, stats.starting_balance);
  return { key: name, ...total, max_drawdown_account: stats.max_drawdown_account, max_drawdown_abs: String(round(stats.max_drawdown_abs, 3)) };
}

// ---------------------------------------------------------------- freqtrade: the two strategies

const FT_PAIRS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT', 'BNB/USDT', 'XRP/USDT', 'ADA/USDT', 'AVAX/USDT', 'LINK/USDT', 'DOT/USDT', 'LTC/USDT'];
const FEE = 0.001;

/** BandRider: many filters, few trades; its tuned exits work in its hyperopt window (H1 2023) and not after. */
function bandRiderOutcome(inSample: boolean) {
  return (rng: Rng): Outcome => {
    const u = rng.uniform();
    if (inSample) {
      if (u < 0.55) return { ratio: rng.uniform(0.019, 0.044), reason: 'roi', minutes: rng.uniform(60, 900) };
      if (u < 0.85) return { ratio: rng.uniform(0.011, 0.027), reason: 'trailing_stop_loss', minutes: rng.uniform(120, 1500) };
      return { ratio: rng.uniform(-0.02, -0.004), reason: 'exit_signal', minutes: rng.uniform(300, 2400) };
    }
    if (u < 0.3) return { ratio: rng.uniform(0.012, 0.03), reason: 'roi', minutes: rng.uniform(120, 1600) };
    if (u < 0.55) return { ratio: rng.uniform(0.004, 0.014), reason: 'trailing_stop_loss', minutes: rng.uniform(200, 2000) };
    if (u < 0.85) return { ratio: rng.uniform(-0.045, -0.006), reason: 'exit_signal', minutes: rng.uniform(600, 4000) };
    return { ratio: -0.27183 - 2 * FEE, reason: 'stop_loss', minutes: rng.uniform(1500, 6000) };
  };
}

/** TrendPullback: bounded exits (4 % ROI ladder, 4 % stop), a small edge over many trades. */
function trendPullbackOutcome(edge: number) {
  return (rng: Rng): Outcome => {
    const u = rng.uniform();
    const pRoi4 = 0.26 + edge;
    const pStop = 0.22 - edge;
    if (u < pRoi4) return { ratio: 0.04 - 2 * FEE + rng.normal(0, 0.0008), reason: 'roi', minutes: rng.uniform(120, 719) };
    if (u < pRoi4 + 0.15) return { ratio: 0.02 - 2 * FEE + rng.normal(0, 0.0008), reason: 'roi', minutes: rng.uniform(720, 1439) };
    if (u < pRoi4 + 0.3) return { ratio: rng.uniform(0, 0.0012), reason: 'roi', minutes: rng.uniform(1440, 2400) };
    if (u < 1 - pStop) return { ratio: Math.max(-0.039, Math.min(0.037, rng.normal(0.004, 0.015))), reason: 'exit_signal', minutes: rng.uniform(180, 1400) };
    return { ratio: -0.04 - 2 * FEE - Math.abs(rng.normal(0, 0.0015)), reason: 'stop_loss', minutes: rng.uniform(60, 1200) };
  };
}

const BAND_RIDER: Omit<FtRun, 'start' | 'end' | 'timerange' | 'runStart' | 'marketChange'> = {
  strategy: 'BandRiderStrategy',
  timeframe: '15m',
  startingBalance: 1000,
  stake: 100,
  maxOpenTrades: 3,
  pairs: FT_PAIRS.slice(0, 6),
  stoploss: -0.27183,
  minimalRoi: { '0': 0.128, '37': 0.046, '91': 0.021, '204': 0 },
  trailing: { positive: 0.01342, offset: 0.02871 },
};

const TREND_PULLBACK: Omit<FtRun, 'start' | 'end' | 'timerange' | 'runStart' | 'marketChange'> = {
  strategy: 'TrendPullbackStrategy',
  timeframe: '1h',
  startingBalance: 1000,
  stake: 200,
  maxOpenTrades: 5,
  pairs: FT_PAIRS,
  stoploss: -0.04,
  minimalRoi: { '0': 0.04, '720': 0.02, '1440': 0 },
};

function freqtrade(): void {
  const dir = 'freqtrade/user_data';

  // --- BandRider: hyperopt on H1 2023, then a "backtest" over all of 2023 (overlapping it).
  const brRng = new Rng(20230702);
  const brSpec = { rng: brRng, pairs: BAND_RIDER.pairs, timeframeMin: 15, stake: BAND_RIDER.stake, fee: FEE, stoploss: BAND_RIDER.stoploss, enterTag: 'bb_lower' };
  const brH1 = makeTrades({ ...brSpec, start: '2023-01-01', end: '2023-06-30', count: 14, outcome: bandRiderOutcome(true) });
  const brH2 = makeTrades({ ...brSpec, start: '2023-07-01', end: '2023-12-31', count: 9, outcome: bandRiderOutcome(false) });
  const brRun: FtRun = { ...BAND_RIDER, start: '2023-01-01', end: '2023-12-31', timerange: '20230101-20231231', marketChange: 1.2418, runStart: ms('2024-01-08T09:12:44Z') / 1000 };
  const brStats = strategyStats(brRun, [...brH1, ...brH2]);

  // --- TrendPullback: hyperopt on 2022, backtest on 2023 only.
  const tpRng = new Rng(20240108);
  const tpSpec = { rng: tpRng, pairs: TREND_PULLBACK.pairs, timeframeMin: 60, stake: TREND_PULLBACK.stake, fee: FEE, stoploss: TREND_PULLBACK.stoploss, enterTag: null as unknown as string };
  const tpOos = makeTrades({ ...tpSpec, start: '2023-01-01', end: '2023-12-31', count: 124, outcome: trendPullbackOutcome(0.01) });
  const tpRun: FtRun = { ...TREND_PULLBACK, start: '2023-01-01', end: '2023-12-31', timerange: '20230101-20231231', marketChange: 1.2418, runStart: ms('2024-01-08T09:12:44Z') / 1000 };
  const tpStats = strategyStats(tpRun, tpOos);

  // One `backtesting --strategy-list BandRiderStrategy TrendPullbackStrategy --timerange 20230101-20231231` run.
  const stamp = '2024-01-08_09-12-44';
  const name = `backtest-result-${stamp}`;
  const runStart = ms('2024-01-08T09:12:44Z') / 1000;
  const metadata = Object.fromEntries(
    [brRun, tpRun].map((r) => [r.strategy, { run_id: runId(r.strategy), backtest_start_time: runStart, timeframe: r.timeframe, timeframe_detail: '', backtest_start_ts: ms(r.start) / 1000, backtest_end_ts: ms(r.end) / 1000 }]),
  );
  write(`${dir}/backtest_results/${name}.json`, JSON.stringify({
    metadata,
    strategy: { BandRiderStrategy: brStats, TrendPullbackStrategy: tpStats },
    strategy_comparison: [comparisonRow('BandRiderStrategy', brStats), comparisonRow('TrendPullbackStrategy', tpStats)],
  }));
  write(`${dir}/backtest_results/${name}.meta.json`, json(metadata));
  write(`${dir}/backtest_results/.last_result.json`, JSON.stringify({ latest_backtest: `${name}.json` }) + '\n');

  // --- hyperopt files (JSON lines, one epoch each).
  write(`${dir}/hyperopt_results/strategy_BandRiderStrategy_2023-07-02_14-05-31.fthypt`, bandRiderHyperopt(brH1));
  write(`${dir}/hyperopt_results/strategy_TrendPullbackStrategy_2023-01-04_09-38-52.fthypt`, trendPullbackHyperopt());

  write(`${dir}/config.json`, json(freqtradeConfig()));
}

function runId(name: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let k = 0; k < 5; k++) {
    for (const c of name + k) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** A compact hyperopt epoch: freqtrade's keys; the trade list only where `withTrades`. */
function epoch(opts: {
  n: number;
  total: number;
  run: FtRun;
  params: Record<string, unknown>;
  details: Record<string, unknown>;
  trades: FtTrade[] | { count: number; wins: number; losses: number; profitTotalAbs: number; profitMean: number; profitMedian: number; maxDd: number; avgMinutes: number; sharpe: number };
  withTrades: boolean;
  loss: number;
  isBest: boolean;
}) {
  const r = opts.run;
  let metrics: Record<string, unknown>;
  let expl: { count: number; wins: number; draws: number; losses: number; mean: number; median: number; abs: number; minutes: number };
  if (Array.isArray(opts.trades)) {
    const full = strategyStats(r, opts.trades);
    metrics = opts.withTrades
      ? {
          trades: full.trades,
          daily_profit: full.daily_profit,
        }
      : {};
    metrics = {
      ...metrics,
      total_trades: full.total_trades, wins: full.wins, draws: full.draws, losses: full.losses,
      profit_mean: full.profit_mean, profit_total: full.profit_total, profit_total_abs: full.profit_total_abs,
      profit_factor: round(full.profit_factor, 4), sharpe: round(full.sharpe, 4), max_drawdown_account: round(full.max_drawdown_account, 6),
    };
    expl = { count: full.total_trades, wins: full.wins, draws: full.draws, losses: full.losses, mean: full.profit_mean, median: full.profit_median, abs: full.profit_total_abs, minutes: mean(opts.trades.map((t) => t.trade_duration)) };
  } else {
    const t = opts.trades;
    metrics = {
      total_trades: t.count, wins: t.wins, draws: t.count - t.wins - t.losses, losses: t.losses,
      profit_mean: round(t.profitMean, 6), profit_total: round(t.profitTotalAbs / r.startingBalance, 6), profit_total_abs: round(t.profitTotalAbs, 4),
      sharpe: round(t.sharpe, 4), max_drawdown_account: round(t.maxDd, 6),
    };
    expl = { count: t.count, wins: t.wins, draws: t.count - t.wins - t.losses, losses: t.losses, mean: t.profitMean, median: t.profitMedian, abs: t.profitTotalAbs, minutes: t.avgMinutes };
  }
  metrics = {
    ...metrics,
    backtest_start: ftPlain(ms(r.start)), backtest_end: ftPlain(ms(r.end)),
    timerange: r.timerange, starting_balance: r.startingBalance, strategy_name: r.strategy,
  };
  const pct = (x: number) => (x * 100).toFixed(2);
  return JSON.stringify({
    loss: round(opts.loss, 6),
    params_dict: opts.params,
    results_metrics: metrics,
    results_explanation: `${expl.count} trades. ${expl.wins}/${expl.draws}/${expl.losses} Wins/Draws/Losses. Avg profit ${pct(expl.mean)}%. Median profit ${pct(expl.median)}%. Total profit ${expl.abs.toFixed(3)} USDT (${pct(expl.abs / r.startingBalance)}%). Avg duration ${duration(expl.minutes)} min.`,
    total_profit: round(expl.abs, 4),
    current_epoch: opts.n,
    is_initial_point: opts.n <= 30,
    is_best: opts.isBest,
  });
}

/** Plausible figures for an epoch without a trade list (the lines stay small), from its Sharpe. */
function syntheticEpoch(rng: Rng, count: number, sharpe: number, startingBalance: number, stake: number, avgMinutes: number) {
  const profitMean = count ? (sharpe * 0.022) / Math.sqrt(count) + rng.normal(0, 0.0006) : 0;
  const winRate = Math.min(0.85, Math.max(0.2, 0.52 + profitMean * 14 + rng.normal(0, 0.04)));
  const wins = Math.round(count * winRate);
  const losses = Math.round((count - wins) * rng.uniform(0.75, 1));
  const profitTotalAbs = profitMean * count * stake;
  return {
    count,
    wins,
    losses,
    profitTotalAbs,
    profitMean,
    profitMedian: profitMean,
    maxDd: Math.min(0.6, Math.abs(rng.normal(0.04, 0.02)) + Math.max(0, -profitTotalAbs / startingBalance)),
    avgMinutes: avgMinutes * rng.uniform(0.6, 1.6),
    sharpe,
  };
}

function bandRiderHyperopt(bestTrades: FtTrade[]): string {
  const rng = new Rng(7021405);
  const run: FtRun = { ...BAND_RIDER, start: '2023-01-01', end: '2023-06-30', timerange: '20230101-20230630', marketChange: 0.6512, runStart: ms('2023-07-02T14:05:31Z') / 1000 };
  const total = 300;
  const bestAt = 271;
  const bestParams = {
    buy_rsi: 28, buy_adx: 31, buy_bb_factor: 0.982, buy_use_volume: true, buy_trigger: 'bb_lower',
    sell_rsi: 74, sell_bb_factor: 1.013, sell_profit_guard: 0.0117,
    roi_t1: 37, roi_t2: 54, roi_t3: 113, roi_p1: 0.021, roi_p2: 0.025, roi_p3: 0.082,
    stoploss: -0.27183,
    trailing_stop_positive: 0.01342, trailing_stop_positive_offset_p1: 0.01529,
  };
  const randomParams = () => {
    const t1 = rng.int(10, 120), t2 = rng.int(10, 80), t3 = rng.int(10, 200);
    const p1 = round(rng.uniform(0.01, 0.04), 3), p2 = round(rng.uniform(0.01, 0.07), 3), p3 = round(rng.uniform(0.01, 0.2), 3);
    const pos = round(rng.uniform(0.01, 0.35), 5);
    return {
      buy_rsi: rng.int(10, 45), buy_adx: rng.int(15, 45), buy_bb_factor: round(rng.uniform(0.9, 1.0), 3), buy_use_volume: rng.chance(0.5), buy_trigger: rng.pick(['bb_lower', 'ema_cross']),
      sell_rsi: rng.int(55, 95), sell_bb_factor: round(rng.uniform(0.95, 1.1), 3), sell_profit_guard: round(rng.uniform(0, 0.05), 4),
      roi_t1: t1, roi_t2: t2, roi_t3: t3, roi_p1: p1, roi_p2: p2, roi_p3: p3,
      stoploss: round(rng.uniform(-0.35, -0.02), 5),
      trailing_stop_positive: pos, trailing_stop_positive_offset_p1: round(rng.uniform(0.001, 0.1), 5),
    };
  };
  const details = (p: Record<string, unknown>) => {
    const roi = { 0: round((p.roi_p1 as number) + (p.roi_p2 as number) + (p.roi_p3 as number), 3), [p.roi_t3 as number]: round((p.roi_p1 as number) + (p.roi_p2 as number), 3), [(p.roi_t3 as number) + (p.roi_t2 as number)]: p.roi_p1, [(p.roi_t3 as number) + (p.roi_t2 as number) + (p.roi_t1 as number)]: 0 };
    return { roi: JSON.stringify(roi).replace(/"/g, '').replace(/,/g, ', ').replace(/:/g, ': '), stoploss: { stoploss: p.stoploss } };
  };
  const bestStats = strategyStats(run, bestTrades);
  const bestLoss = -bestStats.sharpe;
  const lines: string[] = [];
  let runningBest = Infinity;
  for (let n = 1; n <= total; n++) {
    if (n === bestAt) {
      lines.push(epoch({ n, total, run, params: bestParams, details: details(bestParams), trades: bestTrades, withTrades: true, loss: bestLoss, isBest: true }));
      runningBest = bestLoss;
      continue;
    }
    const p = randomParams();
    const count = rng.chance(0.08) ? rng.int(0, 3) : rng.int(4, 70);
    // Sharpe of the epoch: mostly noise around zero, a few decent ones; never beating the best.
    // SharpeHyperOptLoss: -sharpe; epochs with next to no trades get a large penalty instead.
    const sharpe = count < 4 ? 0 : Math.min(-bestLoss - 0.05 - rng.uniform(0, 0.4), rng.normal(0.4, 1.9));
    const e = syntheticEpoch(rng, count, sharpe, run.startingBalance, run.stake, 480);
    const loss = count < 4 ? 100000 : -sharpe;
    const isBest = loss < runningBest;
    if (isBest) runningBest = loss;
    lines.push(epoch({ n, total, run, params: p, details: details(p), trades: e, withTrades: false, loss, isBest }));
  }
  return lines.join('\n') + '\n';
}

function trendPullbackHyperopt(): string {
  const rng = new Rng(2022123);
  const run: FtRun = { ...TREND_PULLBACK, start: '2022-01-01', end: '2022-12-31', timerange: '20220101-20221231', marketChange: -0.6235, runStart: ms('2023-01-04T09:38:52Z') / 1000 };
  const total = 80;
  const bestAt = 57;
  const tpSpec = { rng, pairs: TREND_PULLBACK.pairs, timeframeMin: 60, stake: TREND_PULLBACK.stake, fee: FEE, stoploss: TREND_PULLBACK.stoploss, enterTag: null as unknown as string };
  const bestTrades = makeTrades({ ...tpSpec, start: '2022-01-01', end: '2022-12-31', count: 108, outcome: trendPullbackOutcome(0.02) });
  const bestStats = strategyStats(run, bestTrades);
  const bestLoss = -bestStats.sharpe;
  const lines: string[] = [];
  let runningBest = Infinity;
  for (let n = 1; n <= total; n++) {
    const isBestEpoch = n === bestAt;
    const params = isBestEpoch ? { buy_rsi: 32, sell_rsi: 70 } : { buy_rsi: rng.int(28, 36), sell_rsi: rng.int(65, 75) };
    const details = { buy: { buy_rsi: params.buy_rsi }, sell: { sell_rsi: params.sell_rsi } };
    if (isBestEpoch) {
      lines.push(epoch({ n, total, run, params, details, trades: bestTrades, withTrades: true, loss: bestLoss, isBest: true }));
      runningBest = bestLoss;
      continue;
    }
    // A small, smooth search space: neighbouring epochs perform alike (a plateau, not a spike).
    const distance = Math.abs(params.buy_rsi - 32) / 4 + Math.abs(params.sell_rsi - 70) / 5;
    const count = Math.round(bestTrades.length * (1 + (params.buy_rsi - 32) * 0.07) * rng.uniform(0.95, 1.05));
    const sharpe = Math.min(-bestLoss - 0.02, -bestLoss - 0.35 * distance + rng.normal(0, 0.2));
    const e = syntheticEpoch(rng, count, sharpe, run.startingBalance, run.stake, 900);
    const loss = -sharpe;
    const isBest = loss < runningBest;
    if (isBest) runningBest = loss;
    lines.push(epoch({ n, total, run, params, details, trades: e, withTrades: false, loss, isBest }));
  }
  return lines.join('\n') + '\n';
}

function freqtradeConfig() {
  return {
    $schema: 'https://schema.freqtrade.io/schema.json',
    max_open_trades: 5,
    stake_currency: 'USDT',
    stake_amount: 200,
    tradable_balance_ratio: 0.99,
    fiat_display_currency: 'USD',
    dry_run: true,
    dry_run_wallet: 1000,
    cancel_open_orders_on_exit: false,
    trading_mode: 'spot',
    margin_mode: '',
    unfilledtimeout: { entry: 10, exit: 10, exit_timeout_count: 0, unit: 'minutes' },
    entry_pricing: { price_side: 'same', use_order_book: true, order_book_top: 1, price_last_balance: 0.0, check_depth_of_market: { enabled: false, bids_to_ask_delta: 1 } },
    exit_pricing: { price_side: 'same', use_order_book: true, order_book_top: 1 },
    exchange: {
      name: 'binance',
      key: '',
      secret: '',
      ccxt_config: {},
      ccxt_async_config: {},
      pair_whitelist: FT_PAIRS,
      pair_blacklist: [],
    },
    pairlists: [{ method: 'StaticPairList' }],
    telegram: { enabled: false, token: '', chat_id: '' },
    api_server: { enabled: false, listen_ip_address: '127.0.0.1', listen_port: 8080, verbosity: 'error', enable_openapi: false, jwt_secret_key: '', ws_token: '', CORS_origins: [], username: '', password: '' },
    bot_name: 'freqtrade',
    initial_state: 'running',
    force_entry_enable: false,
    internals: { process_throttle_secs: 5 },
  };
}

/** Rescale draws to an exact mean and sd, so the file shows the intended figures, not seed luck. */
function matchMoments(xs: number[], m: number, sd: number): number[] {
  const mu = mean(xs);
  const s = std(xs);
  return xs.map((x) => m + ((x - mu) / s) * sd);
}

// ---------------------------------------------------------------- QuantConnect LEAN

const US_HOLIDAYS_2024 = new Set(['2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27']);

function lean(): void {
  const rng = new Rng(20240601);
  const days = weekdays('2024-01-02', '2024-05-31').filter((t) => !US_HOLIDAYS_2024.has(day(t)));
  const cash = 100_000;
  // Two sector ETFs at a time through a calm bull run: small daily swings, steady gains.
  // Moment-matched to a daily mean of 0.12 % and a daily sd of 0.55 % (what such a run shows).
  const returns = matchMoments(days.map(() => rng.normal()), 0.0012, 0.0055);
  const equity: number[] = [];
  let v = cash;
  for (const r of returns) equity.push((v *= 1 + r));

  // Holdings, month by month (the first trading day of each month rebalances).
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];
  const held: [string, string][] = [['XLK', 'XLV'], ['XLK', 'XLI'], ['XLF', 'XLI'], ['XLE', 'XLU'], ['XLU', 'XLK']];
  const ids: Record<string, string> = { XLK: 'XLK RGRPZX100F39', XLV: 'XLV RGRPZX100F39', XLI: 'XLI RGRPZX100F39', XLF: 'XLF RGRPZX100F39', XLE: 'XLE RGRPZX100F39', XLU: 'XLU RGRPZX100F39' };
  const px: Record<string, [number, number]> = { XLK: [192.5, 211.4], XLV: [136.2, 145.6], XLI: [113.9, 125.6], XLF: [37.6, 41.1], XLE: [84.1, 93.2], XLU: [63.1, 71.9] };
  const priceOn = (sym: string, t: number) => {
    const f = (t - days[0]) / (days[days.length - 1] - days[0]);
    return round(px[sym][0] + (px[sym][1] - px[sym][0]) * f + rng.normal(0, px[sym][0] * 0.004), 2);
  };
  const monthStart = (m: string) => days.find((t) => day(t).startsWith(m))!;
  const monthEndEquity = (i: number) => {
    const next = months[i + 1];
    const endIdx = next ? days.indexOf(monthStart(next)) - 1 : days.length - 1;
    const startIdx = days.indexOf(monthStart(months[i])) - 1;
    return { start: startIdx < 0 ? cash : equity[startIdx], end: equity[endIdx] };
  };
  // Each month's P&L split between the two holdings; a trade runs from buy to full sale (flat to flat).
  const open = new Map<string, { entry: number; entryPrice: number; qty: number; pl: number; orders: number[]; fees: number }>();
  const closed: Record<string, unknown>[] = [];
  let orderId = 0;
  const fee = (qty: number) => round(Math.max(1, qty * 0.005), 2);
  let totalFees = 0;
  months.forEach((m, i) => {
    const t = monthStart(m) + 14.5 * HOUR; // 30 minutes after the open
    for (const [sym, pos] of [...open]) {
      if (held[i].includes(sym)) {
        pos.orders.push(++orderId); // resize to 49 % of equity
        continue;
      }
      const exitPrice = round(pos.entryPrice + pos.pl / pos.qty, 2);
      const fees = round(pos.fees + fee(pos.qty), 2);
      totalFees += fee(pos.qty);
      pos.orders.push(++orderId);
      const d = Math.round((t - pos.entry) / DAY);
      closed.push({
        symbols: [{ value: sym, id: ids[sym], permtick: sym }],
        entryTime: new Date(pos.entry).toISOString().replace('.000Z', 'Z'),
        entryPrice: pos.entryPrice,
        direction: 0,
        quantity: pos.qty,
        exitTime: new Date(t).toISOString().replace('.000Z', 'Z'),
        exitPrice,
        profitLoss: round(pos.pl, 2),
        totalFees: fees,
        mae: round(-Math.abs(rng.normal(0.018, 0.008)) * pos.qty * pos.entryPrice, 2),
        mfe: round(Math.max(pos.pl, 0) + Math.abs(rng.normal(0.006, 0.004)) * pos.qty * pos.entryPrice, 2),
        duration: `${d}.00:00:00`,
        endTradeDrawdown: round(-Math.abs(rng.normal(0.006, 0.003)) * pos.qty * pos.entryPrice, 2),
        isWin: pos.pl - fees > 0,
        orderIds: pos.orders,
      });
      open.delete(sym);
    }
    const { start, end } = monthEndEquity(i);
    for (const sym of held[i]) {
      if (!open.has(sym)) {
        const entryPrice = priceOn(sym, t);
        const qty = Math.floor((start * 0.49) / entryPrice);
        totalFees += fee(qty);
        open.set(sym, { entry: t, entryPrice, qty, pl: 0, orders: [++orderId], fees: fee(qty) });
      }
    }
    // Share of the month's P&L made by the first holding (January: XLV lagged and lost money).
    const w = [1.22, 0.62, 0.55, 0.7, 0.48][i];
    const [a, b] = held[i];
    open.get(a)!.pl += (end - start) * w;
    open.get(b)!.pl += (end - start) * (1 - w);
  });

  const final = equity[equity.length - 1];
  const pls = closed.map((c) => (c.profitLoss as number) - (c.totalFees as number));
  const winners = pls.filter((p) => p > 0);
  const losers = pls.filter((p) => p <= 0);
  let peak = cash;
  let maxDd = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    maxDd = Math.max(maxDd, (peak - e) / peak);
  }
  const years = (days[days.length - 1] - ms('2024-01-01')) / DAY / 365.25;
  const car = (final / cash) ** (1 / years) - 1;
  const annSd = std(returns) * Math.sqrt(252);
  const rf = 0.0531; // LEAN's default risk-free rate model: the US primary credit rate in 2024
  const leanSharpe = (mean(returns) * 252 - rf) / annSd;
  const avgWin = mean(closed.filter((_, i) => pls[i] > 0).map((c) => ((c.exitPrice as number) - (c.entryPrice as number)) / (c.entryPrice as number)));
  const avgLoss = mean(closed.filter((_, i) => pls[i] <= 0).map((c) => ((c.exitPrice as number) - (c.entryPrice as number)) / (c.entryPrice as number)));
  const money = (x: number) => `${x < 0 ? '-' : ''}$${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const pctS = (x: number, d = 3) => `${(x * 100).toFixed(d)}%`;
  const orders = orderId + held[held.length - 1].length * 0; // open positions keep their buy orders

  const candles = [[Math.floor(ms('2024-01-01') / 1000), cash, cash, cash, cash]].concat(
    days.map((t, i) => {
      const prev = i ? equity[i - 1] : cash;
      const c = equity[i];
      const hi = Math.max(prev, c) * (1 + Math.abs(rng.normal(0, 0.0015)));
      const lo = Math.min(prev, c) * (1 - Math.abs(rng.normal(0, 0.0015)));
      return [Math.floor((t + 20 * HOUR) / 1000), round(prev, 2), round(hi, 2), round(lo, 2), round(c, 2)];
    }),
  );
  const benchmark = days.map((t, i) => ({ x: Math.floor((t + 20 * HOUR) / 1000), y: round(472.65 * (1 + 0.107 * (i / (days.length - 1))) * (1 + rng.normal(0, 0.004)), 2) }));
  const result = {
    rollingWindow: {},
    totalPerformance: {
      closedTrades: closed,
      tradeStatistics: {
        startDateTime: closed[0].entryTime,
        endDateTime: closed[closed.length - 1].exitTime,
        totalNumberOfTrades: closed.length,
        numberOfWinningTrades: winners.length,
        numberOfLosingTrades: losers.length,
        totalProfitLoss: round(sum(pls), 2),
        totalProfit: round(sum(winners), 2),
        totalLoss: round(sum(losers), 2),
        largestProfit: round(Math.max(...pls), 2),
        largestLoss: round(Math.min(0, ...losers), 2),
        averageProfitLoss: round(mean(pls), 2),
        averageProfit: round(mean(winners), 2),
        averageLoss: round(mean(losers), 2),
        averageTradeDuration: '37.00:00:00',
        winRate: round(winners.length / closed.length, 4),
        lossRate: round(losers.length / closed.length, 4),
        profitFactor: round(sum(winners) / -sum(losers), 4),
        profitToMaxDrawdownRatio: round(sum(pls) / (maxDd * cash), 4),
        totalFees: round(totalFees, 2),
      },
      portfolioStatistics: {
        averageWinRate: round(avgWin, 4),
        averageLossRate: round(avgLoss, 4),
        winRate: round(winners.length / closed.length, 4),
        lossRate: round(losers.length / closed.length, 4),
        startEquity: cash,
        endEquity: round(final, 2),
        compoundingAnnualReturn: round(car, 4),
        drawdown: round(maxDd, 3),
        totalNetProfit: round(final / cash - 1, 4),
        sharpeRatio: round(leanSharpe, 3),
        annualStandardDeviation: round(annSd, 3),
        annualVariance: round(annSd * annSd, 3),
        portfolioTurnover: 0.0412,
      },
    },
    charts: {
      'Strategy Equity': {
        name: 'Strategy Equity',
        chartType: 0,
        series: {
          Equity: { name: 'Equity', unit: '$', index: 0, seriesType: 2, values: candles },
          Return: { name: 'Return', unit: '%', index: 1, seriesType: 0, values: days.map((t, i) => [Math.floor((t + 20 * HOUR) / 1000), round(returns[i] * 100, 4)]) },
        },
      },
      Benchmark: { name: 'Benchmark', chartType: 0, series: { Benchmark: { name: 'Benchmark', unit: '$', index: 0, seriesType: 0, values: benchmark } } },
    },
    statistics: {
      'Total Orders': String(orders),
      'Average Win': pctS(avgWin, 2),
      'Average Loss': pctS(avgLoss, 2),
      'Compounding Annual Return': pctS(car),
      Drawdown: pctS(maxDd, 1),
      Expectancy: ((winners.length / closed.length) * (avgWin / Math.abs(avgLoss)) - losers.length / closed.length).toFixed(3),
      'Start Equity': String(cash),
      'End Equity': final.toFixed(2),
      'Net Profit': pctS(final / cash - 1),
      'Sharpe Ratio': leanSharpe.toFixed(3),
      'Sortino Ratio': (leanSharpe * 1.6).toFixed(3),
      'Probabilistic Sharpe Ratio': '86.142%',
      'Loss Rate': pctS(losers.length / closed.length, 0),
      'Win Rate': pctS(winners.length / closed.length, 0),
      'Profit-Loss Ratio': (avgWin / Math.abs(avgLoss)).toFixed(2),
      Alpha: '0.118',
      Beta: '0.642',
      'Annual Standard Deviation': annSd.toFixed(3),
      'Annual Variance': (annSd * annSd).toFixed(3),
      'Information Ratio': '1.204',
      'Tracking Error': '0.071',
      'Treynor Ratio': '0.412',
      'Total Fees': money(totalFees),
      'Estimated Strategy Capacity': '$120000000.00',
      'Lowest Capacity Asset': 'XLU RGRPZX100F39',
      'Portfolio Turnover': '4.12%',
    },
    runtimeStatistics: {
      Equity: money(final),
      Fees: money(-totalFees),
      Holdings: money(final * 0.98),
      'Net Profit': money(sum(pls)),
      'Probabilistic Sharpe Ratio': '86.142%',
      Return: `${((final / cash - 1) * 100).toFixed(2)} %`,
      Unrealized: money(final - cash - sum(pls)),
      Volume: money(cash * 0.98 * 2 * closed.length),
    },
    state: {
      StartTime: '2024-06-01 12:00:00',
      EndTime: '2024-06-01 12:00:41',
      RuntimeError: '',
      StackTrace: '',
      LogCount: '14',
      OrderCount: String(orders),
      InsightCount: '0',
      Name: 'MomentumRotation',
      Hostname: 'lean-cli',
      Status: 'Completed',
    },
    algorithmConfiguration: {
      name: 'MomentumRotation',
      tags: [],
      accountCurrency: 'USD',
      brokerage: 0,
      accountType: 0,
      parameters: { lookback: '63', skip_days: '5', top_n: '2', trend_window: '100' },
      outOfSampleMaxEndDate: '2024-05-31T00:00:00',
      outOfSampleDays: 30,
      startDate: '2024-01-01 00:00:00',
      endDate: '2024-05-31 00:00:00',
      tradingDays: days.length,
    },
  };
  write('lean/MomentumRotation/backtests/2024-06-01_12-00-00/1967791529.json', JSON.stringify(result));
  write('lean/MomentumRotation/config.json', json({
    'algorithm-language': 'Python',
    parameters: { lookback: '63', skip_days: '5', top_n: '2', trend_window: '100' },
    description: 'Monthly sector ETF rotation by 3-month momentum with a market trend filter.',
    'cloud-id': 18290412,
    'organization-id': '5cad178b20a1d52567b534553413b691',
    'local-id': 749203116,
  }));
}

// ---------------------------------------------------------------- prices for the research examples

/** Daily closes with regimes: trending stretches and choppy, mean-reverting ones. */
function regimePrices(rng: Rng, n: number, start: number, opts: { drift: number; vol: number; regimeDays: [number, number]; trendPhi: number; chopPhi: number; chopCycle: number }): number[] {
  const out: number[] = [];
  let p = start;
  let prev = 0;
  let trending = true;
  let left = 0;
  let phase = 0;
  for (let i = 0; i < n; i++) {
    if (left-- <= 0) {
      trending = !trending;
      left = rng.int(opts.regimeDays[0], opts.regimeDays[1]);
    }
    const phi = trending ? opts.trendPhi : opts.chopPhi;
    phase += (2 * Math.PI) / opts.chopCycle;
    const cycle = trending ? 0 : 0.006 * Math.cos(phase);
    const r = opts.drift * (trending ? 1.6 : 0.2) + phi * prev + cycle + rng.normal(0, opts.vol);
    prev = r;
    p *= Math.exp(r);
    out.push(p);
  }
  return out;
}

function sma(xs: number[], w: number): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let acc = 0;
  for (let i = 0; i < xs.length; i++) {
    acc += xs[i];
    if (i >= w) acc -= xs[i - w];
    out.push(i >= w - 1 ? acc / w : undefined);
  }
  return out;
}

/** Daily returns of a long-only fast/slow crossover: in the market the day after fast > slow. */
function crossoverReturns(close: number[], fast: number, slow: number, exposure = 1): number[] {
  const f = sma(close, fast);
  const s = sma(close, slow);
  const out: number[] = [0];
  for (let i = 1; i < close.length; i++) {
    const inMarket = f[i - 1] !== undefined && s[i - 1] !== undefined && f[i - 1]! > s[i - 1]!;
    out.push(inMarket ? exposure * (close[i] / close[i - 1] - 1) : 0);
  }
  return out;
}

// ---------------------------------------------------------------- vectorbt sweep (trial matrix)

function vectorbt(): void {
  const rng = new Rng(190102);
  const fastWindows = [5, 10, 15, 20, 25, 30];
  const slowWindows = [40, 50, 60, 70, 80, 90, 100, 110, 120, 130];
  const warm = 140;
  const dates = weekdays('2018-06-01', '2023-12-29');
  const close = regimePrices(rng, dates.length, 180, { drift: 0.0005, vol: 0.0135, regimeDays: [70, 140], trendPhi: 0.06, chopPhi: -0.12, chopCycle: 24 });
  const cols = fastWindows.flatMap((f) => slowWindows.map((s) => ({ f, s, r: crossoverReturns(close, f, s) })));
  const rows: string[] = [];
  rows.push('# vectorbt MA crossover sweep: daily returns of every (fast, slow) pair, in basis points (1 = 0.01 %), fees=0');
  rows.push(['date', ...cols.map((c) => `fast${c.f}_slow${c.s}`)].join(','));
  for (let i = warm; i < dates.length; i++) {
    rows.push([day(dates[i]), ...cols.map((c) => String(Math.round(c.r[i] * 10000)))].join(','));
  }
  write('vectorbt/ma_sweep_trials.csv', rows.join('\n') + '\n');
}

// ---------------------------------------------------------------- backtrader sidecar

function backtrader(): void {
  const rng = new Rng(20101231);
  const dates = weekdays('2009-11-02', '2020-12-31');
  // SPY-like: about 13 % a year at 17 % volatility, with mild short-term momentum.
  const shocks = matchMoments(dates.map(() => rng.normal()), 0.00052, 0.0107);
  const close: number[] = [];
  let p = 107;
  let prev = 0;
  for (const e of shocks) {
    prev = e + 0.04 * (prev - 0.00052);
    close.push((p *= Math.exp(prev)));
  }
  // SmaCross(fast=10, slow=30): risk_fraction / (ATR x atr_stop) puts about 70 % of equity in.
  const r = crossoverReturns(close, 10, 30, 0.7);
  const first = dates.findIndex((t) => t >= ms('2010-01-04'));
  const rows = ['date,return'];
  for (let i = first; i < dates.length; i++) rows.push(`${day(dates[i])},${round(r[i], 6)}`);
  write('backtrader/sma_cross.backtest.csv', rows.join('\n') + '\n');
}


// ---------------------------------------------------------------- backtesting.py (stats + heatmap)

/** A backtesting.py-style run of an EMA-free SMA crossover: trades, equity and the stats figures. */
function backtestingRun(dates: number[], close: number[], fast: number, slow: number, cash: number, commission: number) {
  const f = sma(close, fast);
  const s = sma(close, slow);
  const trades: Record<string, unknown>[] = [];
  let equity = cash;
  let open: { bar: number; price: number; size: number } | undefined;
  const curve: number[] = [];
  let peak = cash;
  let maxDd = 0;
  for (let i = 0; i < close.length; i++) {
    const up = i > 0 && f[i - 1] !== undefined && s[i - 1] !== undefined && f[i - 1]! > s[i - 1]!;
    // Orders placed on bar i - 1's signal fill at bar i (close stands in for the open here).
    if (up && !open) {
      const size = Math.floor((equity * 0.95) / close[i]);
      if (size > 0) {
        open = { bar: i, price: close[i] * (1 + commission), size };
      }
    } else if (!up && open) {
      const exit = close[i] * (1 - commission);
      const pnl = (exit - open.price) * open.size;
      equity += pnl;
      trades.push({
        Size: open.size, EntryBar: open.bar, ExitBar: i, EntryPrice: round(open.price, 4), ExitPrice: round(exit, 4),
        SL: null, TP: null, PnL: round(pnl, 2), ReturnPct: round(exit / open.price - 1, 6),
        EntryTime: `${day(dates[open.bar])} 00:00:00`, ExitTime: `${day(dates[i])} 00:00:00`, Duration: `${Math.round((dates[i] - dates[open.bar]) / DAY)} days 00:00:00`, Tag: null,
      });
      open = undefined;
    }
    const mark = open ? equity + (close[i] - open.price) * open.size : equity;
    curve.push(mark);
    peak = Math.max(peak, mark);
    maxDd = Math.max(maxDd, 1 - mark / peak);
  }
  const daily = curve.slice(1).map((v, i) => v / curve[i] - 1);
  const mean = daily.reduce((a, b) => a + b, 0) / daily.length;
  const sd = Math.sqrt(daily.reduce((a, r) => a + (r - mean) ** 2, 0) / (daily.length - 1));
  const sharpe = (mean * 252) / (sd * Math.sqrt(252));
  const wins = trades.filter((t) => (t.PnL as number) > 0);
  const gross = (sign: number) => trades.reduce((a, t) => a + (Math.sign(t.PnL as number) === sign ? Math.abs(t.PnL as number) : 0), 0);
  return { trades, curve, sharpe, maxDd, equity: curve[curve.length - 1], winRate: trades.length ? wins.length / trades.length : NaN, profitFactor: gross(1) / (gross(-1) || 1) };
}

function backtestingPy(): void {
  const rng = new Rng(20240607);
  const dates = weekdays('2019-01-02', '2022-12-30');
  // A liquid large-cap: about 9 % a year at 22 % volatility, no real trend-following edge.
  const shocks = matchMoments(dates.map(() => rng.normal()), 0.00035, 0.0139);
  const close: number[] = [];
  let p = 140;
  for (const e of shocks) close.push((p *= Math.exp(e)));
  const cash = 100_000;
  const commission = 0.0005;
  const fasts = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50];
  const slows = [20, 40, 60, 80, 100, 120, 140, 160, 180, 200];
  const heat: string[] = ['fast,slow,Sharpe Ratio'];
  let best: { fast: number; slow: number; run: ReturnType<typeof backtestingRun> } | undefined;
  for (const fast of fasts) {
    for (const slow of slows) {
      if (!(fast < slow)) continue; // constraint=lambda p: p.fast < p.slow
      const run = backtestingRun(dates, close, fast, slow, cash, commission);
      heat.push(`${fast},${slow},${Number.isFinite(run.sharpe) ? round(run.sharpe, 6) : ''}`);
      if (!best || run.sharpe > best.run.sharpe) best = { fast, slow, run };
    }
  }
  write('backtesting/sma_trend_heatmap.csv', heat.join('\n') + '\n');
  const { run, fast, slow } = best!;
  const returnPct = (run.equity / cash - 1) * 100;
  const years = (dates[dates.length - 1] - dates[0]) / (365.25 * DAY);
  const equityCurve: Record<string, Record<string, unknown>> = { Equity: {}, DrawdownPct: {}, DrawdownDuration: {} };
  let peak = cash;
  run.curve.forEach((v, i) => {
    peak = Math.max(peak, v);
    const key = `${day(dates[i])}T00:00:00.000`;
    equityCurve.Equity[key] = round(v, 2);
    equityCurve.DrawdownPct[key] = round(1 - v / peak, 6);
    equityCurve.DrawdownDuration[key] = null;
  });
  const stats = {
    Start: `${day(dates[0])} 00:00:00`,
    End: `${day(dates[dates.length - 1])} 00:00:00`,
    Duration: `${Math.round((dates[dates.length - 1] - dates[0]) / DAY)} days 00:00:00`,
    'Exposure Time [%]': round((100 * run.trades.reduce((a, t) => a + ((t.ExitBar as number) - (t.EntryBar as number)), 0)) / dates.length, 4),
    'Equity Final [$]': round(run.equity, 2),
    'Equity Peak [$]': round(Math.max(...run.curve), 2),
    'Return [%]': round(returnPct, 4),
    'Buy & Hold Return [%]': round((close[close.length - 1] / close[0] - 1) * 100, 4),
    'Return (Ann.) [%]': round(((run.equity / cash) ** (1 / years) - 1) * 100, 4),
    'Sharpe Ratio': round(run.sharpe, 6),
    'Max. Drawdown [%]': round(-run.maxDd * 100, 4),
    '# Trades': run.trades.length,
    'Win Rate [%]': round(run.winRate * 100, 4),
    'Profit Factor': round(run.profitFactor, 6),
    _strategy: `SmaTrend(fast=${fast},slow=${slow})`,
    _equity_curve: equityCurve,
    _trades: run.trades,
  };
  write('backtesting/sma_trend_stats.json', JSON.stringify(stats) + '\n');
}

// ---------------------------------------------------------------- zipline (perf frame as CSV)

function zipline(): void {
  const rng = new Rng(20210104);
  const dates = weekdays('2021-01-04', '2022-12-30');
  // A sector rotation in a year of rally and a year of drawdown: Sharpe near zero, 12 % peak-to-trough.
  const returns = matchMoments(dates.map(() => rng.normal()), 0.00018, 0.0105);
  const capital = 100_000;
  let value = capital;
  let peak = capital;
  let maxDd = 0;
  const header = ['', 'period_open', 'period_close', 'starting_value', 'ending_value', 'starting_cash', 'ending_cash', 'portfolio_value', 'pnl', 'capital_used', 'returns', 'transactions', 'algo_volatility', 'algorithm_period_return', 'max_drawdown', 'sharpe', 'leaders'];
  const rows = [header.join(',')];
  const seen: number[] = [];
  dates.forEach((t, i) => {
    const r = i === 0 ? 0 : returns[i];
    const start = value;
    value *= 1 + r;
    peak = Math.max(peak, value);
    maxDd = Math.min(maxDd, value / peak - 1);
    seen.push(r);
    const mean = seen.reduce((a, b) => a + b, 0) / seen.length;
    const sd = Math.sqrt(seen.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, seen.length - 1));
    const monthStart = i === 0 || new Date(dates[i - 1]).getUTCMonth() !== new Date(t).getUTCMonth();
    const fills = monthStart ? `"[{'amount': ${rng.int(20, 90)}, 'dt': Timestamp('${day(t)} 14:31:00+0000', tz='UTC'), 'price': ${round(rng.uniform(40, 180), 2)}, 'order_id': '${(i * 7919).toString(16)}', 'sid': Equity(${rng.int(1, 9)} [XL])}]"` : '[]';
    rows.push([
      `${day(t)} 21:00:00+00:00`, `${day(t)} 14:31:00+00:00`, `${day(t)} 21:00:00+00:00`,
      round(start - capital * 0.02, 2), round(value - capital * 0.02, 2), round(capital * 0.02, 2), round(capital * 0.02, 2),
      round(value, 2), round(value - start, 2), 0, round(r, 8), fills,
      i === 0 ? '' : round(sd * Math.sqrt(252), 6), round(value / capital - 1, 8), round(maxDd, 8),
      i < 2 || !(sd > 0) ? '' : round((mean / sd) * Math.sqrt(252), 6), monthStart ? 3 : '',
    ].join(','));
  });
  write('zipline/sector_momentum_perf.csv', rows.join('\n') + '\n');
}

// ---------------------------------------------------------------- nautilus_trader (position + account reports)

function nautilus(): void {
  const rng = new Rng(20240301);
  const start = ms('2024-03-01');
  const positions = ['position_id,trader_id,strategy_id,instrument_id,account_id,opening_order_id,closing_order_id,entry,side,quantity,peak_qty,ts_init,ts_opened,ts_last,ts_closed,duration_ns,avg_px_open,avg_px_close,commissions,realized_return,realized_pnl,is_snapshot'];
  const account = [',total,locked,free,currency,account_id,account_type,base_currency,margins,reported,info'];
  let balance = 100_000;
  const iso = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('.000Z', '+00:00');
  account.push([iso(start), balance.toFixed(2), '0.00', balance.toFixed(2), 'USDT', 'BINANCE-001', 'CASH', '', '[]', 'True', '{}'].join(','));
  let t = start + 2 * HOUR;
  let px = 3400;
  // Two calm months of trend-following: 9 round trips, one large winner carrying most of the profit.
  for (let i = 0; i < 9; i++) {
    const open = t;
    const close = open + rng.int(4, 60) * 15 * MIN;
    const entry = px * (1 + rng.normal(0, 0.002));
    const ret = i === 5 ? 0.091 : rng.normal(-0.002, 0.011);
    const exit = entry * (1 + ret);
    const qty = 2;
    const fees = (entry + exit) * qty * 0.0004;
    const pnl = (exit - entry) * qty - fees;
    balance += pnl;
    positions.push([
      `ETHUSDT.BINANCE-EmaCrossAtr-000-${i + 1}`, 'BACKTESTER-001', 'EmaCrossAtr-000', 'ETHUSDT.BINANCE', 'BINANCE-001', `O-${2 * i + 1}`, `O-${2 * i + 2}`,
      'BUY', 'FLAT', '0', qty.toFixed(3), `${open}000000`, iso(open), `${close}000000`, iso(close), `${(close - open) * 1_000_000}`,
      entry.toFixed(2), exit.toFixed(2), `['${fees.toFixed(2)} USDT']`, (exit / entry - 1).toFixed(6), `${pnl.toFixed(2)} USDT`, 'False',
    ].join(','));
    account.push([iso(close), balance.toFixed(2), '0.00', balance.toFixed(2), 'USDT', 'BINANCE-001', 'CASH', '', '[]', 'False', '{}'].join(','));
    px = exit;
    t = close + rng.int(2, 8) * DAY;
  }
  write('nautilus/reports/positions.csv', positions.join('\n') + '\n');
  write('nautilus/reports/account.csv', account.join('\n') + '\n');
}

// ---------------------------------------------------------------- main

freqtrade();
lean();
vectorbt();
backtrader();
backtestingPy();
zipline();
nautilus();
