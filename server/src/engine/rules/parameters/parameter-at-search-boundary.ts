import type { SyntaxNode } from '../../python/parser';
import { booleanValue, dictEntries, numberValue, sequenceElements } from '../../facts/python-values';
import type { TunedParameter } from '../../facts/types';
import { optimizeFlag } from '../../facts/freqtrade';
import { PASTED_PARAMS } from '../../facts/windows';
import type { SyntaxIndex } from '../../python/syntax-index';
import { BOUNDED_INDICATORS } from '../../dataflow/library-knowledge';
import type { Rule } from '../rule';

/** Search range of a parameter: Jesse's min/max, or a freqtrade Int/DecimalParameter's low/high. */
export function searchRange(p: TunedParameter, index: SyntaxIndex): { low: number; high: number } | undefined {
  if (p.low !== undefined && p.high !== undefined) return { low: p.low, high: p.high };
  if (p.framework !== 'freqtrade' || p.kind !== 'declared') return undefined;
  const value = p.node.childForFieldName('right');
  const call = value?.type === 'call' ? index.callsById.get(value.id) : undefined;
  if (!call || (call.name !== 'IntParameter' && call.name !== 'DecimalParameter' && call.name !== 'RealParameter')) return undefined;
  if (optimizeFlag(index, call.keywords.get('optimize'), p.className) === false) return undefined;
  let low = numberValue(call.positional[0] ?? call.keywords.get('low'));
  let high = numberValue(call.positional[1] ?? call.keywords.get('high'));
  const first = call.positional[0];
  if (first && (first.type === 'list' || first.type === 'tuple')) [low, high] = sequenceElements(first).map((n) => numberValue(n));
  return low !== undefined && high !== undefined && high > low ? { low, high } : undefined;
}

/** "-0.0" and "-0" read as 0 in messages. */
function plain(text: string): string {
  return /^-\s*0*(\.0*)?$/.test(text.trim()) ? text.trim().replace(/^-\s*/, '') : text;
}

/**
 * True when `bound` is the natural bound of a bounded indicator the parameter is named after or
 * compared with (`self.<name>` in a comparison, or else a statement, that names the indicator).
 */
function naturalBound(index: SyntaxIndex, p: TunedParameter, bound: number): boolean {
  const indicators = BOUNDED_INDICATORS.filter((b) => b.low === bound || b.high === bound);
  if (!indicators.length) return false;
  const texts = [p.name];
  for (const a of index.attributes) {
    if (a.scope.className !== p.className || a.node.text !== `self.${p.name}`) continue;
    // The comparison the parameter sits in (`dataframe["willr"] < self.buy_wr.value`), else its statement.
    let n = a.node.parent;
    while (n && n.type !== 'comparison_operator' && n.type !== 'expression_statement' && n.type !== 'return_statement' && n.type !== 'function_definition') n = n.parent;
    if (n && n.type !== 'function_definition') texts.push(n.text.slice(0, 2000));
  }
  return indicators.some((b) => texts.some((t) => b.names.test(t)));
}

export const parameterAtSearchBoundary: Rule = {
  name: 'parameter-at-search-boundary',
  code: 'SL104',
  family: 'parameters',
  defaultSeverity: 'info',
  summary: 'An optimised value sits exactly on the edge of its search range: the optimiser hit the boundary.',
  glossary: ['hyperparameter-optimization', 'overfitting-detection', 'model-generalization'],
  options: {
    'min-choices': { default: 5, description: 'Ranges with fewer values than this are too small for an edge value to mean anything.' },
  },
  docs: {
    what:
      'Compares the value a strategy uses for each optimised parameter - the `default` of a freqtrade `IntParameter`/`DecimalParameter` (or the value pasted into `buy_params`/`sell_params`, which overrides it), or the `default` of a Jesse hyperparameter - with the parameter\'s search range, and reports values equal to the lower or upper bound - except a bound that is the natural limit of the indicator the parameter is compared with (Williams %R at 0, RSI or MFI at 0 or 100), where nothing lies beyond the range.',
    why:
      'When the best value of a search lies on the boundary, the optimum was not found: the objective was still improving when the range ran out. Either the true optimum lies outside the range (and the reported performance depends on where the range was cut), or the parameter is being pushed to an extreme that switches a rule off or on - a classic sign that the optimiser is fitting noise (Pardo, The Evaluation and Optimization of Trading Strategies, 2008, ch. 7). Robust parameters sit inside a plateau of good values, not against a wall.',
    example: ['class Edge(IStrategy):', '    buy_rsi = IntParameter(10, 40, default=40, space="buy")', '    sell_rsi = IntParameter(60, 90, default=74, space="sell")', '', '    buy_params = {"buy_rsi": 40}'].join('\n'),
    fix:
      'Widen the range past the boundary and re-run the optimisation; if the best value keeps following the edge, the parameter probably does not belong in the strategy (or should be fixed at a value chosen for a reason, with `optimize=False`). Look at the neighbourhood of the optimum, not just the single best trial.',
  },
  check(context, report) {
    const minChoices = context.option('min-choices');
    // freqtrade: values pasted into buy_params/sell_params override declared defaults.
    const pasted = new Map<string, SyntaxNode>();
    for (const s of context.facts.settings ?? []) {
      if (!PASTED_PARAMS.test(s.name)) continue;
      for (const e of dictEntries(s.value)) pasted.set(`${s.className}\0${e.key}`, e.value);
    }
    for (const p of context.facts.parameters) {
      if (p.kind !== 'declared' || !p.optimized) continue;
      if (p.choices !== undefined && p.choices < minChoices) continue;
      const range = searchRange(p, context.index);
      if (!range) continue;
      const pastedNode = pasted.get(`${p.className}\0${p.name}`);
      const node = pastedNode ?? p.defaultNode;
      const value = pastedNode ? numberValue(pastedNode) : p.defaultValue;
      if (!node || value === undefined) continue;
      const tolerance = (range.high - range.low) * 1e-9;
      const edge = Math.abs(value - range.low) <= tolerance ? 'lower' : Math.abs(value - range.high) <= tolerance ? 'upper' : undefined;
      if (!edge) continue;
      // At an indicator's own bound (Williams %R at 0, RSI at 100) nothing lies beyond the range.
      if (naturalBound(context.index, p, edge === 'lower' ? range.low : range.high)) continue;
      report({
        node,
        message: `${p.name} = ${plain(node.text)} sits on the ${edge} edge of its search range (${plain(String(range.low))} to ${plain(String(range.high))}): the optimiser ran into the boundary, so the best value may lie outside the range. Widen it and re-optimise, or fix the parameter for a reason.`,
      });
    }
  },
};
