// Pine facts in the engine's shared shape, so the parameter, cost and result rules judge Pine
// strategies as they judge Python ones: the strategy is the `strategy()` declaration, its tuned
// parameters the inputs that decide orders, its costs the declaration's commission and slippage.
import * as path from 'node:path';
import type { CostFacts, StrategyClass, StrategyFacts, TunedParameter } from '../facts/types';
import type { SyntaxNode } from '../python/parser';
import { pineFacts } from './facts';
import type { PineFacts, PineInput } from './facts-types';
import { numberValue } from './syntax';
import type { PineNode, PineTree } from './tree';

/** Pine nodes answer the tree-sitter node API the shared rules use (see tree.ts). */
export const asSyntaxNode = (node: PineNode): SyntaxNode => node as unknown as SyntaxNode;

export function pineStrategyFacts(tree: PineTree, filePath: string): StrategyFacts {
  const pine = pineFacts(tree);
  const strategies: StrategyClass[] = [];
  const declaration = pine.declaration;
  if (declaration?.kind === 'strategy') {
    const name = declaration.title ?? path.basename(filePath).replace(/\.[^.]*$/, '');
    const nameNode = declaration.titleNode ?? declaration.call.childForFieldName('function') ?? declaration.call;
    strategies.push({ name, node: asSyntaxNode(declaration.call), nameNode: asSyntaxNode(nameNode), framework: 'pine' });
  }
  const className = strategies[0]?.name;
  return {
    frameworks: new Set(strategies.length ? ['pine'] : []),
    strategies,
    parameters: className
      ? [
          ...pine.inputs.filter((i) => i.decidesOrder).map((i) => parameterOf(i, className)),
          ...distinctThresholds(pine).map((t): TunedParameter => ({ name: t.node.text, kind: 'hidden', framework: 'pine', node: asSyntaxNode(t.node), className, defaultValue: t.value, defaultNode: asSyntaxNode(t.node), optimized: true })),
        ]
      : [],
    costs: className ? costsOf(pine) : undefined,
    pine,
  };
}

/** How many values an input can take, when its declaration bounds it: options, bool, or min/max/step. */
function choicesOf(input: PineInput): number | undefined {
  if (input.options !== undefined) return input.options;
  if (input.kind === 'bool' || input.defaultNode?.type === 'true' || input.defaultNode?.type === 'false') return 2;
  const { minval, maxval, step } = input;
  // A spinner with an explicit step is a grid the author meant to walk; bounds alone only validate.
  if (minval === undefined || maxval === undefined || step === undefined || !(step > 0) || !(maxval > minval)) return undefined;
  return Math.floor((maxval - minval) / step + 1e-9) + 1;
}

function parameterOf(input: PineInput, className: string): TunedParameter {
  const value = numberValue(input.defaultNode);
  return {
    name: input.name,
    kind: 'declared',
    framework: 'pine',
    node: asSyntaxNode(input.call),
    className,
    choices: choicesOf(input),
    defaultValue: value,
    defaultNode: input.defaultNode ? asSyntaxNode(input.defaultNode) : undefined,
    optimized: true,
  };
}

/**
 * `strategy(..., commission_value=0)` and `slippage=0` are zero costs; a strategy() without
 * `commission_value` trades for free (TradingView's default is 0). Percent is the default type.
 */
function costsOf(pine: PineFacts): CostFacts {
  const out: CostFacts = { settings: [], unset: [] };
  const declaration = pine.declaration!;
  const args = declaration.args;
  const type = args.keywords.get('commission_type')?.text ?? 'strategy.commission.percent';
  const percent = /percent$/.test(type);
  const commission = args.keywords.get('commission_value');
  const node = asSyntaxNode(declaration.call);
  if (commission) {
    out.settings.push({ kind: 'commission', source: 'TradingView', valueNode: asSyntaxNode(commission), value: numberValue(commission), node, label: `commission_value=${commission.text}`, isRate: percent, rateScale: 100 });
  } else {
    const list = declaration.call.childForFieldName('arguments');
    const last = list?.children.filter((c) => c.type !== 'comment' && c.type !== 'ERROR').pop();
    const at = last ? last.endPosition : undefined;
    out.unset.push({
      source: 'TradingView',
      node,
      label: `${declaration.call.text.split('\n')[0].slice(0, 40)}${declaration.call.text.length > 40 ? '...' : ''} has no commission_value`,
      // Only a percentage takes the rule's fee rate; cash-per-order/contract has no safe default.
      insert: at && percent ? { at, before: args.keywords.has('commission_type') ? ', commission_value=' : ', commission_type=strategy.commission.percent, commission_value=', after: '' } : undefined,
      rateScale: 100,
    });
  }
  const slippage = args.keywords.get('slippage');
  if (slippage) out.settings.push({ kind: 'slippage', source: 'TradingView', valueNode: asSyntaxNode(slippage), value: numberValue(slippage), node, label: `slippage=${slippage.text} (ticks)`, isRate: false });
  return out;
}

/** One threshold per value and compared expression: `rsi < 30` written in three places is one choice. */
function distinctThresholds(pine: PineFacts): PineFacts['thresholds'] {
  const seen = new Set<string>();
  return pine.thresholds.filter((t) => {
    const comparison = t.node.parent?.type === 'comparison_operator' ? t.node.parent : undefined;
    const other = comparison ? (comparison.childForFieldName('left') === t.node ? comparison.childForFieldName('right') : comparison.childForFieldName('left')) : t.node.parent;
    const key = `${t.value}\0${other?.text.replace(/\s+/g, '') ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
