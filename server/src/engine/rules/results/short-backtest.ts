import { minBacktestLengthYears } from '../../stats';
import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy, trialCount } from '../helpers/attached-results';

export const shortBacktest: Rule = {
  name: 'short-backtest',
  code: 'SL602',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'History too short for the claimed Sharpe (MinTRL) or for the number of trials (MinBTL).',
  glossary: ['minimum-track-record-length', 'minimum-backtest-length', 'sample-size', 'multiple-testing'],
  docs: {
    what: 'Compares the length of the attached backtest with two published minimums: the Minimum Track Record Length (MinTRL, Bailey and López de Prado 2012) needed for its Sharpe ratio to be significantly above zero at 95 % given the returns\' skewness and kurtosis; and the Minimum Backtest Length (MinBTL, Bailey, Borwein, López de Prado and Zhu 2014) needed so that the best of N trials is not expected to reach the observed Sharpe by chance.',
    why: 'MinTRL = 1 + (1 − γ₃·SR + (γ₄ − 1)/4·SR²)·(z₀.₉₅ / SR)² observations: fat tails and negative skew make the same Sharpe need a longer record. MinBTL ≈ (E[max of N standard normals])² / SR²ₐₙₙᵤₐₗ years: after trying N configurations, a backtest shorter than this is expected to show an annual Sharpe this high for at least one of them even when none has any skill.',
    example: '# 9 months of daily returns, Sharpe 1.1 annualised, after 200 hyperopt epochs\n# strategy-lint: results=user_data/backtest_results/backtest-result-2024-06-30.json',
    fix: 'Extend the backtest period (and keep part of it out-of-sample), or reduce the number of configurations tried. Report the number of trials alongside the Sharpe.',
  },
  check(context, report) {
    for (const group of resultsByStrategy(context)) {
      for (const result of group.backtests) {
        const trials = trialCount(context, group, result);
        const s = result.statistics;
        if (s.observations === null || s.sharpe === null) continue;
        if (s.minTrl !== null && s.observations < s.minTrl) {
          const unit = s.series === 'trade returns' ? 'trades' : 'observations';
          const message = `${group.name}: ${fileName(result)} has ${s.observations} ${unit}, shorter than the minimum track record length of ${Math.ceil(s.minTrl)} needed for its Sharpe (${fmt(s.sharpe, 3)} per period) to be above zero with 95 % confidence.`;
          report(reportAt(group, { message, related: atKey(result, ['daily_profit', 'returns', 'trades', 'period'], message) }));
          continue;
        }
        if (trials.n > 1 && s.sharpeAnnualized !== null && s.years !== null) {
          const minYears = minBacktestLengthYears(trials.n, s.sharpeAnnualized);
          if (minYears !== null && s.years < minYears) {
            const message = `${group.name}: ${fileName(result)} spans ${fmt(s.years, 1)} years, shorter than the minimum backtest length of ${fmt(minYears, 1)} years for ${trials.n} trials (${trials.source}) at an annualised Sharpe of ${fmt(s.sharpeAnnualized)}: that Sharpe is expected from the best of so many trials by chance.`;
            report(reportAt(group, { message, related: atKey(result, ['backtest_start', 'period', 'timerange'], message) }));
          }
        }
      }
    }
  },
};
