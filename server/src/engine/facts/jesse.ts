// Jesse: `def hyperparameters(self): return [{'name': 'ema', 'type': int, 'min': 10, 'max': 200,
// 'default': 50}, ...]` on Strategy subclasses. Each dict is one optimiser parameter.
import type { SyntaxNode } from '../python/parser';
import type { SyntaxIndex } from '../python/syntax-index';
import { dictEntries, numberValue, sequenceElements, stringValue } from './python-values';
import type { TunedParameter } from './types';

export function jesseParameters(index: SyntaxIndex, jesseStrategies: Set<string>): TunedParameter[] {
  const out: TunedParameter[] = [];
  for (const fn of index.functions) {
    if (fn.name !== 'hyperparameters' || !fn.className || !jesseStrategies.has(fn.className)) continue;
    const list = returnedList(fn.node);
    for (const item of sequenceElements(list)) {
      const entries = new Map(dictEntries(item).map((e) => [e.key, e.value]));
      const name = stringValue(entries.get('name'));
      if (!name) continue;
      const low = numberValue(entries.get('min'));
      const high = numberValue(entries.get('max'));
      const step = numberValue(entries.get('step'));
      const type = entries.get('type');
      const typeName = stringValue(type) ?? type?.text;
      const defaultNode = entries.get('default');
      out.push({
        name,
        kind: 'declared',
        framework: 'jesse',
        node: item,
        className: fn.className,
        choices: choices(typeName, low, high, step, entries.get('options')),
        defaultValue: numberValue(defaultNode),
        defaultNode,
        low,
        high,
        optimized: true,
      });
    }
  }
  return out;
}

function choices(type: string | undefined, low: number | undefined, high: number | undefined, step: number | undefined, options: SyntaxNode | undefined): number | undefined {
  if (type === 'categorical') return sequenceElements(options).length || undefined;
  if (type === 'bool' || type === 'boolean') return 2;
  if (low === undefined || high === undefined || high < low) return undefined;
  if (type === 'int') return Math.floor((high - low) / (step && step > 0 ? step : 1)) + 1;
  if (step && step > 0) return Math.floor((high - low) / step + 1e-9) + 1;
  return undefined; // float without a step: continuous
}

/** The list a function returns (`return [...]`), looking only at its top-level statements. */
function returnedList(fn: SyntaxNode): SyntaxNode | undefined {
  const body = fn.childForFieldName('body');
  for (const statement of body?.namedChildren ?? []) {
    if (statement?.type !== 'return_statement') continue;
    const value = statement.namedChild(0);
    if (value?.type === 'list') return value;
  }
  return undefined;
}
