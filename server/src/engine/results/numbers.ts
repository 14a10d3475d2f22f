// Number reading shared by the loaders: finite numbers only, display strings parsed strictly.
import type { KeyLocation, ResultProblem } from './summary';
import { problem } from './problems';

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Keep the finite numbers of `values` (read through `pick`), in order. Anything else (NaN,
 * Infinity, null, strings) is dropped and reported once, so no NaN ever reaches the statistics.
 */
export function finiteList<T>(
  values: readonly T[],
  what: string,
  problems: ResultProblem[],
  pick: (v: T) => unknown = (v) => v,
  at?: KeyLocation,
): number[] {
  const out: number[] = [];
  let dropped = 0;
  let firstBad = -1;
  values.forEach((v, i) => {
    const n = pick(v);
    if (isFiniteNumber(n)) out.push(n);
    else {
      dropped++;
      if (firstBad < 0) firstBad = i;
    }
  });
  if (dropped > 0) {
    problems.push(
      problem(`${what}: dropped ${dropped} of ${values.length} value(s) that are not finite numbers (first at index ${firstBad})`, 'warning', at),
    );
  }
  return out;
}

/**
 * Read a single figure that must be a finite number; reports a wrong type or NaN at the key.
 * Returns undefined when absent (undefined/null) or unusable.
 */
export function readNumber(
  v: unknown,
  what: string,
  problems: ResultProblem[],
  at?: KeyLocation,
): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (isFiniteNumber(v)) return v;
  if (typeof v === 'number') {
    problems.push(problem(`${what} is ${String(v)}; ignored`, 'warning', at));
    return undefined;
  }
  problems.push(problem(`${what} should be a number but is ${describe(v)}; ignored`, 'warning', at));
  return undefined;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v)}`;
  return `a ${typeof v}`;
}

export interface DisplayNumber {
  value: number;
  /** The string ended in '%' (value is still the printed number, not divided by 100). */
  percent: boolean;
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * Parse a statistics display string such as "18.213%", "-2.036", "$1,234.56", "-$12.5",
 * "(1,234.56)", "$3.9M", "1.2e-3". Commas are thousands separators (LEAN prints
 * invariant-culture numbers). Returns undefined for anything else ("ETHBTC 2MN", "", "N/A").
 */
export function parseDisplayNumber(raw: string): DisplayNumber | undefined {
  let s = raw.trim();
  // Display numbers are short; the cap also keeps the regexes below cheap on hostile cells.
  if (s === '' || s.length > 64) return undefined;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; s = s.slice(1, -1).trim(); }
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1).trim(); }
  else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/^[$€£¥]\s*/, '');
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1).trim(); }
  let percent = false;
  if (s.endsWith('%')) { percent = true; s = s.slice(0, -1).trim(); }
  let scale = 1;
  const suffix = /^(.*\d)\s*([kKmMbBtT])$/.exec(s);
  if (suffix && !percent) { s = suffix[1]; scale = SUFFIX[suffix[2].toLowerCase()]; }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(s) || !/\d/.test(s)) return undefined;
  const value = Number(s.replace(/,/g, '')) * scale * (negative ? -1 : 1);
  return Number.isFinite(value) ? { value, percent } : undefined;
}

/**
 * Percent -> ratio without binary noise: "-1.33%" gives -0.0133, not -0.013300000000000001.
 * Display strings carry far fewer than 15 significant digits, so rounding there loses nothing.
 */
export function percentToRatio(percent: number): number {
  return Number((percent / 100).toPrecision(15));
}

/** A display string or number as a ratio: "18.2%" -> 0.182, 0.182 -> 0.182. */
export function displayRatio(v: unknown): number | undefined {
  if (isFiniteNumber(v)) return v;
  if (typeof v !== 'string') return undefined;
  const d = parseDisplayNumber(v);
  if (!d) return undefined;
  return d.percent ? percentToRatio(d.value) : d.value;
}

/** A display string or number as a plain number: "-2.036" -> -2.036, "$1,234.56" -> 1234.56. */
export function displayNumber(v: unknown): number | undefined {
  if (isFiniteNumber(v)) return v;
  if (typeof v !== 'string') return undefined;
  return parseDisplayNumber(v)?.value;
}

/** Only a percent display string ("12.5%") or a plain number counts as a ratio; "$12" does not. */
export function displayPercentRatio(v: unknown): number | undefined {
  if (isFiniteNumber(v)) return v;
  if (typeof v !== 'string') return undefined;
  const d = parseDisplayNumber(v);
  return d?.percent ? percentToRatio(d.value) : undefined;
}
