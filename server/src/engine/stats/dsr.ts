// Expected maximum Sharpe ratio over N trials, and the Deflated Sharpe Ratio.
//
// Source: D. H. Bailey & M. Lopez de Prado (2014), "The Deflated Sharpe Ratio:
// Correcting for Selection Bias, Backtest Overfitting and Non-Normality", Journal of
// Portfolio Management 40(5):94-107.
//
//   E[max SR] = sqrt(V) * ( (1 - gamma) * Phi^-1(1 - 1/N) + gamma * Phi^-1(1 - 1/(N e)) )
//   DSR       = PSR(SR* = E[max SR])
//
// V is the variance of the (per-period) Sharpe ratios across the N trials, gamma the
// Euler-Mascheroni constant. The formula is the paper's approximation for the expected
// maximum of N independent normal Sharpe estimates with mean 0 (the null of no skill).
//
// N = 1: the formula's Phi^-1(1 - 1/1) = Phi^-1(0) is -Infinity, but the expected
// maximum of a single zero-mean trial is its mean, 0 - so we return 0 and DSR reduces to
// PSR(0). N must be a whole number: for 1 < N < 2 the bracket is negative (about -0.12 at
// N = 1.2), which would make the DSR larger than the PSR; an effective number of independent
// trials is rounded to a whole number before it gets here (stats/effective-trials).

import { normalQuantileUpper } from './normal';
import { probabilisticSharpeRatio, type SharpeDistributionInput } from './psr';

/** Euler-Mascheroni constant gamma. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * The bracket (1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e)): the expected
 * maximum of N independent standard normals (approximately). 0 for N = 1; null for
 * N < 1, a fraction or non-finite N.
 */
export function expectedMaxStandardNormal(trials: number): number | null {
  if (!Number.isInteger(trials) || trials < 1) return null;
  if (trials === 1) return 0;
  // Phi^-1(1 - q) evaluated as -Phi^-1(q) to keep the digits of the small q = 1/N.
  return (
    (1 - EULER_MASCHERONI) * normalQuantileUpper(1 / trials) +
    EULER_MASCHERONI * normalQuantileUpper(1 / (trials * Math.E))
  );
}

/**
 * E[max SR] over `trials` independent trials whose Sharpe ratios have variance
 * `trialSharpeVariance` (per-period units in, per-period units out).
 */
export function expectedMaxSharpe(trials: number, trialSharpeVariance: number): number | null {
  if (!Number.isFinite(trialSharpeVariance) || trialSharpeVariance < 0) return null;
  const z = expectedMaxStandardNormal(trials);
  if (z === null) return null;
  return Math.sqrt(trialSharpeVariance) * z;
}

export interface DsrInput extends SharpeDistributionInput {
  /** Number of return observations T of the selected strategy. */
  observations: number;
  /** Number of trials N (configurations tried). */
  trials: number;
  /** Variance V of the per-period Sharpe ratios across the trials. */
  trialSharpeVariance: number;
}

/** DSR = PSR(E[max SR]); null where any input is missing or invalid. */
export function deflatedSharpeRatio(input: DsrInput): number | null {
  const benchmark = expectedMaxSharpe(input.trials, input.trialSharpeVariance);
  if (benchmark === null) return null;
  return probabilisticSharpeRatio({ ...input, benchmarkSharpe: benchmark });
}
