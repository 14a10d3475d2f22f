import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy } from '../helpers/attached-results';

export const oosDegradation: Rule = {
  name: 'oos-degradation',
  code: 'SL607',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'Out-of-sample Sharpe far below the in-sample Sharpe.',
  glossary: ['out-of-sample', 'overfitting-detection', 'regime-change', 'model-generalization'],
  options: { 'min-oos-ratio': { default: 0.5, description: 'Smallest acceptable ratio of out-of-sample to in-sample Sharpe.' } },
  docs: {
    what: 'When both an optimisation (in-sample) result and a backtest on a later, non-overlapping period (out-of-sample) are attached, compares their Sharpe ratios (per trade, or per period when both carry daily returns) and warns when the out-of-sample one is less than `min-oos-ratio` times the in-sample one.',
    why: 'Overfit parameters lose most of their edge on new data: a large drop from in-sample to out-of-sample performance is the most direct evidence of curve-fitting (the "performance degradation" of Bailey, Borwein, López de Prado and Zhu 2017), or of a regime change the strategy does not survive.',
    example: '# hyperopt 2022 (per-trade Sharpe 0.31) -> backtest 2023 (per-trade Sharpe 0.04)',
    fix: 'Treat the out-of-sample figure as the real one. Simplify the strategy (fewer parameters, coarser thresholds) and re-validate on a fresh period.',
  },
  check(context, report) {
    const minRatio = context.option('min-oos-ratio');
    for (const group of resultsByStrategy(context)) {
      for (const optimisation of group.optimisations) {
        const isSharpe = optimisation.statistics.sharpe;
        const isEnd = optimisation.summary.period ? Date.parse(optimisation.summary.period.end) : NaN;
        if (isSharpe === null || isSharpe <= 0 || !Number.isFinite(isEnd)) continue;
        for (const result of group.backtests) {
          const oosStart = result.summary.period ? Date.parse(result.summary.period.start) : NaN;
          const oosSharpe = result.statistics.series === optimisation.statistics.series ? result.statistics.sharpe : null;
          if (oosSharpe === null || !(oosStart >= isEnd)) continue;
          if (oosSharpe >= minRatio * isSharpe) continue;
          const unit = result.statistics.series === 'trade returns' ? 'per trade' : 'per period';
          const message = `${group.name}: out-of-sample Sharpe ${fmt(oosSharpe, 3)} ${unit} in ${fileName(result)} is ${fmt((oosSharpe / isSharpe) * 100, 0)} % of the in-sample ${fmt(isSharpe, 3)} in ${fileName(optimisation)} (at least ${fmt(minRatio * 100, 0)} % expected).`;
          report(reportAt(group, { message, related: atKey(result, ['sharpe', 'trades'], message) }));
        }
      }
    }
  },
};
