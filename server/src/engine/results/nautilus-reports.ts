// nautilus_trader's reports, saved with `to_csv`: `trader.generate_positions_report()` (one row per
// position: `realized_return`, `realized_pnl` as "12.34 USD", `ts_opened`, `ts_closed`,
// `strategy_id`), `generate_order_fills_report()` / `generate_fills_report()` (fills, not round
// trips) and `generate_account_report(venue)` (the balance after each account event: `total`,
// `locked`, `free`, `currency`). Columns: nautilus_trader/analysis/reporter.py.
import { parseCsv, type CsvRow } from './csv-parse';
import { isoDate } from './dates';
import { dailyReturnsFromEquity, periodsPerYearFromDays, type EquityPoint } from './lean-equity';
import { displayNumber } from './numbers';
import { emptySummary, problem } from './problems';
import type { BacktestSummary, KeyLocation } from './summary';

export function loadNautilusReportCsv(file: string, text: string): BacktestSummary[] | undefined {
  const rows = parseCsv(text);
  if (rows.length < 1) return undefined;
  const header = rows[0].cells.map((c) => c.trim());
  const has = (...names: string[]) => names.every((n) => header.includes(n));
  const at = (name: string): KeyLocation | undefined => {
    const i = header.indexOf(name);
    return i >= 0 ? { offset: rows[0].offsets[i], length: Math.max(1, name.length) } : undefined;
  };
  const records = rows.slice(1).map((r) => record(header, r));
  if (has('position_id', 'realized_return', 'ts_opened') || has('realized_return', 'ts_closed', 'avg_px_open')) return [positions(file, records, at)];
  if (has('total', 'locked', 'free') && (has('account_id') || has('account_type'))) return [account(file, records, header, at)];
  if (has('client_order_id', 'last_px', 'last_qty') || has('client_order_id', 'filled_qty', 'avg_px', 'ts_last')) return [fills(file, records, at)];
  return undefined;
}

function record(header: string[], r: CsvRow): Record<string, string> {
  return Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()]));
}

/** "12.34 USD", "-0.50 USDT", "1,234.00": the number in front of a currency code. */
function money(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const m = /^\s*([-+]?[\d,]*\.?\d+(?:[eE][-+]?\d+)?)\s*[A-Z]{0,6}\s*$/.exec(v);
  return m ? displayNumber(m[1]) : undefined;
}

function time(v: string | undefined): string | undefined {
  return v ? isoDate(v.replace(/(\.\d{3})\d+/, '$1')) : undefined;
}

/** `EMACross-000` -> `EMACross`: the strategy class, without nautilus's order id tag. */
function strategyName(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return id.replace(/-\d+$/, '') || undefined;
}

function positions(file: string, rows: Record<string, string>[], at: (name: string) => KeyLocation | undefined): BacktestSummary {
  const s = emptySummary('nautilus-positions', file);
  const closed = rows.filter((r) => r.ts_closed && !/^(nan|NaT|<NA>|None)$/i.test(r.ts_closed));
  const open = rows.length - closed.length;
  if (open) s.problems.push(problem(`${open} of ${rows.length} position(s) are still open (no ts_closed) and are left out of the trades`, 'info', at('ts_closed')));
  const sorted = [...closed].sort((a, b) => (time(a.ts_closed) ?? '').localeCompare(time(b.ts_closed) ?? ''));
  const returns: number[] = [];
  const profits: number[] = [];
  let dropped = 0;
  for (const r of sorted) {
    const ret = displayNumber(r.realized_return);
    const pnl = money(r.realized_pnl);
    if (ret === undefined || !Number.isFinite(ret)) dropped++;
    else returns.push(ret);
    if (pnl !== undefined && Number.isFinite(pnl)) profits.push(pnl);
  }
  if (dropped) s.problems.push(problem(`realized_return: ${dropped} of ${sorted.length} closed position(s) without a number were left out`, 'warning', at('realized_return')));
  s.tradeCount = sorted.length;
  s.tradeReturns = returns;
  if (profits.length) s.tradeProfits = profits;
  const strategies = [...new Set(rows.map((r) => strategyName(r.strategy_id)).filter((n): n is string => !!n))];
  if (strategies.length === 1) s.strategy = strategies[0];
  else if (strategies.length > 1) s.strategies = strategies;
  const times = rows.flatMap((r) => [time(r.ts_opened), time(r.ts_closed)]).filter((t): t is string => !!t).sort();
  if (times.length >= 2) s.period = { start: times[0], end: times[times.length - 1] };
  const loc = at('realized_return');
  if (loc) s.locations.trades = loc;
  return s;
}

