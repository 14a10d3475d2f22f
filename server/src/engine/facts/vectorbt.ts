// vectorbt (and pandas-style research) parameter sweeps: arrays of parameter values passed to an
// indicator's `run` (`vbt.MA.run(close, window=np.arange(10, 50))`), `run_combs`, and `vbt.Param`.
import type { SyntaxNode } from '../python/parser';
import type { CallSite, SyntaxIndex } from '../python/syntax-index';
import { gridSize } from './backtrader';
import { booleanValue, numberValue } from './python-values';
import type { Bindings } from './sklearn';
import type { TunedParameter } from './types';

/** Keywords of `run` that are data or options, never swept parameters. */
const NOT_PARAMETERS = new Set([
  'close', 'open', 'high', 'low', 'volume', 'ts', 'short_name', 'short_names', 'param_product', 'hide_params',
  'per_column', 'keep_pd', 'to_2d', 'pass_packed', 'broadcast_kwargs', 'run_unique', 'return_raw', 'r', 'speedup',
  'silence_warnings', 'fillna', 'param_settings', 'hide_default', 'random_subset', 'seed', 'execute_kwargs', 'jitted', 'chunked',
]);

function isVectorbt(call: CallSite, index: SyntaxIndex): boolean {
  const q = call.qualifiedCallee ?? '';
  if (/^vectorbt(pro)?\./.test(q)) return true;
  // `MyInd = vbt.IndicatorFactory(...).from_apply_func(...)`; `MyInd.run(...)`: any import of vectorbt will do.
  return [...index.imports.values()].some((m) => /^vectorbt(pro)?$/.test(m));
}

export function vectorbtParameters(index: SyntaxIndex, bindings: Bindings): TunedParameter[] {
  const out: TunedParameter[] = [];
  let vbtImported: boolean | undefined;
  for (const call of index.calls) {
    if (call.name === 'Param' && /^vectorbt(pro)?\.Param$/.test(call.qualifiedCallee ?? '')) {
      const values = call.positional[0] ?? call.keywords.get('value');
      const kw = call.node.parent?.type === 'keyword_argument' ? call.node.parent : undefined;
      out.push(grid(kw?.childForFieldName('name')?.text ?? 'Param', kw ?? call.node, values ? size(values, bindings, call.scope.functionName) : undefined, call));
      continue;
    }
    if (call.name !== 'run' && call.name !== 'run_combs') continue;
    if (!call.receiver || call.receiver.type === 'identifier' && call.receiver.text === 'self') continue;
    vbtImported ??= isVectorbt(call, index);
    if (!vbtImported) continue;
    const swept: { name: string; node: SyntaxNode; n: number }[] = [];
    for (const [name, value] of call.keywords) {
      if (NOT_PARAMETERS.has(name) || name.endsWith('_kwargs')) continue;
      const n = size(value, bindings, call.scope.functionName);
      if (n !== undefined && n > 1) swept.push({ name, node: call.keywordNodes.get(name)!, n });
    }
    // Positional parameters after the inputs: `vbt.MA.run(close, [10, 20, 30])`.
    for (const value of call.positional.slice(1)) {
      const n = size(value, bindings, call.scope.functionName);
      if (n !== undefined && n > 1) swept.push({ name: value.text, node: value, n });
    }
    if (swept.length === 0) continue;
    if (call.name === 'run_combs') {
      const r = numberValue(call.keywords.get('r')) ?? 2;
      for (const s of swept) out.push(grid(r === 2 ? `${s.name} pairs` : `${s.name} ${r}-combinations`, s.node, combinations(s.n, r), call));
      continue;
    }
    // Without param_product the arrays are zipped element-wise: one combination per position.
    const product = booleanValue(call.keywords.get('param_product')) === true;
    swept.forEach((s, i) => out.push(grid(s.name, s.node, product || i === 0 ? (product ? s.n : Math.max(...swept.map((x) => x.n))) : 1, call)));
  }
  return out;
}

function grid(name: string, node: SyntaxNode, choices: number | undefined, call: CallSite): TunedParameter {
  return { name, kind: 'grid', framework: 'vectorbt', node, className: call.scope.className, choices, optimized: true, sweepCall: call.node };
}

/** Size of a literal grid, following a name to its (module- or function-level) assignment. */
export function size(value: SyntaxNode, bindings: Bindings, functionName?: string): number | undefined {
  if (value.type === 'identifier') {
    const b = bindings.resolve(value.text, value, functionName);
    return b && b.element < 0 && b.value.id !== value.id ? gridSize(b.value) : undefined;
  }
  return gridSize(value);
}

function combinations(n: number, r: number): number {
  if (r > n) return 0;
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return Math.round(out);
}
