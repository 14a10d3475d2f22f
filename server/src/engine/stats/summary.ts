// One call that turns a return series (or its summary figures) into every Sharpe
// statistic the linter reports, under stable snake_case JSON keys.
//
// Inputs, all Sharpe figures PER PERIOD:
//  - either `returns` (per-period excess returns; moments are computed from them),
//  - or `sharpe` + `observations` with optional `skewness` / `kurtosis`. Only in this
//    summary-figures case do missing moments default to the normal values skewness 0,
//    kurtosis 3 (raw), since the user gave no data to compute them from. From `returns`
//    nothing is defaulted.
// `periodsPerYear` annualises (252 equities, 365 crypto daily). `trials` (N) and
// `trialSharpeVariance` (V, per-period) switch on the multiple-testing figures;
// `benchmarkSharpe` is SR* for PSR and MinTRL (default 0).
//
// Outputs: null wherever an input is missing or a statistic is undefined, never NaN.
// `min_trl` is in observations (periods); `min_btl_years` in years, from the annualised
// Sharpe and N; `expected_max_sharpe` per period (needs N and V); `dsr` needs the same.

import { deflatedSharpeRatio, expectedMaxSharpe } from './dsr';
import { minBacktestLengthYears } from './minbtl';
import { moments } from './moments';
import { minTrackRecordLength, probabilisticSharpeRatio } from './psr';
import { annualizeSharpe } from './sharpe';

export interface SharpeStatsInput {
  returns?: readonly number[];
  sharpe?: number;
  observations?: number;
  skewness?: number;
  kurtosis?: number;
  periodsPerYear: number;
  trials?: number;
  trialSharpeVariance?: number;
  benchmarkSharpe?: number;
}

export interface SharpeStatsBase {
  observations: number | null;
  sharpe: number | null;
  sharpe_annualized: number | null;
  skewness: number | null;
  kurtosis: number | null;
  psr: number | null;
  min_trl: number | null;
}

export interface SharpeStatsWithTrials extends SharpeStatsBase {
  expected_max_sharpe: number | null;
  dsr: number | null;
  min_btl_years: number | null;
}

export type SharpeStats = SharpeStatsBase | SharpeStatsWithTrials;

/** Finite number or null: the only values that reach the JSON. */
function finiteOrNull(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}

interface Figures {
  observations: number | null;
  sharpe: number | null;
  skewness: number | null;
  kurtosis: number | null;
}

function figuresFromReturns(returns: readonly number[]): Figures {
  const m = moments(returns);
  if (m === null) {
    return { observations: returns.length, sharpe: null, skewness: null, kurtosis: null };
  }
  return { observations: m.observations, sharpe: m.mean / m.std, skewness: m.skewness, kurtosis: m.kurtosis };
}

function figuresFromSummary(input: SharpeStatsInput): Figures {
  const obs = input.observations;
  return {
    observations: obs !== undefined && Number.isInteger(obs) && obs >= 1 ? obs : null,
    sharpe: finiteOrNull(input.sharpe),
    // Normal defaults only here: the user gave summary figures without the moments.
    skewness: input.skewness === undefined ? 0 : finiteOrNull(input.skewness),
    kurtosis: input.kurtosis === undefined ? 3 : finiteOrNull(input.kurtosis),
  };
}

export function computeSharpeStats(input: SharpeStatsInput): SharpeStats {
  const f = input.returns !== undefined ? figuresFromReturns(input.returns) : figuresFromSummary(input);
  const benchmark = input.benchmarkSharpe ?? 0;
  const haveDistribution = f.sharpe !== null && f.skewness !== null && f.kurtosis !== null;
  const dist = haveDistribution
    ? { sharpe: f.sharpe as number, skewness: f.skewness as number, kurtosis: f.kurtosis as number }
    : null;

  const base: SharpeStatsBase = {
    observations: f.observations,
    sharpe: f.sharpe,
    sharpe_annualized: finiteOrNull(annualizeSharpe(f.sharpe, input.periodsPerYear)),
    skewness: f.skewness,
    kurtosis: f.kurtosis,
    psr:
      dist && f.observations !== null
        ? finiteOrNull(probabilisticSharpeRatio({ ...dist, observations: f.observations, benchmarkSharpe: benchmark }))
        : null,
    min_trl: dist ? finiteOrNull(minTrackRecordLength({ ...dist, benchmarkSharpe: benchmark })) : null,
  };
  if (input.trials === undefined) return base;

  const variance = input.trialSharpeVariance;
  const eMax = variance === undefined ? null : expectedMaxSharpe(input.trials, variance);
  const dsr =
    dist && f.observations !== null && variance !== undefined
      ? deflatedSharpeRatio({ ...dist, observations: f.observations, trials: input.trials, trialSharpeVariance: variance })
      : null;
  return {
    ...base,
    expected_max_sharpe: finiteOrNull(eMax),
    dsr: finiteOrNull(dsr),
    min_btl_years: base.sharpe_annualized === null ? null : finiteOrNull(minBacktestLengthYears(input.trials, base.sharpe_annualized)),
  };
}
