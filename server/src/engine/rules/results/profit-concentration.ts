import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy } from '../helpers/attached-results';

export const profitConcentration: Rule = {
  name: 'profit-concentration',
  code: 'SL609',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'A few trades make most of the profit.',
  glossary: ['sample-size', 'overfitting-detection', 'regime-change'],
  options: {
    'top-share': { default: 0.05, description: 'Share of the best trades looked at (at least one trade).' },
    'max-profit-share': { default: 0.5, description: 'Largest share of net profit those trades may make.' },
    'min-trades': { default: 20, description: 'Trades needed before the rule applies.' },
  },
  docs: {
    what: 'Sorts the attached backtest\'s trades by profit and warns when the best `top-share` of them (at least one) make more than `max-profit-share` of the net profit.',
    why: 'When a handful of trades carry the result, the backtest\'s figures rest on events that may not repeat (one crash, one squeeze, one listing pump). Removing them would change the verdict, so the effective sample size is the handful, not the trade count.',
    example: '# 180 trades, net profit 2,400 USDT; the best 9 trades made 2,150 USDT',
    fix: 'Check what those trades were (dates, pairs); re-run without them or on other periods; size positions so that a single event cannot make or break the result.',
  },
  check(context, report) {
    const topShare = context.option('top-share');
    const maxShare = context.option('max-profit-share');
    const minTrades = context.option('min-trades');
    for (const group of resultsByStrategy(context)) {
      for (const result of group.backtests) {
        const profits = result.summary.tradeProfits ?? result.summary.tradeReturns;
        if (!profits || profits.length < minTrades) continue;
        const net = profits.reduce((a, b) => a + b, 0);
        if (!(net > 0)) continue;
        const top = Math.max(1, Math.ceil(profits.length * topShare));
        const best = [...profits].sort((a, b) => b - a).slice(0, top).reduce((a, b) => a + b, 0);
        const share = best / net;
        if (share <= maxShare) continue;
        const message = `${group.name}: the best ${top} of ${profits.length} trades in ${fileName(result)} make ${fmt(share * 100, 0)} % of the net profit: the result rests on a few events.`;
        report(reportAt(group, { message, related: atKey(result, ['trades'], message) }));
      }
    }
  },
};
