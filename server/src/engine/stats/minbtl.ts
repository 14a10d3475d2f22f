// Minimum Backtest Length.
//
// Source: D. H. Bailey, J. M. Borwein, M. Lopez de Prado & Q. J. Zhu (2014),
// "Pseudo-Mathematics and Financial Charlatanism: The Effects of Backtest Overfitting on
// Out-of-Sample Performance", Notices of the AMS 61(5):458-471.
//
// After trying N independent strategy configurations with no skill (true annual Sharpe
// 0, unit annual variance of the estimates), the expected maximum in-sample annualised
// Sharpe over y years is about E[max_N] / sqrt(y), E[max_N] the expected maximum of N
// standard normals. Asking that it stay below the observed annual Sharpe gives
//
//   MinBTL ~= ( (1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e)) )^2 / SR_annual^2
//
// years: a backtest shorter than that could show SR_annual by luck alone. The paper
// also gives the simpler upper bound MinBTL < 2 ln(N) / SR_annual^2 (from
// E[max_N] <= sqrt(2 ln N)); `minBacktestLengthUpperBound` returns it.
//
// N = 1 gives 0 years (no selection, so no selection-bias minimum; consistent with the
// expected maximum of one trial being its mean, 0). SR_annual <= 0 gives null: the
// question "how long to not see this Sharpe by luck" only makes sense for a positive one.

import { expectedMaxStandardNormal } from './dsr';

/** MinBTL in years for `trials` independent trials and an annualised Sharpe. */
export function minBacktestLengthYears(trials: number, annualSharpe: number): number | null {
  if (!Number.isFinite(annualSharpe) || annualSharpe <= 0) return null;
  const z = expectedMaxStandardNormal(trials);
  if (z === null) return null;
  const years = (z * z) / (annualSharpe * annualSharpe);
  return Number.isFinite(years) ? years : null; // a Sharpe so small its square underflows
}

/** The paper's upper bound 2 ln(N) / SR_annual^2 (years). */
export function minBacktestLengthUpperBound(trials: number, annualSharpe: number): number | null {
  if (!Number.isFinite(annualSharpe) || annualSharpe <= 0) return null;
  if (!Number.isFinite(trials) || trials < 1) return null;
  const years = (2 * Math.log(trials)) / (annualSharpe * annualSharpe);
  return Number.isFinite(years) ? years : null;
}
