// Public API of the statistics module: pure functions, no I/O. Every Sharpe input is per
// period unless the name says annual; undefined results are null, never NaN.

export { normalCdf, normalSurvival, normalQuantile, normalQuantileUpper } from './normal';
export { mean, standardDeviation, skewness, kurtosis, moments, allFinite, type Moments } from './moments';
export { sharpeRatio, annualizeSharpe, deannualizeSharpe, PERIODS_PER_YEAR_EQUITIES, PERIODS_PER_YEAR_CRYPTO } from './sharpe';
export {
  probabilisticSharpeRatio,
  minTrackRecordLength,
  sharpeStandardError,
  sharpeVarianceFactor,
  type PsrInput,
  type MinTrlInput,
  type SharpeDistributionInput,
} from './psr';
export { EULER_MASCHERONI, expectedMaxStandardNormal, expectedMaxSharpe, deflatedSharpeRatio, type DsrInput } from './dsr';
export { minBacktestLengthYears, minBacktestLengthUpperBound } from './minbtl';
export { binomial, forEachCombination } from './combinations';
export {
  probabilityOfBacktestOverfitting,
  largestEvenSplits,
  type PboMetric,
  type PboOptions,
  type PboPair,
  type PboResult,
  type PboSuccess,
  type PboFailure,
} from './pbo';
export { probabilityOfBacktestOverfittingReference, averageRanks } from './pbo-reference';
export {
  computeSharpeStats,
  type SharpeStats,
  type SharpeStatsBase,
  type SharpeStatsWithTrials,
  type SharpeStatsInput,
} from './summary';
export { effectiveTrials, type EffectiveTrials } from './effective-trials';
