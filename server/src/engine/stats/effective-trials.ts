// Effective number of independent trials among correlated ones.
//
// Hyperopt epochs are not independent draws: neighbouring parameter values often make the same
// trades. Two steps:
//   1. Clustering: trials whose return series are identical are one trial (the same trades).
//   2. The average-correlation estimate used with the Deflated Sharpe Ratio,
//        N_eff = rho + (1 - rho) * K,
//      K the number of distinct trials and rho their average pairwise correlation, clamped to
//      [0, 1] (Bailey & Lopez de Prado 2014, "The Deflated Sharpe Ratio", J. Portfolio Management
//      40(5), section on the number of independent trials; the optimal-number-of-clusters method
//      of Lopez de Prado & Lewis 2019 is the finer alternative). Rounded to a whole number >= 1.
// The average correlation is computed in O(K * T): with each series centred and scaled to unit
// length z_i, corr(i, j) = z_i . z_j and the sum over pairs is (|sum z_i|^2 - K) / 2.

export interface EffectiveTrials {
  /** Trials given. */
  trials: number;
  /** Distinct return series among them (identical series merged). */
  distinct: number;
  /** Average pairwise correlation of the distinct series that vary (NaN with fewer than two). */
  averageCorrelation: number;
  /** Whole number of independent trials, 1 <= effective <= trials. */
  effective: number;
}

/** `series`: one return series per trial, all the same length and aligned in time. */
export function effectiveTrials(series: readonly (readonly number[])[]): EffectiveTrials | null {
  if (series.length === 0) return null;
  const length = series[0].length;
  if (length < 2 || series.some((s) => s.length !== length || s.some((v) => !Number.isFinite(v)))) return null;
  const seen = new Set<string>();
  const distinct: (readonly number[])[] = [];
  for (const s of series) {
    const key = s.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(s);
  }
  const units: number[][] = [];
  for (const s of distinct) {
    const mean = s.reduce((a, b) => a + b, 0) / length;
    const centred = s.map((v) => v - mean);
    const norm = Math.sqrt(centred.reduce((a, v) => a + v * v, 0));
    if (norm > 0) units.push(centred.map((v) => v / norm));
  }
  let rho = NaN;
  if (units.length >= 2) {
    const sum = new Array<number>(length).fill(0);
    for (const z of units) for (let t = 0; t < length; t++) sum[t] += z[t];
    const squared = sum.reduce((a, v) => a + v * v, 0);
    rho = (squared - units.length) / (units.length * (units.length - 1));
  }
  const k = distinct.length;
  const r = Number.isFinite(rho) ? Math.min(1, Math.max(0, rho)) : 0;
  const effective = Math.min(series.length, Math.max(1, Math.round(r + (1 - r) * k)));
  return { trials: series.length, distinct: k, averageCorrelation: rho, effective };
}
