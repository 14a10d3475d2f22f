import { intValue, unparen, within } from '../../facts/lookahead';
import { nodeRange } from '../../python/node-range';
import type { SyntaxNode } from '../../python/parser';
import type { Rule } from '../rule';
import { ORDER_METHODS, backtraderModel, fieldOf, type BacktraderModel } from '../helpers/backtrader-lines';

const PRICE_KEYWORDS = ['price', 'plimit', 'stopprice', 'limitprice', 'trailamount'];
/** Attributes that record an entry fill or a stop/target level. */
const FILL_LEVEL = /^_?(entry|fill|buy|sell|stop|stop_loss|stoploss|sl|tp|take_profit|takeprofit|profit_target|target)(_?(price|level|px))?$/i;

/** Reads of the current bar's high/low (or any OHLC for prices) inside an expression. */
function currentBarReads(expr: SyntaxNode, model: BacktraderModel, cls: string, fn: string, fields: Set<string>): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [expr];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'subscript') {
      const index = n.childrenForFieldName('subscript');
      const value = n.childForFieldName('value');
      if (value && index.length === 1 && intValue(index[0]) === 0) {
        const info = model.classify(value, cls, fn);
        const field = info && fieldOf(info);
        if ((field && fields.has(field)) || (info?.usesExtremes && fields.has('high'))) {
          out.push(n);
          continue;
        }
      }
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * A script that trades through a live store (Interactive Brokers, Oanda, ccxt): there is no
 * backtest to leak into. Read statement by statement (no sign spans two), each answer kept with
 * the statement's copy: a keystroke reads the edited statement again, not the file.
 */
export function isLiveTradingScript(root: SyntaxNode): boolean {
  return root.children.some((statement) => {
    let answer = liveStatements.get(statement);
    if (answer === undefined) liveStatements.set(statement, (answer = LIVE_SIGNS.test(statement.text)));
    return answer;
  });
}

const LIVE_SIGNS = /\b(IBStore|OandaStore|CCXTStore|VCStore|stores\.\w+Store)\b|getbroker\(|\blive\s*=\s*True/;
const liveStatements = new WeakMap<SyntaxNode, boolean>();

/** The `if` / `elif` conditions under which `node` runs, innermost first. */
export function guardingConditions(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let n = node.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type !== 'if_statement' && n.type !== 'elif_clause') continue;
    const condition = n.childForFieldName('condition');
    const consequence = n.childForFieldName('consequence');
    if (condition && consequence && within(node, consequence)) out.push(condition);
  }
  return out;
}

