import type { Rule } from '../rule';
import { atKey, fileName, reportAt, resultsByStrategy } from '../helpers/attached-results';

export const tinySample: Rule = {
  name: 'tiny-sample',
  code: 'SL601',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'Too few trades or observations in the attached backtest to judge anything.',
  glossary: ['sample-size', 'overfitting-detection', 'minimum-track-record-length'],
  options: {
    'min-trades': { default: 30, description: 'Fewest trades a backtest needs before its statistics mean anything.' },
    'min-observations': { default: 60, description: 'Fewest return observations (e.g. days) a backtest needs.' },
  },
  docs: {
    what: 'Reads the attached backtest results and warns when they hold fewer trades than `min-trades` or fewer return observations than `min-observations`. The message gives the count and what it would take.',
    why: 'A Sharpe ratio, a win rate or a profit factor estimated from a handful of trades has a standard error as large as the figure itself: with 20 trades, a strategy with no edge at all shows a "good" backtest by luck alone a large share of the time (Lo, "The Statistics of Sharpe Ratios", Financial Analysts Journal, 2002). Nothing else in the backtest can be trusted until the sample is large enough.',
    example: '# strategy-lint: results=backtests/scalper-2024-03.json   (a backtest with 14 trades)\nclass Scalper(IStrategy):\n    ...',
    fix: 'Backtest over a longer period or more pairs/instruments until the trade count is comfortably above the threshold; do not tune parameters on the small sample.',
  },
  check(context, report) {
    const minTrades = context.option('min-trades');
    const minObservations = context.option('min-observations');
    for (const group of resultsByStrategy(context)) {
      for (const result of group.backtests) {
        const trades = result.summary.tradeCount;
        if (trades !== undefined && trades < minTrades) {
          const message = `${group.name}: ${fileName(result)} has only ${trades} trade${trades === 1 ? '' : 's'}; at least ${minTrades} are needed before its figures mean anything.`;
          report(reportAt(group, { message, related: atKey(result, ['trades', 'total_trades', 'tradeCount'], message) }));
          continue;
        }
        const observations = result.statistics.series === 'period returns' ? result.statistics.observations : null;
        if (observations !== null && observations < minObservations) {
          const message = `${group.name}: ${fileName(result)} covers only ${observations} return observations; at least ${minObservations} are needed.`;
          report(reportAt(group, { message, related: atKey(result, ['daily_profit', 'returns', 'period'], message) }));
        }
      }
    }
  },
};
