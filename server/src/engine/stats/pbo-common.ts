// Pieces shared by the fast PBO (pbo.ts) and its plain reference (pbo-reference.ts):
// input validation, result types, the per-sample metric on raw values, and ranking.

export type PboMetric = 'sharpe' | 'mean';

export interface PboOptions {
  /** Number of blocks S (even, >= 2). Default 16. */
  splits?: number;
  /** Performance metric per configuration and sample. Default 'sharpe'. */
  metric?: PboMetric;
}

/** In-sample metric of the IS-best configuration and its out-of-sample metric. */
export interface PboPair {
  inSample: number;
  outOfSample: number;
}

export interface PboSuccess {
  ok: true;
  /** Share of combinations whose logit is <= 0 (IS-best ranks at or below the OOS median). */
  pbo: number;
  /** S. */
  splits: number;
  /** C(S, S/2). */
  combinations: number;
  /** N, number of configurations (columns). */
  trials: number;
  /** T, number of periods (rows) given. */
  observations: number;
  /** Rows actually used: S * floor(T / S). */
  rowsUsed: number;
  /** Rows dropped at the END of the matrix so that all blocks have equal length. */
  rowsDropped: number;
  metric: PboMetric;
  /** One logit per combination, in the lexicographic order of the IS block choice. */
  logits: number[];
  /** IS-best configuration's (IS metric, OOS metric) per combination: a degradation plot. */
  pairs: PboPair[];
  /** Column index n* chosen in-sample, per combination. */
  bestInSample: number[];
}

export interface PboFailure {
  ok: false;
  error: string;
}

export type PboResult = PboSuccess | PboFailure;

export interface ValidatedMatrix {
  rows: number;
  cols: number;
  splits: number;
  blockLength: number;
  metric: PboMetric;
}

/**
 * Check the matrix and options; return the shape to work on or an error message. Every
 * way the input can be wrong ends here as a message, never as an exception or NaN.
 */
/** Text for a value in an error message that cannot itself throw (unlike String(obj)). */
function describe(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === undefined || v === null) return String(v);
  if (typeof v === 'string') return `'${v.slice(0, 40)}'`;
  return typeof v;
}

export function validatePboInput(matrix: unknown, options: PboOptions = {}): ValidatedMatrix | PboFailure {
  const splits = options.splits ?? 16;
  const metric = options.metric ?? 'sharpe';
  if (metric !== 'sharpe' && metric !== 'mean') return { ok: false, error: `unknown metric ${describe(metric)} (use sharpe or mean)` };
  if (!Number.isInteger(splits) || splits < 2 || splits % 2 !== 0) {
    return { ok: false, error: `splits must be an even integer >= 2, got ${describe(splits)}` };
  }
  if (splits > 20) return { ok: false, error: `splits ${splits} is too large (C(S, S/2) combinations grow fast); use at most 20` };
  if (!Array.isArray(matrix) || matrix.length === 0) return { ok: false, error: 'the matrix has no rows' };
  const first: unknown = matrix[0];
  if (!Array.isArray(first)) return { ok: false, error: 'row 1 is not an array of numbers' };
  const cols = first.length;
  if (cols < 2) return { ok: false, error: `PBO needs at least 2 configurations (columns), got ${cols}` };
  for (let t = 0; t < matrix.length; t++) {
    const row: unknown = matrix[t];
    if (!Array.isArray(row) || row.length !== cols) {
      return { ok: false, error: `row ${t + 1} has ${Array.isArray(row) ? row.length : 0} values, expected ${cols}` };
    }
    for (let j = 0; j < cols; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return { ok: false, error: `column ${j + 1} has a non-finite value (${describe(v)}) at row ${t + 1}` };
      }
    }
  }
  const rows = matrix.length;
  // Every configuration with the same returns (an all-zero matrix included): nothing is
  // selected, every split would put the "best" on the median and PBO would read 1. Undefined.
  if (matrix.every((row) => (row as number[]).every((x) => x === (row as number[])[0]))) {
    return { ok: false, error: `all ${cols} configurations have identical returns in every row${matrix.every((row) => (row as number[])[0] === 0) ? ' (all zero)' : ''}: there is nothing to select, so PBO is undefined` };
  }
  const blockLength = Math.floor(rows / splits);
  if (blockLength < 1) return { ok: false, error: `${rows} rows are too few for ${splits} splits (need at least ${splits})` };
  const halfRows = (splits / 2) * blockLength;
  if (metric === 'sharpe' && halfRows < 2) {
    return { ok: false, error: `the Sharpe metric needs at least 2 rows per half-sample; ${rows} rows with ${splits} splits give ${halfRows}` };
  }
  return { rows, cols, splits, blockLength, metric };
}

/**
 * Sharpe ratio (per period, ddof = 1) of raw values. A sample with zero dispersion gets
 * the limit of mean/std: +Infinity for a positive constant, -Infinity for a negative one,
 * and 0 for all zeros (a configuration that never trades). Callers guarantee n >= 2.
 */
export function sharpeOfValues(values: ArrayLike<number>): number {
  const n = values.length;
  let constant = true;
  for (let i = 1; i < n; i++) {
    if (values[i] !== values[0]) {
      constant = false;
      break;
    }
  }
  if (constant) return values[0] > 0 ? Infinity : values[0] < 0 ? -Infinity : 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const m = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
  }
  return m / Math.sqrt(ss / (n - 1));
}

/** Mean of raw values. */
export function meanOfValues(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** The metric of raw values. */
export function metricOfValues(metric: PboMetric, values: ArrayLike<number>): number {
  return metric === 'sharpe' ? sharpeOfValues(values) : meanOfValues(values);
}

/**
 * Relative difference below which two metrics are one value. The fast implementation adds
 * block sums where the reference reads raw rows, so configurations that tie exactly (the same
 * trades, common with fixed ROI and stoploss exits) can differ in the last bits; both
 * implementations rank through the functions below so ties are ties in both.
 */
const TIE_TOLERANCE = 1e-9;
/** Around zero (a mean of zero from sums is ~1e-19 off): absolute, far below any real return or Sharpe. */
const TIE_FLOOR = 1e-14;

export function sameMetric(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const gap = Math.abs(a - b);
  return gap <= TIE_FLOOR || gap <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** n*: the configuration with the best in-sample metric, the lowest column among ties. */
export function bestConfiguration(metrics: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < metrics.length; j++) if (metrics[j] > metrics[best] && !sameMetric(metrics[j], metrics[best])) best = j;
  return best;
}

/** Rank of column `target` among `metrics` (1 = worst), ties averaged: 1 + #below + (#tied - 1) / 2. */
export function averagedRank(metrics: ArrayLike<number>, target: number): number {
  const value = metrics[target];
  let below = 0;
  let tied = 0;
  for (let j = 0; j < metrics.length; j++) {
    const x = metrics[j];
    if (sameMetric(x, value)) tied++;
    else if (x < value) below++;
  }
  return 1 + below + (tied - 1) / 2;
}

/** logit(w) = ln(w / (1 - w)) of the relative rank w = rank / (N + 1). */
export function rankLogit(rank: number, trials: number): number {
  const w = rank / (trials + 1);
  return Math.log(w / (1 - w));
}

/**
 * PBO from the logits: the share that is <= 0. A logit of exactly 0 (the IS-best lands on
 * the OOS median) counts as overfit, as in Bailey et al. (2017): PBO = integral of the
 * logit density over (-inf, 0].
 */
export function pboFromLogits(logits: readonly number[]): number {
  let bad = 0;
  for (const l of logits) if (l <= 0) bad++;
  return logits.length === 0 ? 0 : bad / logits.length;
}
