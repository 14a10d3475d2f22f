// The Deflated Sharpe Ratio of one backtest, computed once for the rule, the CodeLens and the
// report so they agree. Every Sharpe in it is on ONE basis, the tested series' own: per day for
// daily returns (freqtrade daily_profit, LEAN equity), per trade for trade returns. The trials'
// Sharpe variance is used only when the trials are on that same basis; otherwise the variance
// of a Sharpe estimate under the null, 1/(T - 1) (Lo 2002), on the tested series itself.
import { deflatedSharpeRatio, expectedMaxSharpe } from '../../stats';
import { sampleVariance } from '../../stats/moments';
import type { SharpeBasis } from '../../results/summary';
import type { AttachedResult, RuleContext } from '../rule';
import { trialCount, type StrategyResults, type TrialCount } from './attached-results';

export interface Deflation {
  trials: TrialCount;
  basis: SharpeBasis;
  variance: number;
  /** The trials' Sharpe ratios the variance came from (null: the null variance was used). */
  trialSharpes: number[] | null;
  /** In words, for messages: where the variance came from and on which basis. */
  varianceSource: string;
  expectedMax: number | null;
  dsr: number | null;
}

const PER: Record<SharpeBasis, string> = { day: 'per day', trade: 'per trade', period: 'per period' };

export function basisWords(basis: SharpeBasis): string {
  return PER[basis];
}

/** The basis of the backtest's tested series. */
export function seriesBasis(result: AttachedResult): SharpeBasis {
  const s = result.statistics;
  if (s.series === 'trade returns') return 'trade';
  const f = result.summary.format;
  if (result.summary.periodDates || f.startsWith('freqtrade') || f === 'lean-backtest') return 'day';
  return 'period';
}

/** Trial Sharpe ratios on `basis`, from any attached result of the group. */
function trialSharpesOn(group: StrategyResults, basis: SharpeBasis): { sharpes: number[]; source: string } | null {
  for (const a of group.all) {
    const t = a.summary.trials;
    if (!t) continue;
    const options = [{ sharpes: t.sharpes, basis: t.sharpeBasis, source: t.sharpeSource }, ...(t.alternative ? [{ sharpes: t.alternative.sharpes, basis: t.alternative.sharpeBasis, source: t.alternative.sharpeSource }] : [])];
    for (const o of options) {
      // A trial matrix without a named basis is per period of the file, like the tested series.
      const same = o.basis === basis || (o.basis === undefined && basis !== 'trade');
      if (same && o.sharpes && o.sharpes.filter(Number.isFinite).length >= 2) return { sharpes: o.sharpes.filter(Number.isFinite), source: o.source ?? 'the trials in the results' };
    }
  }
  return null;
}

/** Why no trial variance on the tested basis was available, for the message. */
function missingReason(group: StrategyResults, basis: SharpeBasis): string {
  const t = group.all.map((a) => a.summary.trials).find((x) => x && x.count > 1);
  if (!t) return 'the results hold no Sharpe ratios of the other trials';
  const bases = [t.sharpes ? t.sharpeBasis : undefined, t.alternative?.sharpes ? t.alternative.sharpeBasis : undefined].filter((b): b is SharpeBasis => b !== undefined);
  if (bases.length) return `the trials' Sharpe ratios are ${bases.map(basisWords).join(' and ')}, not ${basisWords(basis)} like the tested series`;
  if (!t.sharpeSource) return 'the results record how many trials ran but not their returns';
  return `the trials' Sharpe ratios cannot be derived (${t.sharpeSource})`;
}


export function deflationFor(context: RuleContext, group: StrategyResults, result: AttachedResult): Deflation | null {
  const s = result.statistics;
  if (s.sharpe === null || s.observations === null || s.observations < 2) return null;
  const trials = trialCount(context, group, result);
  const basis = seriesBasis(result);
  const fromTrials = trialSharpesOn(group, basis);
  const v = fromTrials ? sampleVariance(fromTrials.sharpes) ?? 0 : 1 / (s.observations - 1);
  const varianceSource = fromTrials
    ? `the variance of ${fromTrials.sharpes.length} trials' Sharpe ratios ${basisWords(basis)} (${fromTrials.source})`
    : `the null sampling variance 1/(T-1) ${basisWords(basis)}, as ${missingReason(group, basis)}`;
  const dsr = deflatedSharpeRatio({ sharpe: s.sharpe, skewness: s.skewness ?? 0, kurtosis: s.kurtosis ?? 3, observations: s.observations, trials: trials.n, trialSharpeVariance: v });
  return { trials, basis, variance: v, trialSharpes: fromTrials?.sharpes ?? null, varianceSource, expectedMax: expectedMaxSharpe(trials.n, v), dsr };
}
