// freqtrade: hyperoptable parameters (IntParameter & co.) and pasted hyperopt output
// (`buy_params = {...}`), per IStrategy subclass.
import type { SyntaxIndex } from '../python/syntax-index';
import { booleanValue, dictEntries, numberValue, stringValue } from './python-values';
import type { TunedParameter } from './types';

export const FREQTRADE_PARAMETER_TYPES = new Set([
  'IntParameter',
  'DecimalParameter',
  'RealParameter',
  'CategoricalParameter',
  'BooleanParameter',
]);

export function freqtradeParameters(index: SyntaxIndex, strategyNames: Set<string>): TunedParameter[] {
  const out: TunedParameter[] = [];
  const declared = new Set<string>();
  for (const assignment of index.assignments) {
    const { scope, value } = assignment;
    if (!scope.className || scope.functionName || !strategyNames.has(scope.className)) continue;
    if (value.type !== 'call') continue;
    const call = index.callsById.get(value.id);
    if (!call || !FREQTRADE_PARAMETER_TYPES.has(call.name)) continue;
    const optimize = booleanValue(call.keywords.get('optimize'));
    const defaultNode = call.keywords.get('default') ?? undefined;
    declared.add(assignment.target);
    out.push({
      name: assignment.target,
      kind: 'declared',
      framework: 'freqtrade',
      node: assignment.node,
      className: scope.className,
      choices: parameterChoices(call.name, call.positional, call.keywords),
      defaultValue: numberValue(defaultNode),
      defaultNode,
      space: stringValue(call.keywords.get('space')),
      optimized: optimize !== false,
    });
  }
  // Hyperopt output pasted into the class: each entry is a tuned value even without a declaration.
  for (const assignment of index.assignments) {
    const { scope } = assignment;
    if (!scope.className || scope.functionName || !strategyNames.has(scope.className)) continue;
    if (!/^(buy|sell|protection|entry|exit)_params$/.test(assignment.target)) continue;
    for (const entry of dictEntries(assignment.value)) {
      if (declared.has(entry.key)) continue;
      out.push({
        name: entry.key,
        kind: 'pasted',
        framework: 'freqtrade',
        node: entry.pair,
        className: scope.className,
        defaultValue: numberValue(entry.value),
        defaultNode: entry.value,
        optimized: true,
      });
    }
  }
  return out;
}

/** Values a parameter can take: high-low+1 for ints, (high-low)*10^decimals+1 for decimals. */
function parameterChoices(
  type: string,
  positional: import('../python/parser').SyntaxNode[],
  keywords: Map<string, import('../python/parser').SyntaxNode>,
): number | undefined {
  if (type === 'BooleanParameter') return 2;
  if (type === 'CategoricalParameter') {
    const categories = positional[0] ?? keywords.get('categories');
    return categories ? categories.namedChildren.filter((c) => c && c.type !== 'comment').length || undefined : undefined;
  }
  let low = numberValue(positional[0] ?? keywords.get('low'));
  let high = numberValue(positional[1] ?? keywords.get('high'));
  const range = positional[0];
  if (range && (range.type === 'list' || range.type === 'tuple') && low === undefined) {
    const [a, b] = range.namedChildren;
    low = numberValue(a);
    high = numberValue(b);
  }
  if (low === undefined || high === undefined || high < low) return undefined;
  if (type === 'IntParameter') return Math.floor(high) - Math.ceil(low) + 1;
  if (type === 'DecimalParameter') {
    const decimals = numberValue(keywords.get('decimals')) ?? 3;
    return Math.round((high - low) * 10 ** decimals) + 1;
  }
  return undefined; // RealParameter: continuous, no finite count.
}