export const lookaheadCurrentBarOrder: Rule = {
  name: 'lookahead-current-bar-order',
  code: 'SL211',
  family: 'lookahead',
  defaultSeverity: 'info',
  summary: 'A backtrader order is decided on the current bar\'s high/low, or priced from the current bar: confirm it cannot fill inside that same bar.',
  glossary: ['lookahead-bias'],
  docs: {
    what:
      'In backtrader `next()`, flags (a) `high[0]`/`low[0]` of a data feed, or `[0]` of an indicator computed from highs and lows (ATR, Stochastic, Williams %R, CCI, ADX, `Highest(self.data.high)`...), in the `if`/`elif` condition that guards an order (`self.buy()`, `self.sell()`, `self.close()`, `order_target_*`, brackets); (b) order prices (`price=`, `plimit=`, `stopprice=`, `limitprice=`) computed from the current bar\'s `close[0]`, `high[0]` or `low[0]`; and (c) entry prices and stop/target levels (`self.entry_price`, `self.stop_price`, `self.tp`...) assigned in `next()` from the current bar in a strategy that places orders there, i.e. before the fill. It is a prompt to check, hence the `info` severity. Delayed lines (`self.data.high(-1)`) and `[-1]` reads are not flagged.',
    why:
      'A bar\'s high and low are only final at its close. With backtrader\'s default broker a market order created in `next()` fills at the *next* bar\'s open, which is honest. But the same code becomes lookahead when the order is assumed to fill within the bar that produced the signal: cheat-on-close (`set_coc(True)`), a replayed/live feed where `next()` runs on every tick of a developing bar, or a stop/limit at a level the bar has already crossed ("buy the breakout of today\'s high, at today\'s high"). A limit or stop priced from `close[0]` is fine for the next bar, but under cheat-on-close or with a developing bar it fills at a price the strategy could not have known in time. The static checker `backtrader-strategy-validator` reports these patterns too; Strategy Lint reports them as `info` because the default execution model is not affected.',
    example: [
      'import backtrader as bt',
      '',
      'class Breakout(bt.Strategy):',
      '    def __init__(self):',
      '        self.highest = bt.ind.Highest(self.data.high, period=20)',
      '',
      '    def next(self):',
      '        if self.data.high[0] > self.highest[-1]:',
      '            self.buy(exectype=bt.Order.Limit, price=self.data.close[0])',
    ].join('\n'),
    fix:
      'Decide on completed bars (`high[-1]`, `low[-1]`) or accept that the order fills on the next bar (market order, no cheat-on-close), and price limits/stops from levels that existed before the bar (`self.highest[-1]`, `close[-1]`). No automatic fix.',
  },
  check(context, report) {
    const model = backtraderModel(context.index, context.facts);
    if (!model.classes.size || isLiveTradingScript(context.index.root)) return;
    const reported = new Set<number>();
    // `self.entry_price = self.data.close[0]` next to an order: the fill is still to come.
    const ordering = new Set(context.index.calls.filter((c) => c.scope.functionName === 'next' && ORDER_METHODS.has(c.name) && c.receiver?.text === 'self').map((c) => c.scope.className));
    for (const a of context.index.assignments) {
      const cls = a.scope.className;
      if (!cls || a.scope.functionName !== 'next' || !ordering.has(cls) || !model.classes.has(cls)) continue;
      const target = unparen(a.targetNode);
      if (target.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self') continue;
      const name = target.childForFieldName('attribute')?.text ?? '';
      if (!FILL_LEVEL.test(name)) continue;
      const reads = currentBarReads(a.value, model, cls, 'next', new Set(['close', 'high', 'low']));
      if (!reads.length) continue;
      reported.add(reads[0].id);
      report({
        node: a.targetNode,
        message: `\`self.${name}\` is set in \`next()\` from \`${reads[0].text}\`, before the order has filled (by default at the next bar's open, at another price). Record fills in \`notify_order\` from \`order.executed.price\`.`,
      });
    }
    for (const call of context.index.calls) {
      const cls = call.scope.className;
      const fn = call.scope.functionName;
      if (!cls || fn !== 'next' || !model.classes.has(cls) || !ORDER_METHODS.has(call.name) || call.receiver?.text !== 'self') continue;
      for (const condition of guardingConditions(call.node)) {
        for (const read of currentBarReads(condition, model, cls, fn, new Set(['high', 'low']))) {
          if (reported.has(read.id)) continue;
          reported.add(read.id);
          report({
            node: read,
            message: `The order at line ${call.node.startPosition.row + 1} is decided on \`${read.text}\`, which ${model.classify(read.childForFieldName('value')!, cls, fn)?.usesExtremes ? "is computed from this bar's high/low and " : ''}is only final when this bar closes. Fine if it fills at the next bar's open (backtrader's default); lookahead under cheat-on-close, replayed bars, or a stop/limit assumed to fill within this bar.`,
            related: [{ message: 'order placed here', range: nodeRange(call.node) }],
          });
        }
      }
      for (const key of PRICE_KEYWORDS) {
        const value = call.keywords.get(key);
        if (!value) continue;
        const reads = currentBarReads(unparen(value), model, cls, fn, new Set(['close', 'high', 'low']));
        if (!reads.length || reported.has(reads[0].id)) continue;
        reported.add(reads[0].id);
        report({
          node: call.keywordNodes.get(key)!,
          message: `\`${key}=\` is taken from the current bar (\`${reads[0].text}\`): a price that is only known at the close. It must not fill within this bar (cheat-on-close, developing bars); price it from \`[-1]\` or a level known before the bar.`,
        });
      }
    }
  },
};
