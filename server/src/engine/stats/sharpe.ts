// Sharpe ratio, per period and annualised.
//
// SR = (mean(r) - r_f) / std(r), std with ddof = 1 (see moments.ts). Every Sharpe that
// PSR, MinTRL and DSR take is this *per-period* (non-annualised) figure: their
// formulas count observations T in the same periods.
//
// Annualising assumes IID returns: SR_annual = SR_period * sqrt(periodsPerYear)
// (Lo 2002, "The Statistics of Sharpe Ratios", Financial Analysts Journal 58(4), eq. for
// the IID case). periodsPerYear is always a parameter; usual values: 252 for daily
// equity/futures data (trading days), 365 for daily crypto data (markets never close),
// 52 weekly, 12 monthly.

import { mean, standardDeviation } from './moments';

/** Trading days per year, the usual annualisation for daily equity returns. */
export const PERIODS_PER_YEAR_EQUITIES = 252;
/** Calendar days per year, the usual annualisation for daily crypto returns. */
export const PERIODS_PER_YEAR_CRYPTO = 365;

/**
 * Per-period Sharpe ratio of `returns` in excess of `riskFreePerPeriod` (default 0: the
 * returns are already excess returns). Null for fewer than 2 observations, a constant
 * series, or any non-finite entry.
 */
export function sharpeRatio(returns: readonly number[], riskFreePerPeriod = 0): number | null {
  if (!Number.isFinite(riskFreePerPeriod)) return null;
  const m = mean(returns);
  const sd = standardDeviation(returns, 1);
  if (m === null || sd === null) return null;
  return (m - riskFreePerPeriod) / sd;
}

/** SR_annual = SR_period * sqrt(periodsPerYear). Null for a missing Sharpe or a bad P. */
export function annualizeSharpe(perPeriodSharpe: number | null, periodsPerYear: number): number | null {
  if (perPeriodSharpe === null || !Number.isFinite(perPeriodSharpe)) return null;
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) return null;
  return perPeriodSharpe * Math.sqrt(periodsPerYear);
}

/** Inverse of annualizeSharpe: SR_period = SR_annual / sqrt(periodsPerYear). */
export function deannualizeSharpe(annualSharpe: number | null, periodsPerYear: number): number | null {
  if (annualSharpe === null || !Number.isFinite(annualSharpe)) return null;
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) return null;
  return annualSharpe / Math.sqrt(periodsPerYear);
}
