// Daily returns from a LEAN "Strategy Equity" chart. Points come as {"x": t, "y": v} (older),
// [t, v] or [t, open, high, low, close] (candles, newer); t is epoch seconds.
import { isRecord } from './json-read';
import { isFiniteNumber } from './numbers';

export interface EquityPoint {
  t: number;
  v: number;
}

/** Read chart points; unusable points (NaN, wrong shape) are counted, not guessed. */
export function readChartPoints(values: unknown): { points: EquityPoint[]; dropped: number } {
  const points: EquityPoint[] = [];
  let dropped = 0;
  if (!Array.isArray(values)) return { points, dropped };
  for (const p of values) {
    let t: unknown;
    let v: unknown;
    if (Array.isArray(p)) { t = p[0]; v = p[p.length - 1]; }
    else if (isRecord(p)) { t = p.x ?? p.X; v = p.y ?? p.Y ?? p.close ?? p.Close; }
    if (isFiniteNumber(t) && isFiniteNumber(v) && p !== undefined && (Array.isArray(p) ? p.length >= 2 : true)) points.push({ t, v });
    else dropped++;
  }
  return { points, dropped };
}

const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

/** Last equity value of each UTC day, in time order. */
export function dailyCloses(points: EquityPoint[]): { day: string; v: number }[] {
  const byDay = new Map<string, number>();
  for (const p of [...points].sort((a, b) => a.t - b.t)) byDay.set(day(p.t), p.v);
  return [...byDay.entries()].map(([d, v]) => ({ day: d, v }));
}

/** Close-to-close daily returns; undefined when fewer than two days or a non-positive equity. */
export function dailyReturnsFromEquity(points: EquityPoint[]): { returns: number[]; days: string[] } | undefined {
  const closes = dailyCloses(points);
  if (closes.length < 2 || closes.some((c) => c.v <= 0)) return undefined;
  const returns: number[] = [];
  for (let i = 1; i < closes.length; i++) returns.push(closes[i].v / closes[i - 1].v - 1);
  return { returns, days: closes.map((c) => c.day) };
}

/** Equity that changes on weekends means a 7-day market (crypto): 365 periods, else 252. */
export function periodsPerYearFromDays(days: string[]): number {
  const weekend = days.some((d) => {
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    return w === 0 || w === 6;
  });
  return weekend ? 365 : 252;
}

export function dayOfEpochSeconds(t: number): string {
  return day(t);
}
