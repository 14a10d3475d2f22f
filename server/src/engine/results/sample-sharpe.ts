// Sample Sharpe: mean / sample standard deviation of trade returns, not annualised.
// Per-trade (hyperopt epochs) or per-period (trial matrix columns); callers annualise if they need to.

/** Undefined with fewer than 2 returns or zero spread (no defined ratio). */
export function sampleSharpe(returns: readonly number[]): number | undefined {
  const n = returns.length;
  if (n < 2) return undefined;
  const mean = returns.reduce((a, b) => a + b, 0) / n;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1);
  if (!(variance > 0)) return undefined;
  return mean / Math.sqrt(variance);
}
