import type { DateSpan } from '../../results/summary';
import type { Rule } from '../rule';
import { atKey, fileName, reportAt, resultsByStrategy } from '../helpers/attached-results';

function overlaps(a: DateSpan, b: DateSpan): boolean {
  const [as, ae, bs, be] = [a.start, a.end, b.start, b.end].map((d) => Date.parse(d));
  if (![as, ae, bs, be].every(Number.isFinite)) return false;
  return as < be && bs < ae;
}

export const inSampleOnly: Rule = {
  name: 'in-sample-only',
  code: 'SL606',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'The backtest overlaps the optimisation period, or no out-of-sample period exists.',
  glossary: ['out-of-sample', 'holdout', 'walk-forward-analysis', 'model-generalization'],
  docs: {
    what: 'Compares the periods of the attached results: a backtest whose period overlaps the period its parameters were optimised on (an attached hyperopt run, or the in-sample span recorded in the result) is an in-sample backtest, and a result that records an in-sample span but no out-of-sample span has no holdout at all.',
    why: 'Parameters optimised on a period will look good on that period by construction; only performance on data the optimiser never saw says anything about the future. An in-sample backtest reported as evidence is the textbook overfitting mistake (Bailey, Borwein, López de Prado and Zhu 2014).',
    example: '# hyperopt --timerange 20230101-20231231, then backtesting --timerange 20230601-20231231\nclass BandRider(IStrategy):\n    ...',
    fix: 'Optimise on one period and backtest on a later one that the optimiser never saw (freqtrade: separate `--timerange` values; LEAN: `outOfSampleMaxEndDate`), or use walk-forward analysis.',
  },
  check(context, report) {
    for (const group of resultsByStrategy(context)) {
      for (const result of group.backtests) {
        const { summary } = result;
        for (const optimisation of group.optimisations) {
          const optimised = optimisation.summary.period;
          if (!summary.period || !optimised || !overlaps(summary.period, optimised)) continue;
          const message = `${group.name}: the backtest in ${fileName(result)} (${summary.period.start} to ${summary.period.end}) overlaps the period its parameters were optimised on in ${fileName(optimisation)} (${optimised.start} to ${optimised.end}): it is an in-sample result.`;
          report(reportAt(group, { message, related: atKey(result, ['backtest_start', 'timerange', 'period'], message) }));
        }
        if (summary.inSample && summary.period && Date.parse(summary.period.end) > Date.parse(summary.inSample.end) && !summary.outOfSample) {
          const message = `${group.name}: ${fileName(result)} runs past its in-sample end ${summary.inSample.end} without recording an out-of-sample period.`;
          report(reportAt(group, { message, related: atKey(result, ['in_sample', 'inSample', 'period'], message) }));
        } else if (summary.inSample && !summary.outOfSample && !summary.period) {
          const message = `${group.name}: ${fileName(result)} records an in-sample period but no out-of-sample period.`;
          report(reportAt(group, { message, related: atKey(result, ['in_sample', 'inSample'], message) }));
        }
      }
    }
  },
};
