import type { Rule } from '../rule';
import { atKey, fileName, fmt, reportAt, resultsByStrategy } from '../helpers/attached-results';

export const tooGoodToBeTrue: Rule = {
  name: 'too-good-to-be-true',
  code: 'SL608',
  family: 'results',
  defaultSeverity: 'warning',
  summary: 'Annualised Sharpe above 3, win rate above 90 %, profit factor above 5, or no drawdown.',
  glossary: ['lookahead-bias', 'sharpe-ratio', 'profit-factor', 'drawdown', 'win-rate'],
  options: {
    'max-sharpe': { default: 3, description: 'Annualised Sharpe above which a backtest is suspicious.' },
    'max-win-rate': { default: 0.9, description: 'Win rate above which a backtest with many trades is suspicious.' },
    'max-profit-factor': { default: 5, description: 'Profit factor above which a backtest is suspicious.' },
    'min-trades': { default: 50, description: 'Trades needed before the win-rate and drawdown checks apply.' },
  },
  docs: {
    what: 'Flags backtest figures that real strategies almost never reach: an annualised Sharpe above `max-sharpe`, a win rate above `max-win-rate` over at least `min-trades` trades, a profit factor above `max-profit-factor`, or no drawdown at all over many trades.',
    why: 'Figures like these usually come from lookahead bias (signals that peek at the bar they trade on), zero costs, survivorship bias or a bug in the backtest, not from skill. Checking them costs a minute; trading them costs money.',
    example: '# backtest: 412 trades, 96.1 % winners, profit factor 11.3, max drawdown 0 %',
    fix: 'Look for lookahead (`shift(-1)`, centred windows, full-sample statistics), check that costs are on, and re-run the backtest on a period the strategy has never seen.',
  },
  check(context, report) {
    const maxSharpe = context.option('max-sharpe');
    const maxWinRate = context.option('max-win-rate');
    const maxProfitFactor = context.option('max-profit-factor');
    const minTrades = context.option('min-trades');
    for (const group of resultsByStrategy(context)) {
      for (const result of group.backtests) {
        const { summary, statistics } = result;
        const trades = summary.tradeCount ?? summary.tradeReturns?.length ?? 0;
        const reasons: { text: string; key: string[] }[] = [];
        if (statistics.sharpeAnnualized !== null && statistics.sharpeAnnualized > maxSharpe && (statistics.observations ?? 0) >= 20) {
          reasons.push({ text: `an annualised Sharpe of ${fmt(statistics.sharpeAnnualized)} (recomputed from ${statistics.series})`, key: ['sharpe', 'daily_profit', 'returns'] });
        }
        if (summary.winRate !== undefined && summary.winRate > maxWinRate && trades >= minTrades) {
          reasons.push({ text: `a win rate of ${fmt(summary.winRate * 100, 1)} % over ${trades} trades`, key: ['winrate', 'wins', 'win_rate'] });
        }
        if (summary.profitFactor !== undefined && summary.profitFactor > maxProfitFactor && trades >= 20) {
          reasons.push({ text: `a profit factor of ${fmt(summary.profitFactor)}`, key: ['profit_factor'] });
        }
        if (summary.maxDrawdown === 0 && trades >= minTrades) {
          reasons.push({ text: `no drawdown at all over ${trades} trades`, key: ['max_drawdown', 'max_drawdown_account', 'drawdown'] });
        }
        if (reasons.length === 0) continue;
        const message = `${group.name}: ${fileName(result)} shows ${reasons.map((r) => r.text).join(', ')}: usually lookahead, missing costs or a bug, not skill.`;
        report(reportAt(group, { message, related: atKey(result, reasons[0].key, message) }));
      }
    }
  },
};
