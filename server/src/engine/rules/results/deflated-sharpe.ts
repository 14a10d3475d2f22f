import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy } from '../helpers/attached-results';
import { basisWords, deflationFor } from '../helpers/deflation';

export const deflatedSharpe: Rule = {
  name: 'deflated-sharpe',
  code: 'SL604',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'The Deflated Sharpe Ratio, given the number of trials, is below 95 %.',
  glossary: ['deflated-sharpe-ratio', 'multiple-testing', 'trial-count', 'probabilistic-sharpe-ratio'],
  options: { 'dsr-level': { default: 0.95, description: 'Lowest acceptable DSR.' } },
  docs: {
    what: 'Computes the Deflated Sharpe Ratio (DSR) of the attached backtest: the PSR measured against the Sharpe ratio expected from the best of N trials with no skill. N comes from a `# strategy-lint: trials=N` directive, the epochs of every hyperopt run of the strategy (all its `.fthypt` files, summed), or the size of an exhaustive grid in the file (backtrader `optstrategy`, vectorbt sweeps). Correlated epochs are not independent trials: epochs with identical daily returns are merged and the rest deflated by their average correlation, N_eff = ρ̄ + (1 − ρ̄)·K (Bailey and López de Prado 2014); the DSR uses N_eff, the message shows both. Every Sharpe is on the tested series\' basis: per day for daily returns (freqtrade `daily_profit`, whose epochs\' daily returns are rebuilt from their own `daily_profit` or trades), per trade for trade returns. The variance of the trials\' Sharpe ratios comes from the trials when they are on that basis; otherwise from the sampling variance of a Sharpe estimate under the null, 1/(T − 1) (Lo 2002). The message says which.',
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
      for (const result of group.backtests) {
        const d = deflationFor(context, group, result);
        if (!d || d.trials.n <= 1 || d.dsr === null || d.dsr >= level) continue;
        const s = result.statistics;
        const per = basisWords(d.basis);
        const n = d.trials.n === d.trials.raw ? `${d.trials.n} trials` : `${d.trials.n} effective trials (${d.trials.raw} run)`;
        const message = `${group.name}: Deflated Sharpe Ratio ${fmt(d.dsr, 3)} for ${fileName(result)} after ${n} (${d.trials.source}): the best of ${d.trials.n} skill-less trials is expected to reach a Sharpe of ${fmt(d.expectedMax ?? NaN, 3)} ${per} (using ${d.varianceSource}), against the observed ${fmt(s.sharpe!, 3)} ${per}.`;
        report(reportAt(group, { message, related: atKey(result, ['sharpe', 'trades', 'returns'], message) }));
      }
    }
  },
};
