import { booleanValue } from '../../facts/python-values';
import type { Rule } from '../rule';

/** Settings that fill market orders at the close of the bar that produced the signal. */
const CLOSE_FILLS: { call: RegExp; keyword?: string; positional?: boolean; label: (v: string) => string; framework: string }[] = [
  // backtesting.py: `Backtest(data, Strategy, trade_on_close=True)`.
  { call: /^Backtest$|^FractionalBacktest$/, keyword: 'trade_on_close', label: (v) => `trade_on_close=${v}`, framework: 'backtesting.py' },
  // backtrader: `cerebro.broker.set_coc(True)`, `BackBroker(coc=True)`.
  { call: /^set_coc$/, positional: true, label: (v) => `set_coc(${v})`, framework: 'backtrader' },
  { call: /^BackBroker$/, keyword: 'coc', label: (v) => `coc=${v}`, framework: 'backtrader' },
];

export const lookaheadFillOnSignalBar: Rule = {
  name: 'lookahead-fill-on-signal-bar',
  code: 'SL219',
  family: 'lookahead',
  defaultSeverity: 'info',
  summary: 'Market orders fill at the close of the bar whose close decided them (backtesting.py `trade_on_close=True`, backtrader cheat-on-close).',
  glossary: ['lookahead-bias', 'slippage'],
  docs: {
    what:
      'Reports the engine settings that fill market orders at the close of the bar the strategy has just read: backtesting.py `Backtest(..., trade_on_close=True)` and backtrader `cerebro.broker.set_coc(True)` or `BackBroker(coc=True)`. By default both engines fill a market order at the next bar\'s open.',
    why:
      'The strategy reads the bar\'s close, computes its signal and is then filled at that same close. A live strategy can only send the order after the close is known, so it gets the next open (or a market-on-close order priced before the final print). The backtest thus trades at a price the strategy saw before deciding - a small lookahead that adds up over many trades, and a large one around gaps. backtesting.py documents that with `trade_on_close=True` "market orders will be filled with respect to the current bar\'s closing price instead of the next bar\'s open"; backtrader calls the mode cheat-on-close. It is reported as `info` because market-on-close orders make it legitimate for some strategies.',
    example: ['from backtesting import Backtest', '', 'bt = Backtest(data, SmaCross, commission=0.001, trade_on_close=True)', 'stats = bt.run()'].join('\n'),
    fix:
      'Drop the setting (fill at the next open), or keep it only if the strategy really trades market-on-close and decides on data known before the close; compare both runs to see how much of the result the setting carries. No automatic fix.',
  },
  check(context, report) {
    for (const call of context.index.calls) {
      for (const setting of CLOSE_FILLS) {
        if (!setting.call.test(call.name)) continue;
        const value = setting.keyword ? call.keywords.get(setting.keyword) : call.positional[0];
        if (!value || booleanValue(value) !== true) continue;
        if (setting.framework === 'backtesting.py' && !/^backtesting(\.|$)/.test(call.qualifiedCallee ?? '')) continue;
        const node = setting.keyword ? call.keywordNodes.get(setting.keyword) ?? value : call.node;
        report({
          node,
          message: `\`${setting.label(value.text)}\` fills market orders at the close of the bar whose close the strategy just read: a live order sent after that close gets the next open. Confirm the strategy can trade market-on-close, and compare with next-open fills.`,
        });
      }
    }
  },
};