function account(file: string, rows: Record<string, string>[], header: string[], at: (name: string) => KeyLocation | undefined): BacktestSummary {
  const s = emptySummary('nautilus-account', file);
  // One row per balance and event; several currencies make several curves: the first one is read.
  const currencies = [...new Set(rows.map((r) => r.currency).filter(Boolean))];
  const currency = currencies[0];
  if (currencies.length > 1) s.problems.push(problem(`balances in ${currencies.length} currencies (${currencies.join(', ')}); only ${currency} is read`, 'info', at('currency')));
  const indexColumn = header[0];
  const points: EquityPoint[] = [];
  for (const r of rows) {
    if (currency && r.currency && r.currency !== currency) continue;
    const t = Date.parse(time(r[indexColumn] ?? r.ts_event) ?? '');
    const total = money(r.total);
    if (Number.isFinite(t) && total !== undefined) points.push({ t: t / 1000, v: total });
  }
  const loc = at('total');
  if (loc) s.locations.returns = loc;
  if (points.length < 2) {
    s.problems.push(problem('fewer than two account events with a timestamp and a total; no returns', 'info', loc));
    return s;
  }
  // The balance changes only at account events: carry it over the days between them, so each day
  // counts (a day without fills is a day with a zero return, not a missing one).
  const filled = carryForward(points);
  const daily = dailyReturnsFromEquity(filled);
  if (daily) {
    s.periodReturns = daily.returns;
    s.periodsPerYear = periodsPerYearFromDays(daily.days);
    s.period = { start: daily.days[0], end: daily.days[daily.days.length - 1] };
    s.problems.push(problem('returns are of the account balance after each event: open positions are not marked to market between fills', 'info', loc));
  }
  let peak = -Infinity;
  let dd = 0;
  for (const p of filled) {
    peak = Math.max(peak, p.v);
    if (peak > 0) dd = Math.max(dd, 1 - p.v / peak);
  }
  s.maxDrawdown = dd;
  s.totalReturn = filled[filled.length - 1].v / filled[0].v - 1;
  return s;
}

/** One point per day from the first to the last event (weekdays only when no event falls on a weekend). */
function carryForward(points: EquityPoint[]): EquityPoint[] {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const day = 86_400;
  const weekend = sorted.some((p) => [0, 6].includes(new Date(p.t * 1000).getUTCDay()));
  const out: EquityPoint[] = [];
  let i = 0;
  let last = sorted[0].v;
  for (let d = Math.floor(sorted[0].t / day) * day; d <= sorted[sorted.length - 1].t && out.length < 200_000; d += day) {
    while (i < sorted.length && sorted[i].t < d + day) last = sorted[i++].v;
    const wd = new Date(d * 1000).getUTCDay();
    if (!weekend && (wd === 0 || wd === 6)) continue;
    out.push({ t: d + day - 1, v: last });
  }
  return out;
}

function fills(file: string, rows: Record<string, string>[], at: (name: string) => KeyLocation | undefined): BacktestSummary {
  const s = emptySummary('nautilus-fills', file);
  const times = rows.map((r) => time(r.ts_event ?? r.ts_last)).filter((t): t is string => !!t).sort();
  if (times.length >= 2) s.period = { start: times[0], end: times[times.length - 1] };
  const strategies = [...new Set(rows.map((r) => strategyName(r.strategy_id)).filter((n): n is string => !!n))];
  if (strategies.length === 1) s.strategy = strategies[0];
  s.problems.push(problem(`${rows.length} fill(s): fills are not round-trip trades; attach the positions report (generate_positions_report) for trades and returns`, 'info', at('client_order_id')));
  return s;
}
