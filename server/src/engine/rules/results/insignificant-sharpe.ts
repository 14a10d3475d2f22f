import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy } from '../helpers/attached-results';

export const insignificantSharpe: Rule = {
  name: 'insignificant-sharpe',
  code: 'SL603',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'The Probabilistic Sharpe Ratio against zero is below 95 %.',
  glossary: ['probabilistic-sharpe-ratio', 'sharpe-ratio', 'sample-size'],
  options: { 'psr-level': { default: 0.95, description: 'Lowest acceptable PSR(0).' } },
  docs: {
    what: 'Computes the Probabilistic Sharpe Ratio (PSR) of the attached backtest against a zero benchmark: the probability that the true Sharpe ratio is above zero given the observed Sharpe, the number of observations, and the skewness and kurtosis of the returns. Warns when it is below `psr-level`.',
    why: 'PSR(SR*) = Φ((SR − SR*)·√(T − 1) / √(1 − γ₃·SR + (γ₄ − 1)/4·SR²)) (Bailey and López de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk, 2012). A backtest whose PSR is below 0.95 cannot tell skill from luck even before accounting for the trials it took to find it.',
    example: '# 120 daily returns with a per-period Sharpe of 0.08: PSR(0) ≈ 0.81\n# strategy-lint: results=results/momentum.backtest.csv',
    fix: 'Collect a longer record, or accept that the strategy has no demonstrated edge. Do not add parameters to lift the Sharpe.',
  },
  check(context, report) {
    const level = context.option('psr-level');
    for (const group of resultsByStrategy(context)) {
      for (const result of group.backtests) {
        const s = result.statistics;
        if (s.psr === null || s.psr >= level || s.observations === null) continue;
        const message = `${group.name}: the Probabilistic Sharpe Ratio of ${fileName(result)} is ${fmt(s.psr, 3)} (Sharpe ${fmt(s.sharpe ?? NaN, 3)} per ${s.series === 'trade returns' ? 'trade' : 'period'} over ${s.observations} observations, skewness ${fmt(s.skewness ?? NaN)}, kurtosis ${fmt(s.kurtosis ?? NaN)}), below ${level}: the Sharpe is not distinguishable from zero.`;
        report(reportAt(group, { message, related: atKey(result, ['sharpe', 'daily_profit', 'returns', 'trades'], message) }));
      }
    }
  },
};
