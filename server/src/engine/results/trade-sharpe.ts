// Per-trade Sharpe: mean / sample standard deviation of trade returns, not annualised.
// Used where a file lists trades per trial but no honest per-period return series.

/** Undefined with fewer than 2 returns or zero spread (no defined ratio). */
export function perTradeSharpe(returns: readonly number[]): number | undefined {
  const n = returns.length;
  if (n < 2) return undefined;
  const mean = returns.reduce((a, b) => a + b, 0) / n;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1);
  if (!(variance > 0)) return undefined;
  return mean / Math.sqrt(variance);
}
