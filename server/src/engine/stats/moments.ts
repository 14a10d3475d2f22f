// Sample moments of a return series, with explicit `null` instead of NaN.
//
// Conventions (chosen to match the PSR/DSR papers, see each function):
//  - standard deviation uses ddof = 1 (divide by n - 1): the sigma in the Sharpe ratio
//    SR = mu / sigma, as in Bailey & Lopez de Prado (2012) and in Lopez de Prado's
//    reference code (pandas `std()`, ddof = 1);
//  - skewness and kurtosis are the *population* (biased) standardized moments
//    g3 = m3 / m2^1.5 and g4 = m4 / m2^2 with m_k = (1/n) sum (x - mean)^k, i.e. what
//    scipy.stats.skew / scipy.stats.kurtosis(fisher=False) return by default, which is
//    what the PSR papers plug in as gamma_3 and gamma_4;
//  - kurtosis is RAW kurtosis: 3 for a normal distribution (not excess kurtosis).
//
// Degenerate input returns null: empty input, any non-finite entry, fewer observations
// than the statistic needs, or a constant series (zero dispersion) for anything that
// divides by the standard deviation.

/** True when every entry is a finite number. */
export function allFinite(values: readonly number[]): boolean {
  for (const v of values) if (!Number.isFinite(v)) return false;
  return true;
}

/** True when all entries are exactly equal (zero dispersion, whatever the rounding). */
function isConstant(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/**
 * Arithmetic mean, computed in two passes (sum, then a correction by the mean residual)
 * so that series with a large common level keep their last digits.
 */
export function mean(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0 || !allFinite(values)) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / n;
  let resid = 0;
  for (const v of values) resid += v - m;
  return m + resid / n;
}

/** Central moment sums sum (x - mean)^k for k = 2, 3, 4 (two-pass, numerically stable). */
function centralSums(values: readonly number[], m: number): { s2: number; s3: number; s4: number } {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const v of values) {
    const d = v - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { s2, s3, s4 };
}

/**
 * Standard deviation with `ddof` delta degrees of freedom (default 1: sample standard
 * deviation, the Sharpe ratio's sigma). Null for n <= ddof, non-finite input, and for a
 * constant series when `ddof` would otherwise make it a legal 0 (a zero sigma is never
 * useful to the callers here and would turn into Infinity/NaN downstream).
 */
export function standardDeviation(values: readonly number[], ddof = 1): number | null {
  const n = values.length;
  if (n <= ddof || n === 0) return null;
  const m = mean(values);
  if (m === null || isConstant(values)) return null;
  const { s2 } = centralSums(values, m);
  const sd = Math.sqrt(s2 / (n - ddof));
  return sd > 0 && Number.isFinite(sd) ? sd : null;
}

/**
 * Sample variance (ddof = 1) of finite values: 0 for a constant series (the spread of trials that
 * all scored the same is zero), null for fewer than 2 values or non-finite input.
 */
export function sampleVariance(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values);
  if (m === null) return null;
  if (isConstant(values)) return 0;
  return centralSums(values, m).s2 / (n - 1);
}

/**
 * Skewness g3 = m3 / m2^(3/2) with population moments (biased; scipy.stats.skew default).
 * Needs at least 2 observations and non-zero dispersion.
 */
export function skewness(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values);
  if (m === null || isConstant(values)) return null;
  const { s2, s3 } = centralSums(values, m);
  const m2 = s2 / n;
  if (!(m2 > 0)) return null;
  // Under- or overflow of the powers (|x| near 1e-160 or 1e200) gives no usable figure.
  return finiteOrNull(s3 / n / Math.pow(m2, 1.5));
}

/**
 * Raw (Pearson) kurtosis g4 = m4 / m2^2 with population moments; a normal distribution
 * has g4 = 3. Equals scipy.stats.kurtosis(x, fisher=False, bias=True).
 */
export function kurtosis(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values);
  if (m === null || isConstant(values)) return null;
  const { s2, s4 } = centralSums(values, m);
  const m2 = s2 / n;
  if (!(m2 > 0)) return null;
  return finiteOrNull(s4 / n / (m2 * m2));
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export interface Moments {
  observations: number;
  mean: number;
  /** Sample standard deviation (ddof = 1). */
  std: number;
  /** Population skewness (biased). */
  skewness: number;
  /** Population raw kurtosis (normal = 3). */
  kurtosis: number;
}

/** All four moments in one call; null when any of them would be undefined. */
export function moments(values: readonly number[]): Moments | null {
  const m = mean(values);
  const sd = standardDeviation(values, 1);
  const g3 = skewness(values);
  const g4 = kurtosis(values);
  if (m === null || sd === null || g3 === null || g4 === null) return null;
  return { observations: values.length, mean: m, std: sd, skewness: g3, kurtosis: g4 };
}
