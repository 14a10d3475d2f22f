// Sample Sharpe: mean / sample standard deviation of trade returns, not annualised.
// Per-trade (hyperopt epochs) or per-period (trial matrix columns); callers annualise if they need to.

import { sharpeRatio } from '../stats/sharpe';

/** The statistics module's Sharpe; undefined with fewer than 2 returns, zero spread or a non-finite return. */
export function sampleSharpe(returns: readonly number[]): number | undefined {
  return sharpeRatio(returns) ?? undefined;
}
