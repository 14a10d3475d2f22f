// zipline (zipline-reloaded, and Quantopian algorithms written against the same API): an algorithm
// is a module with `initialize(context)` and callbacks (`handle_data(context, data)`,
// `before_trading_start`, functions given to `schedule_function`). Its parameters are the numbers
// it stores on `context` in `initialize` (`context.lookback = 20`); the look-back windows it types
// into `data.history(asset, "price", bar_count=100, frequency="1d")` and Pipeline factors
// (`SimpleMovingAverage(..., window_length=50)`) are hand-picked lookbacks.
// API: https://zipline.ml4trading.io/api-reference.html
import type { SyntaxIndex } from '../python/syntax-index';
import { numberValue } from './python-values';
import type { StrategyClass, TunedParameter } from './types';

const CALLBACKS = new Set(['handle_data', 'before_trading_start']);
/** The display name zipline algorithms get where a strategy class's name would go. */
export const ZIPLINE_ALGORITHM = 'The algorithm';

export function importsZipline(index: SyntaxIndex): boolean {
  return [...index.imports.values()].some((m) => /^(zipline|quantopian\.algorithm|quantopian\.pipeline)(\.|$)/.test(m));
}

/** The algorithm of the file, standing where a strategy class would: its `initialize` function. */
export function ziplineAlgorithm(index: SyntaxIndex): StrategyClass | undefined {
  const initialize = index.functions.find((f) => f.name === 'initialize' && !f.className && /^\s*\(\s*[A-Za-z_]\w*/.test(f.node.childForFieldName('parameters')?.text ?? ''));
  if (!initialize) return undefined;
  const callbacks = index.functions.some((f) => !f.className && CALLBACKS.has(f.name)) || index.calls.some((c) => c.name === 'schedule_function');
  if (!importsZipline(index) && !callbacks) return undefined;
  const nameNode = initialize.node.childForFieldName('name');
  if (!nameNode) return undefined;
  return { name: ZIPLINE_ALGORITHM, node: initialize.node, nameNode, framework: 'zipline' };
}

export function ziplineParameters(index: SyntaxIndex, algorithm: StrategyClass | undefined): TunedParameter[] {
  if (!algorithm) return [];
  const out: TunedParameter[] = [];
  // `context.i += 1` in handle_data is a counter: what the algorithm updates while it runs is state.
  const state = new Set<string>();
  for (const f of index.functions) {
    if (f.name === 'initialize') continue;
    for (const m of f.node.text.matchAll(/\bcontext\.([A-Za-z_]\w*)\s*(?:[-+*/%]|\/\/|\*\*)?=(?!=)/g)) state.add(`context.${m[1]}`);
  }
  for (const a of index.assignments) {
    if (a.scope.functionName !== 'initialize' || a.scope.className || !/^context\.[A-Za-z]\w*$/.test(a.target) || state.has(a.target)) continue;
    const value = numberValue(a.value);
    if (value === undefined || typeof value !== 'number') continue;
    out.push({ name: a.target.slice('context.'.length), kind: 'declared', framework: 'zipline', node: a.node, className: algorithm.name, defaultValue: value, defaultNode: a.value, optimized: true });
  }
  for (const call of index.calls) {
    const window = call.name === 'history' ? call.keywords.get('bar_count') ?? call.positional[2] : call.keywords.get('window_length');
    const value = numberValue(window);
    if (!window || value === undefined || value < 2) continue;
    if (call.name === 'history' && !/(^|\.)data$/.test(call.receiver?.text ?? '')) continue;
    out.push({ name: `${call.name === 'history' ? 'bar_count' : 'window_length'}=${window.text}`, kind: 'hidden', framework: 'zipline', node: window, className: algorithm.name, defaultValue: value, defaultNode: window, optimized: true });
  }
  return out;
}
