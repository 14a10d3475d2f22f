// zipline's `perf` DataFrame (what `run_algorithm` returns), saved with `perf.to_csv(...)` or
// `perf.to_json(...)`: one row per session with `portfolio_value`, `returns` (the session's return),
// `algorithm_period_return` (cumulative), `max_drawdown` (running, negative), `sharpe` (running),
// `transactions` (the fills of the session, printed as a list of dicts). Binary dumps are not read.
// Columns: https://zipline.ml4trading.io/beginner-tutorial.html
import { parseCsv } from './csv-parse';
import { isoDate, isoFromEpoch } from './dates';
import { isRecord } from './json-read';
import { periodsPerYearFromDays } from './lean-equity';
import { displayNumber } from './numbers';
import { emptySummary, problem } from './problems';
import type { BacktestSummary, KeyLocation } from './summary';

const MARKERS = ['portfolio_value', 'algorithm_period_return', 'ending_value', 'capital_used', 'period_close'];

function isPerfHeader(columns: string[]): boolean {
  const set = new Set(columns);
  return set.has('returns') && MARKERS.filter((m) => set.has(m)).length >= 2;
}

interface PerfRow {
  date?: string;
  cells: Record<string, unknown>;
}

export function loadZiplinePerfCsv(file: string, text: string): BacktestSummary[] | undefined {
  const rows = parseCsv(text);
  if (rows.length < 2) return undefined;
  const header = rows[0].cells.map((c) => c.trim());
  if (!isPerfHeader(header)) return undefined;
  const at = (name: string): KeyLocation | undefined => {
    const i = header.indexOf(name);
    return i >= 0 ? { offset: rows[0].offsets[i], length: name.length } : undefined;
  };
  // The index (first, unnamed column) holds the session timestamp; period_close is the same day.
  const dateColumn = header[0] === '' || /^(date|index|time|timestamp|datetime|session)$/i.test(header[0]) ? 0 : header.indexOf('period_close');
  const perf: PerfRow[] = rows.slice(1).map((r) => ({
    date: dateColumn >= 0 ? isoDate((r.cells[dateColumn] ?? '').trim()) : undefined,
    cells: Object.fromEntries(header.map((h, i) => [h, r.cells[i]])),
  }));
  return [summarise(file, perf, at)];
}

export function looksLikeZiplinePerfJson(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && isPerfHeader(Object.keys(v)) && isRecord(v.returns);
}

/** `perf.to_json()`: columns, each `{index: value}`, the index in epoch milliseconds or ISO text. */
export function loadZiplinePerfJson(file: string, v: Record<string, unknown>, keys: Map<string, KeyLocation>): BacktestSummary[] {
  const index = Object.keys(v.returns as Record<string, unknown>);
  const perf: PerfRow[] = index.map((k) => ({
    date: /^\d{9,13}$/.test(k) ? isoFromEpoch(Number(k)) : isoDate(k),
    cells: Object.fromEntries(Object.entries(v).map(([column, values]) => [column, isRecord(values) ? values[k] : undefined])),
  }));
  return [summarise(file, perf, (k) => keys.get(k))];
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? displayNumber(v) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

function summarise(file: string, perf: PerfRow[], at: (key: string) => KeyLocation | undefined): BacktestSummary {
  const s = emptySummary('zipline-perf', file);
  const sorted = perf.filter((r) => r.date).sort((a, b) => (a.date! < b.date! ? -1 : 1));
  if (sorted.length < perf.length) s.problems.push(problem(`${perf.length - sorted.length} of ${perf.length} row(s) without a readable session date were left out`, 'warning', at('returns')));
  const returns: number[] = [];
  let dropped = 0;
  for (const r of sorted) {
    const x = num(r.cells.returns);
    if (x === undefined) dropped++;
    else returns.push(x);
  }
  if (dropped) s.problems.push(problem(`returns: dropped ${dropped} of ${sorted.length} session(s) that are not numbers`, 'warning', at('returns')));
  s.periodReturns = returns;
  const loc = at('returns');
  if (loc) s.locations.returns = loc;
  if (sorted.length >= 2) {
    const days = sorted.map((r) => r.date!.slice(0, 10));
    s.period = { start: days[0], end: days[days.length - 1] };
    s.periodsPerYear = periodsPerYearFromDays(days);
  }
  const last = sorted[sorted.length - 1]?.cells ?? {};
  const drawdowns = sorted.map((r) => num(r.cells.max_drawdown)).filter((x): x is number => x !== undefined);
  if (drawdowns.length) s.maxDrawdown = Math.abs(Math.min(...drawdowns));
  s.totalReturn = num(last.algorithm_period_return);
  s.reportedSharpe = num(last.sharpe);
  for (const [key, name] of [['sharpe', 'sharpe'], ['max_drawdown', 'max_drawdown'], ['transactions', 'trades']] as const) {
    const l = at(key);
    if (l) s.locations[name] = l;
  }
  // Each session's `transactions` cell lists its fills; zipline does not pair them into round trips.
  const fills = sorted.reduce((n, r) => n + fillCount(r.cells.transactions), 0);
  if (sorted.some((r) => r.cells.transactions !== undefined)) {
    s.problems.push(problem(`${fills} fill(s) in the transactions column; zipline records fills, not round-trip trades, so no trade count is taken from them`, 'info', at('transactions')));
  }
  return s;
}

function fillCount(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (typeof v !== 'string') return 0;
  return (v.match(/['"]amount['"]\s*:/g) ?? []).length;
}
