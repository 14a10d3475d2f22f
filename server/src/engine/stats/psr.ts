// Probabilistic Sharpe Ratio and Minimum Track Record Length.
//
// Source: D. H. Bailey & M. Lopez de Prado (2012), "The Sharpe Ratio Efficient
// Frontier", Journal of Risk 15(2):3-44 (SSRN 1821643).
//
//   PSR(SR*) = Phi( (SR - SR*) * sqrt(T - 1) / sqrt(1 - g3*SR + (g4 - 1)/4 * SR^2) )
//   MinTRL   = 1 + (1 - g3*SR + (g4 - 1)/4 * SR^2) * (Z_alpha / (SR - SR*))^2
//
// SR and SR* per period (not annualised), T the number of observations, g3 the
// skewness and g4 the RAW kurtosis (normal = 3) of the returns, Z_alpha = Phi^-1(p) for
// the confidence p (0.95 by default). (g4 - 1)/4 SR^2 is the paper's
// 1/2 SR^2 + (g4 - 3)/4 SR^2 written in one term. MinTRL is in observations (periods).

import { normalCdf, normalQuantile } from './normal';

export interface SharpeDistributionInput {
  /** Observed per-period Sharpe ratio. */
  sharpe: number;
  /** Skewness of the returns (population, biased); 0 for normal returns. */
  skewness?: number;
  /** Raw kurtosis of the returns; 3 for normal returns. */
  kurtosis?: number;
}

/**
 * 1 - g3*SR + (g4 - 1)/4 * SR^2: (T - 1) times the variance of the Sharpe estimator
 * (Mertens 2002 / Opdyke 2007 asymptotics, as used in the paper). For real data it is
 * >= (1 - g3*SR/2)^2 >= 0 because g4 >= g3^2 + 1; summary figures typed by hand may
 * violate that, hence the null.
 */
export function sharpeVarianceFactor(input: SharpeDistributionInput): number | null {
  const { sharpe } = input;
  const g3 = input.skewness ?? 0;
  const g4 = input.kurtosis ?? 3;
  if (![sharpe, g3, g4].every(Number.isFinite)) return null;
  const v = 1 - g3 * sharpe + ((g4 - 1) / 4) * sharpe * sharpe;
  return v > 0 ? v : null;
}

/** Standard error of the per-period Sharpe estimate: sqrt(factor / (T - 1)). */
export function sharpeStandardError(input: SharpeDistributionInput & { observations: number }): number | null {
  const v = sharpeVarianceFactor(input);
  if (v === null || !Number.isFinite(input.observations) || input.observations < 2) return null;
  return Math.sqrt(v / (input.observations - 1));
}

export interface PsrInput extends SharpeDistributionInput {
  /** Number of return observations T (>= 2). */
  observations: number;
  /** Benchmark per-period Sharpe SR* (default 0). */
  benchmarkSharpe?: number;
}

/**
 * PSR(SR*): probability that the true Sharpe exceeds SR* given the estimate. Null when
 * T < 2, inputs are not finite, or the variance factor is not positive.
 */
export function probabilisticSharpeRatio(input: PsrInput): number | null {
  const benchmark = input.benchmarkSharpe ?? 0;
  const se = sharpeStandardError(input);
  if (se === null || !Number.isFinite(benchmark)) return null;
  return normalCdf((input.sharpe - benchmark) / se);
}

export interface MinTrlInput extends SharpeDistributionInput {
  /** Benchmark per-period Sharpe SR* (default 0). */
  benchmarkSharpe?: number;
  /** Confidence level p for PSR(SR*) >= p (default 0.95). */
  confidence?: number;
}

/**
 * Minimum Track Record Length in observations: how many periods with the same SR, g3
 * and g4 are needed for PSR(SR*) >= confidence. Null when SR <= SR* (no track record
 * length is enough) or inputs are invalid.
 */
export function minTrackRecordLength(input: MinTrlInput): number | null {
  const benchmark = input.benchmarkSharpe ?? 0;
  const confidence = input.confidence ?? 0.95;
  if (!Number.isFinite(benchmark) || !(confidence > 0 && confidence < 1)) return null;
  const v = sharpeVarianceFactor(input);
  if (v === null || !(input.sharpe > benchmark)) return null;
  const z = normalQuantile(confidence);
  const ratio = z / (input.sharpe - benchmark);
  return 1 + v * ratio * ratio;
}
