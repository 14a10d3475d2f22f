// backtrader: `params = (('period', 15), ...)` or `params = dict(period=15)` on bt.Strategy
// subclasses, and `cerebro.optstrategy(Strategy, period=range(10, 31))` grids.
import type { SyntaxIndex } from '../python/syntax-index';
import { dictEntries, numberValue, sequenceElements, stringValue } from './python-values';
import type { TunedParameter } from './types';
import type { SyntaxNode } from '../python/parser';

/** Strategy methods that place orders (backtrader docs, Strategy: buy, sell, close, order_target_*, brackets). */
export const ORDER_METHODS = new Set([
  'buy', 'sell', 'close', 'order_target_size', 'order_target_value', 'order_target_percent', 'buy_bracket', 'sell_bracket',
]);

/**
 * Whether a cerebro run can trade: some strategy it is given places orders. A strategy class of
 * the file must call an order method (itself or through a base class of the file); one imported
 * from elsewhere is assumed to; signals (add_signal, SignalStrategy) trade by themselves.
 * Indicator, data-feed and plotting samples add none that does.
 */
export function backtraderRunPlacesOrders(index: SyntaxIndex): boolean {
  // Signals trade on their own (cerebro.add_signal, a SignalStrategy and its signal_add).
  if (index.calls.some((c) => c.name === 'add_signal' || c.name === 'signal_add')) return true;
  const added = index.calls.filter((c) => (c.name === 'addstrategy' || c.name === 'optstrategy') && c.positional[0]);
  const local = new Map(index.classes.map((c) => [c.name, c]));
  const orders = new Set(index.calls.filter((c) => ORDER_METHODS.has(c.name) && c.receiver?.text === 'self').map((c) => c.scope.className));
  const trades = (name: string, seen = new Set<string>()): boolean => {
    const cls = local.get(name);
    if (!cls) return !/^(bt|backtrader)\.Strategy$|^Strategy$/.test(name);
    if (cls.bases.some((base) => /(^|\.)SignalStrategy$/.test(base))) return true;
    if (orders.has(name)) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return cls.bases.some((base) => local.has(base) && trades(base, seen));
  };
  return added.some((c) => trades(c.positional[0].text));
}

/** A live broker from a store (Interactive Brokers, Oanda, VisualChart, CCXT): live trading, not a backtest. */
export function backtraderRunsLive(index: SyntaxIndex): boolean {
  return index.calls.some((c) => /^(IB|Oanda|VC|CCXT|Alpaca)(Store|Broker)$/.test(c.name) || c.name === 'getbroker');
}

export function backtraderParameters(index: SyntaxIndex, strategyNames: Set<string>): TunedParameter[] {
  const out: TunedParameter[] = [];
  for (const assignment of index.assignments) {
    const { scope } = assignment;
    if (!scope.className || scope.functionName || !strategyNames.has(scope.className)) continue;
    if (assignment.target !== 'params') continue;
    for (const { name, node, value } of paramsEntries(assignment.value)) {
      const defaultValue = numberValue(value);
      out.push({
        name,
        kind: 'declared',
        framework: 'backtrader',
        node,
        className: scope.className,
        defaultValue,
        defaultNode: value,
        // A number is what an optimiser sweeps; a switch (True, None, 'ema', bt.Order.Market) is a
        // setting of the run (printout, exectype, stake mode) unless optstrategy sweeps it, which
        // then counts as its grid. Measured on backtrader's samples: such switches made most of
        // too-many-parameters' wrong findings.
        optimized: defaultValue !== undefined,
      });
    }
  }
  for (const call of index.calls) {
    if (call.name !== 'optstrategy') continue;
    for (const [name, value] of call.keywords) {
      out.push({
        name,
        kind: 'grid',
        framework: 'backtrader',
        node: call.keywordNodes.get(name)!,
        choices: gridSize(value),
        optimized: true,
      });
    }
  }
  return out;
}

function paramsEntries(value: SyntaxNode): { name: string; node: SyntaxNode; value?: SyntaxNode }[] {
  const fromDict = dictEntries(value);
  if (fromDict.length) return fromDict.map((e) => ({ name: e.key, node: e.pair, value: e.value }));
  const out: { name: string; node: SyntaxNode; value?: SyntaxNode }[] = [];
  for (const element of sequenceElements(value)) {
    const [key, val] = sequenceElements(element);
    const name = stringValue(key);
    if (name) out.push({ name, node: element, value: val });
  }
  return out;
}

/** Number of values in a literal grid: `range(a, b[, s])`, a list/tuple, `np.arange(a, b, s)`. */
export function gridSize(node: SyntaxNode): number | undefined {
  // `list(range(2, 30))`, `np.array([...])`, `np.arange(...).tolist()`, `[2 ** k for k in range(8)]`: the inner grid.
  const inner = gridWrapped(node);
  if (inner) return gridSize(inner);
  const elements = sequenceElements(node);
  if (node.type === 'list' || node.type === 'tuple') return elements.length;
  if (node.type !== 'call') return undefined;
  const fn = node.childForFieldName('function')?.text ?? '';
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter(
    (a): a is SyntaxNode => a !== null && a.type !== 'keyword_argument',
  );
  const nums = args.map((a) => numberValue(a));
  if (nums.some((n) => n === undefined)) return undefined;
  const [a, b, c] = nums as number[];
  if (fn === 'range' || /(^|\.)arange$/.test(fn)) {
    const [start, stop, step] = nums.length === 1 ? [0, a, 1] : [a, b, c ?? 1];
    if (step === 0) return undefined;
    return Math.max(0, Math.ceil((stop - start) / step));
  }
  if (/(^|\.)linspace$/.test(fn)) return c ?? 50;
  return undefined;
}

function gridWrapped(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'parenthesized_expression') return node.namedChild(0) ?? undefined;
  if (node.type === 'list_comprehension' || node.type === 'generator_expression') {
    const clauses = node.namedChildren.filter((c) => c?.type === 'for_in_clause' || c?.type === 'if_clause');
    return clauses.length === 1 ? clauses[0]!.childForFieldName('right') ?? undefined : undefined;
  }
  if (node.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a && a.type !== 'comment');
  if (/^(list|tuple|sorted|set|(np|numpy)\.(array|asarray))$/.test(fn?.text ?? '') && args.length === 1) return args[0] ?? undefined;
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'tolist' && args.length === 0) return fn.childForFieldName('object') ?? undefined;
  return undefined;
}
