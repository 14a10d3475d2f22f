// Statistics of one result summary, computed once per result-file version (off the keystroke
// path) and shared by every result rule. Sharpe figures here are PER PERIOD unless named annual.
import { sampleVariance } from '../stats/moments';
import type { BacktestSummary } from './summary';
import {
  annualizeSharpe,
  minTrackRecordLength,
  moments,
  probabilisticSharpeRatio,
  probabilityOfBacktestOverfitting,
  largestEvenSplits,
  type PboResult,
} from '../stats';

export interface ResultStatistics {
  /** Which series the Sharpe came from. */
  series?: 'period returns' | 'trade returns';
  observations: number | null;
  /** Per-period (or per-trade) Sharpe, ddof = 1. */
  sharpe: number | null;
  sharpeAnnualized: number | null;
  periodsPerYear: number | null;
  skewness: number | null;
  /** Raw kurtosis (normal = 3). */
  kurtosis: number | null;
  /** PSR against a zero benchmark. */
  psr: number | null;
  /** Minimum track record length at 95 % confidence, in observations. */
  minTrl: number | null;
  /** Length of the backtest in years, from its period or observations. */
  years: number | null;
  /** Variance of the trials' per-period Sharpe ratios, when the file has them. */
  trialSharpeVariance: number | null;
  pbo?: PboResult;
}

const DAY_MS = 86_400_000;

function spanYears(summary: BacktestSummary): number | null {
  if (!summary.period) return null;
  const ms = Date.parse(summary.period.end) - Date.parse(summary.period.start);
  return Number.isFinite(ms) && ms > 0 ? ms / DAY_MS / 365.25 : null;
}

/** Sample variance of the finite values (trial Sharpe ratios may hold NaN for idle trials). */
function variance(values: readonly number[]): number | null {
  return sampleVariance(values.filter(Number.isFinite));
}

export function computeResultStatistics(summary: BacktestSummary, defaultPeriodsPerYear: number): ResultStatistics {
  const years = spanYears(summary);
  let series: ResultStatistics['series'];
  let returns: readonly number[] | undefined;
  let periodsPerYear: number | null = null;
  if (summary.periodReturns && summary.periodReturns.length >= 2) {
    series = 'period returns';
    returns = summary.periodReturns;
    periodsPerYear = summary.periodsPerYear ?? defaultPeriodsPerYear;
  } else if (summary.tradeReturns && summary.tradeReturns.length >= 2) {
    // Per-trade Sharpe; annualised with the observed trade frequency when the period is known.
    series = 'trade returns';
    returns = summary.tradeReturns;
    periodsPerYear = years ? summary.tradeReturns.length / years : null;
  }
  const m = returns ? moments(returns) : null;
  const sharpe = m ? m.mean / m.std : null;
  const observations = m?.observations ?? returns?.length ?? null;
  const stats: ResultStatistics = {
    series,
    observations,
    sharpe: sharpe !== null && Number.isFinite(sharpe) ? sharpe : null,
    sharpeAnnualized: sharpe !== null && periodsPerYear ? annualizeSharpe(sharpe, periodsPerYear) : null,
    periodsPerYear,
    skewness: m?.skewness ?? null,
    kurtosis: m?.kurtosis ?? null,
    psr: null,
    minTrl: null,
    years: years ?? (observations && periodsPerYear ? observations / periodsPerYear : null),
    trialSharpeVariance: summary.trials?.sharpes ? variance(summary.trials.sharpes) : null,
  };
  if (m && stats.sharpe !== null && observations) {
    const input = { sharpe: stats.sharpe, skewness: m.skewness, kurtosis: m.kurtosis, observations };
    stats.psr = probabilisticSharpeRatio(input);
    stats.minTrl = minTrackRecordLength(input);
  }
  if (summary.trialMatrix && summary.trialMatrix.length >= 4) {
    const splits = largestEvenSplits(summary.trialMatrix.length, 16);
    stats.pbo = splits ? probabilityOfBacktestOverfitting(summary.trialMatrix, { splits }) : { ok: false, error: 'too few rows for CSCV' };
  }
  return stats;
}
