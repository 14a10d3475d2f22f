import { deflatedSharpeRatio, expectedMaxSharpe } from '../../stats';
import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy, trialCount } from '../helpers/attached-results';

export const deflatedSharpe: Rule = {
  name: 'deflated-sharpe',
  code: 'SL604',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'The Deflated Sharpe Ratio, given the number of trials, is below 95 %.',
  glossary: ['deflated-sharpe-ratio', 'multiple-testing', 'trial-count', 'probabilistic-sharpe-ratio'],
  options: { 'dsr-level': { default: 0.95, description: 'Lowest acceptable DSR.' } },
  docs: {
    what: 'Computes the Deflated Sharpe Ratio (DSR) of the attached backtest: the PSR measured against the Sharpe ratio expected from the best of N trials with no skill. N comes from a `# strategy-lint: trials=N` directive, the epochs of an attached hyperopt file, or the size of an exhaustive grid in the file (backtrader `optstrategy`, vectorbt sweeps). The variance of the trials\' Sharpe ratios comes from the trials when the results carry them; otherwise from the sampling variance of a Sharpe estimate under the null, 1/(T − 1) (Lo 2002), which the message says.',
    why: 'E[max SR] = √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))), γ the Euler–Mascheroni constant; DSR = PSR(E[max SR]) (Bailey and López de Prado, "The Deflated Sharpe Ratio", Journal of Portfolio Management, 2014). Selecting the best of many backtests inflates its Sharpe; the DSR removes that selection bias. Quoting a Sharpe without the number of trials behind it is the most common way backtests mislead.',
    example: [
      '# backtest: 730 daily returns, Sharpe 0.084 a day (1.6 annualised), the best of the',
      '# 500 hyperopt epochs in user_data/hyperopt_results/strategy_BandRider.fthypt',
      'class BandRider(IStrategy):',
      '    ...',
    ].join('\n'),
    fix: 'Report N with the Sharpe, reduce the search (fewer parameters, coarser grids), and confirm on data the optimiser never saw.',
  },
  check(context, report) {
    const level = context.option('dsr-level');
    for (const group of resultsByStrategy(context)) {
      const trialVariance = group.all.map((a) => a.statistics.trialSharpeVariance).find((v): v is number => v !== null);
      for (const result of group.backtests) {
        const trials = trialCount(context, group, result);
        const s = result.statistics;
        if (trials.n <= 1 || s.sharpe === null || s.observations === null || s.observations < 2) continue;
        const variance = trialVariance ?? 1 / (s.observations - 1);
        const dsr = deflatedSharpeRatio({ sharpe: s.sharpe, skewness: s.skewness ?? 0, kurtosis: s.kurtosis ?? 3, observations: s.observations, trials: trials.n, trialSharpeVariance: variance });
        if (dsr === null || dsr >= level) continue;
        const expected = expectedMaxSharpe(trials.n, variance);
        const varianceSource = trialVariance !== undefined ? 'the trials\' Sharpe variance' : 'the null sampling variance 1/(T-1), as the trials carry no Sharpe ratios';
        const message = `${group.name}: Deflated Sharpe Ratio ${fmt(dsr, 3)} for ${fileName(result)} after ${trials.n} trials (${trials.source}): the best of ${trials.n} skill-less trials is expected to reach a Sharpe of ${fmt(expected ?? NaN, 3)} per period (using ${varianceSource}), against the observed ${fmt(s.sharpe, 3)}.`;
        report(reportAt(group, { message, related: atKey(result, ['sharpe', 'trades', 'returns'], message) }));
      }
    }
  },
};
