import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy } from '../helpers/attached-results';

export const backtestOverfitting: Rule = {
  name: 'backtest-overfitting',
  code: 'SL605',
  family: 'results',
  defaultSeverity: 'error',
  summary: 'The Probability of Backtest Overfitting (CSCV) is above 0.5.',
  glossary: ['probability-of-backtest-overfitting', 'cscv', 'overfitting-detection', 'out-of-sample'],
  options: {
    'pbo-level': { default: 0.5, description: 'PBO above which the rule reports at its own severity (error by default).' },
    'pbo-warn-level': { default: 0.3, description: 'PBO above which the rule reports a warning.' },
  },
  docs: {
    what: 'When a matrix of trial returns is attached (rows = periods, columns = configurations: a CSV trial matrix or `trialMatrix` in the strategy-lint JSON format), computes the Probability of Backtest Overfitting by combinatorially symmetric cross-validation: the rows are cut into S contiguous blocks, every half of the blocks serves once as in-sample, and PBO is the share of splits where the in-sample best configuration ranks at or below the median out-of-sample.',
    why: 'PBO estimates how often choosing the best backtest picks a configuration that is worse than typical on unseen data (Bailey, Borwein, López de Prado and Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance, 2017). Above 0.5, selecting by backtest is worse than choosing at random.',
    example: '# strategy-lint: results=research/sweep_returns.csv   (2,520 days x 200 configurations)',
    fix: 'Reduce the number of configurations, prefer parameter regions that are stable rather than the single best point, and validate the chosen configuration on a holdout the sweep never saw.',
  },
  check(context, report) {
    const errorLevel = context.option('pbo-level');
    const warnLevel = context.option('pbo-warn-level');
    for (const group of resultsByStrategy(context)) {
      for (const result of group.all) {
        const pbo = result.statistics.pbo;
        if (!pbo || !pbo.ok || pbo.pbo <= warnLevel) continue;
        const dropped = pbo.rowsDropped > 0 ? ` Rows ${pbo.rowsUsed + 1}-${pbo.observations} (the last ${pbo.rowsDropped} of ${pbo.observations}) are left out so the ${pbo.splits} blocks have ${pbo.rowsUsed / pbo.splits} rows each.` : '';
        const message = `${group.name}: Probability of Backtest Overfitting ${fmt(pbo.pbo, 3)} over ${pbo.trials} configurations in ${fileName(result)} (CSCV, S = ${pbo.splits}, ${pbo.combinations} splits): the in-sample best ranks at or below the out-of-sample median in ${Math.round(pbo.pbo * 100)} % of splits.${dropped}`;
        report(reportAt(group, { message, severity: pbo.pbo > errorLevel ? undefined : 'warning', related: atKey(result, ['trialMatrix', 'trials', 'header'], message) }));
      }
    }
  },
};
