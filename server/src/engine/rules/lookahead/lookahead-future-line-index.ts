import { argument, intValue, isWrite } from '../../facts/lookahead';
import type { Rule } from '../rule';
import { CHEAT_ON_OPEN_METHODS, backtraderModel, fieldOf } from '../helpers/backtrader-lines';

export const lookaheadFutureLineIndex: Rule = {
  name: 'lookahead-future-line-index',
  code: 'SL210',
  family: 'lookahead',
  defaultSeverity: 'error',
  summary: 'A backtrader line is read at a positive index (`self.data.close[1]`, `self.sma[2]`): that bar has not happened yet.',
  glossary: ['lookahead-bias'],
  docs: {
    what:
      'In backtrader strategies and indicators, flags reads of data feeds, their lines and indicators at a positive index (`self.data.close[1]`, `self.datas[0].high[2]`, `self.sma[1]`, a local `close = self.data.close` then `close[1]`) and `line.get(ago=n)` with n > 0. `[0]` is the current bar and negative indexes are the past. Inside `next_open`/`prenext_open`/`nextstart_open` (cheat-on-open), where only the open of bar 0 exists, it also flags `[0]` reads of the feed\'s `high`, `low`, `close` and `volume` (indicators are not recalculated before `next_open`, so they still hold the previous bar\'s values and are not flagged). `self.datas[1]` (the second feed) is a list index and is not a line read.',
    why:
      'backtrader indexes lines relative to the bar being processed: `[-1]` is the previous bar, `[1]` the next one. In a backtest the buffer is preloaded, so `[1]` quietly returns tomorrow\'s price instead of failing, and the strategy trades on it (backtrader\'s own Cheat-On-Open page describes the positive `[1]` index as a way "to look into the future"). Under cheat-on-open `next_open` runs when the new bar has been loaded but before it trades: the mode exists to act on the open price, and the bar\'s high, low, close and volume, though already loaded, lie in the future of that decision. Almost every occurrence is a bug.',
    example: [
      'import backtrader as bt',
      '',
      'class NextBarPeek(bt.Strategy):',
      '    def next(self):',
      '        if self.data.close[1] > self.data.close[0]:',
      '            self.buy()',
    ].join('\n'),
    fix:
      'Compare the current bar with the past: `self.data.close[0] > self.data.close[-1]`. In `next_open` use `self.data.open[0]` and values from `[-1]`. No automatic fix: the intended bar cannot be inferred.',
  },
  check(context, report) {
    const model = backtraderModel(context.index, context.facts);
    if (!model.classes.size) return;
    for (const sub of context.index.subscripts) {
      const cls = sub.scope.className;
      if (!cls || !model.classes.has(cls) || sub.index.length !== 1) continue;
      const ago = intValue(sub.index[0]);
      if (ago === undefined || ago < 0) continue;
      const info = model.classify(sub.value, cls, sub.scope.functionName);
      if (!info || isWrite(sub.node)) continue;
      if (ago > 0) {
        report({
          node: sub.node,
          message: `\`${sub.node.text}\` reads ${ago} bar(s) ahead: in backtrader \`[0]\` is the current bar and \`[-1]\` the previous one. Use a zero or negative index.`,
        });
        continue;
      }
      const fn = sub.scope.functionName ?? '';
      const field = fieldOf(info);
      if (CHEAT_ON_OPEN_METHODS.has(fn) && field && field !== 'open' && field !== 'datetime') {
        report({
          node: sub.node,
          message: `\`${sub.node.text}\` in \`${fn}\` (cheat-on-open) reads the current bar's ${field}, which is only known when the bar closes. Only \`open[0]\` and values at \`[-1]\` exist at this point.`,
        });
      }
    }
    for (const call of context.index.calls) {
      const cls = call.scope.className;
      if (call.name !== 'get' || !call.receiver || !cls || !model.classes.has(cls)) continue;
      const ago = intValue(argument(call, 0, 'ago'));
      if (ago === undefined || ago <= 0 || !model.classify(call.receiver, cls, call.scope.functionName)) continue;
      report({
        node: call.node,
        message: `\`${call.node.text}\` reads ${ago} bar(s) ahead: \`ago\` counts back from the current bar with 0 or negative values.`,
      });
    }
  },
};
