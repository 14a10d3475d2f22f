import { within } from '../../facts/lookahead';
import type { SyntaxNode } from '../../python/parser';
import type { Rule } from '../rule';

const FUTURE_PREFIX = /^(next|future|lookahead)_\w/;
/** Names that say "futures contract" or "next scheduled event", not "a later bar's value". */
const NOT_TIME = /^future_?(contracts?|chains?|symbols?|expir\w*|filter|points?|s)\b|^futures|^next_(update|run|rebalance|check|time|date|schedule|refresh|expiry|page|token|id|order_id|event|call)/;

/** Read in an `if` / `elif` / `while` condition, a comparison, or the arguments of a call that orders. */
function decides(node: SyntaxNode): boolean {
  for (let n = node.parent; n && n.type !== 'function_definition'; n = n.parent) {
    if (n.type === 'comparison_operator') return true;
    const condition = n.type === 'if_statement' || n.type === 'elif_clause' || n.type === 'while_statement' ? n.childForFieldName('condition') : null;
    if (condition && within(node, condition)) return true;
    if (n.type === 'call' && /\.(buy|sell|order\w*|SetHoldings|MarketOrder|LimitOrder|close)$/.test(n.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

export const lookaheadFutureNamedAttribute: Rule = {
  name: 'lookahead-future-named-attribute',
  code: 'SL214',
  family: 'lookahead',
  defaultSeverity: 'hint',
  summary: 'An attribute named `next_*`, `future_*` or `lookahead_*` is used: confirm it holds nothing from after the current bar.',
  glossary: ['lookahead-bias'],
  docs: {
    what:
      'Flags attribute accesses whose name starts with `next_`, `future_` or `lookahead_` (`bar.next_close`, `self.future_return`, `ctx.lookahead_high`), reads and writes alike. backtrader\'s own `next_open()` callback definition is a method, not an attribute access, and is not affected.',
    why:
      'Names like these are usually deliberate references to data from after the current bar: harmless in a label, fatal in a signal. Some are legitimate (an exchange publishes `next_funding_time` in advance), which is why this is only a hint for a human to confirm. The `flox lint lookahead` checker reports the same names (`future_attr_name`).',
    example: ['def on_bar(self, bar):', '    if bar.next_open > bar.close:', '        self.buy()'].join('\n'),
    fix:
      'Rename the field if it is not from the future, use the current or previous value if it is, or suppress the hint with `# strategy-lint: ignore[lookahead-future-named-attribute]` once checked.',
  },
  check(context, report) {
    // In an algorithm that trades futures, `future_*` names the contract, not a later bar.
    const tradesFutures = /\b(AddFuture|add_future|future_chains|FuturesChain|add_future_contract)\b/.test(context.text);
    for (const attr of context.index.attributes) {
      if (tradesFutures && attr.name.startsWith('future')) continue;
      if (!FUTURE_PREFIX.test(attr.name) || NOT_TIME.test(attr.name)) continue;
      // A method (`self.next_update()`) or a value that decides nothing is not worth a look.
      const parent = attr.node.parent;
      if (parent?.type === 'call' && parent.childForFieldName('function')?.id === attr.node.id) continue;
      if (!decides(attr.node)) continue;
      const name = attr.node.childForFieldName('attribute') ?? attr.node;
      report({
        node: name,
        message: `\`${attr.node.text.length > 60 ? attr.name : attr.node.text}\` is named like a value from after the current bar; confirm it is known at decision time.`,
      });
    }
  },
};
