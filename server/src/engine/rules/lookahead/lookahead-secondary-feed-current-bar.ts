import { enclosingAssignment, intValue, isWrite, within } from '../../facts/lookahead';
import type { SyntaxNode } from '../../python/parser';
import type { Rule, RuleContext } from '../rule';
import { ORDER_METHODS, backtraderModel } from '../helpers/backtrader-lines';
import { guardingConditions, isLiveTradingScript } from './lookahead-current-bar-order';

const DECISION_METHODS = new Set(['next', 'next_open', 'nextstart', 'prenext']);

/** The read is assigned to a local name that appears in one of the order conditions. */
function storedIntoDecision(node: SyntaxNode, decisions: SyntaxNode[]): boolean {
  const assigned = enclosingAssignment(node);
  const target = assigned && !assigned.onLeft ? assigned.assignment.childForFieldName('left') : null;
  if (target?.type !== 'identifier') return false;
  return decisions.some((d) => d.descendantsOfType('identifier').some((id) => id?.text === target.text));
}

/** Conditions guarding an order in `next()`, and the orders' own arguments. */
function orderConditions(context: RuleContext): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of context.index.calls) {
    if (!DECISION_METHODS.has(call.scope.functionName ?? '') || !ORDER_METHODS.has(call.name) || call.receiver?.text !== 'self') continue;
    out.push(...guardingConditions(call.node));
    const args = call.node.childForFieldName('arguments');
    if (args) out.push(args);
  }
  return out;
}

/**
 * Whether a secondary feed's `[0]` can be a bar that has not closed: a replayed feed (its bar
 * develops during the period), or a second feed loaded on its own next to the first, at another
 * timeframe or compression (a daily file stamped at midnight is delivered whole at the first
 * intraday bar). A feed from `resampledata` alone is delivered only when its bar closes, so `[0]`
 * is the last completed bar: that is the fix this rule recommends, and it stays silent.
 */
function mayDeliverFormingBars(context: RuleContext): boolean {
  const feeds = context.index.calls.filter((c) => c.name === 'adddata' || c.name === 'replaydata');
  if (feeds.some((c) => c.name === 'replaydata')) return true;
  if (feeds.length < 2) return false;
  // Two loaded feeds: only a timeframe or compression difference makes one a coarser bar.
  return /\btimeframe\s*=|\bcompression\s*=/.test(context.text);
}

export const lookaheadSecondaryFeedCurrentBar: Rule = {
  name: 'lookahead-secondary-feed-current-bar',
  code: 'SL212',
  family: 'lookahead',
  defaultSeverity: 'info',
  summary: 'A secondary (often higher-timeframe) backtrader feed is read at `[0]` in `next()`: that bar may still be forming.',
  glossary: ['lookahead-bias', 'data-windowing'],
  docs: {
    what:
      'In backtrader strategies, flags `[0]` reads in `next()` of feeds other than the first one (`self.data1`, `self.datas[1]`, `self.datas[2].close`) and of indicators computed on them (`self.daily_sma = bt.ind.SMA(self.data1)`). It is a prompt to check how the second feed is built, hence `info`: for pairs trading on two feeds of the same timeframe `[0]` is correct.',
    why:
      'When `data1` is a higher timeframe (daily bars next to 5-minute bars), its bar at `[0]` is the current day. If that feed was loaded from a file whose daily bars are stamped at midnight (the usual export format), backtrader delivers the whole day, close included, at the first intraday bar: every decision in the morning knows the day\'s close. With `cerebro.replaydata` the bar at `[0]` is still developing and changes during the day, so signals repaint. A feed from `cerebro.resampledata` is different: backtrader buffers it and delivers a bar only when a bar of the next period arrives (backtrader docs, Filters), so its `[0]` is the last completed bar and is not reported. For a separately loaded file the completed higher-timeframe bar is `[-1]`. `backtrader-strategy-validator` reports higher-timeframe `close[0]` for the same reason.',
    example: [
      'import backtrader as bt',
      '',
      'class DailyTrendFilter(bt.Strategy):',
      '    def __init__(self):',
      '        self.daily_sma = bt.ind.SMA(self.data1.close, period=50)',
      '',
      '    def next(self):',
      '        daily_trend_up = self.data1.close[0] > self.daily_sma[0]',
      '        if daily_trend_up and self.data0.close[0] > self.data0.high[-1]:',
      '            self.buy()',
      '',
      'cerebro = bt.Cerebro()',
      'cerebro.adddata(bt.feeds.GenericCSVData(dataname="es_5m.csv", timeframe=bt.TimeFrame.Minutes, compression=5))',
      'cerebro.adddata(bt.feeds.GenericCSVData(dataname="es_daily.csv", timeframe=bt.TimeFrame.Days))',
      'cerebro.addstrategy(DailyTrendFilter)',
    ].join('\n'),
    fix:
      'Use the last completed higher-timeframe bar (`self.data1.close[-1]`, `self.daily_sma[-1]`), or make sure the feed is resampled from the base data with `cerebro.resampledata(...)` so its bars are only delivered when they close. Suppress the finding when both feeds share a timeframe.',
  },
  check(context, report) {
    const model = backtraderModel(context.index, context.facts);
    if (!model.classes.size || isLiveTradingScript(context.index.root) || !mayDeliverFormingBars(context)) return;
    const decisions = orderConditions(context);
    for (const sub of context.index.subscripts) {
      const cls = sub.scope.className;
      const fn = sub.scope.functionName;
      if (!cls || !fn || !DECISION_METHODS.has(fn) || !model.classes.has(cls) || sub.index.length !== 1) continue;
      if (intValue(sub.index[0]) !== 0) continue;
      const info = model.classify(sub.value, cls, fn);
      if (!info?.secondary || isWrite(sub.node)) continue;
      // A read that only feeds a print or a log line decides nothing; one stored in a local
      // (`uptrend = self.data1.close[0] > ...`) decides when that local guards an order.
      if (!decisions.some((d) => within(sub.node, d)) && !storedIntoDecision(sub.node, decisions)) continue;
      const feed = info.feed ? `\`${info.feed}\`` : 'a secondary feed';
      report({
        node: sub.node,
        message: `\`${sub.node.text}\` reads the current bar of ${feed}. If it is a higher timeframe, that bar has not closed yet (or is stamped at its start); use \`[-1]\` for the last completed bar.`,
      });
    }
  },
};
