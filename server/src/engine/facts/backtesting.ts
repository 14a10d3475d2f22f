// backtesting.py: a `Strategy`'s class attributes are its parameters (`n1 = 10`), and
// `bt.optimize(n1=range(5, 30), n2=range(10, 70), constraint=..., max_tries=...)` sweeps them.
// The ranges give the search space; `constraint` removes combinations before any run, and
// `max_tries` (or `method="sambo"`, 200 runs by default) runs only part of what is left.
// Source: Backtest.optimize in backtesting/backtesting.py (kernc/backtesting.py).
import type { SyntaxNode } from '../python/parser';
import type { CallSite, SyntaxIndex } from '../python/syntax-index';
import { gridSize } from './backtrader';
import { numberValue, sequenceElements, stringValue } from './python-values';
import type { Bindings } from './sklearn';
import type { TunedParameter } from './types';
import { size } from './vectorbt';

const OPTIMIZE_OPTIONS = new Set(['maximize', 'method', 'max_tries', 'constraint', 'return_heatmap', 'return_optimization', 'random_state']);
/** sambo's default number of evaluations when `max_tries` is not given. */
const SAMBO_DEFAULT_TRIES = 200;
/** backtesting.py evaluates a constraint over the grid only below this size (`_grid_size`). */
const CONSTRAINT_ENUMERATION_LIMIT = 100_000;

/** Unit conversions (`bars_per_day = 96`), not choices: never tuned. */
const UNIT_CONSTANT = /(^|_)(per|in)_(day|hour|year|week|minute|bar)s?$|^(bars|candles|periods|minutes|hours|days|seconds)_per_\w+$/i;

export function importsBacktesting(index: SyntaxIndex): boolean {
  return [...index.imports.values()].some((m) => /^backtesting(\.|$)/.test(m));
}

/** Numeric class attributes of backtesting.py strategies: what `Backtest.run(**kwargs)` and `optimize` override. */
export function backtestingClassParameters(index: SyntaxIndex, strategies: Set<string>): TunedParameter[] {
  const out: TunedParameter[] = [];
  if (strategies.size === 0) return out;
  // Attributes the strategy updates while it trades (`self.entry_price = price` in next()) are state
  // it starts from, not choices; init() often reuses a parameter's name for its indicator
  // (`self.n1 = self.I(SMA, close, self.n1)`), which leaves it a parameter.
  const state = new Set<string>();
  for (const a of index.assignments) {
    if (a.scope.className && a.scope.functionName && a.scope.functionName !== 'init' && a.target.startsWith('self.')) state.add(`${a.scope.className}.${a.target.slice(5)}`);
  }
  for (const a of index.assignments) {
    const { scope } = a;
    if (!scope.className || scope.functionName || !strategies.has(scope.className)) continue;
    if (!/^[A-Za-z]\w*$/.test(a.target)) continue;
    if (UNIT_CONSTANT.test(a.target) || state.has(`${scope.className}.${a.target}`)) continue;
    const value = numberValue(a.value);
    if (value === undefined) continue;
    out.push({ name: a.target, kind: 'declared', framework: 'backtesting', node: a.node, className: scope.className, defaultValue: value, defaultNode: a.value, optimized: true });
  }
  return out;
}

/** `bt.optimize(n1=range(5, 30), ...)` where `bt = Backtest(...)`: one grid parameter per swept keyword. */
export function backtestingSweeps(index: SyntaxIndex, bindings: Bindings): TunedParameter[] {
  if (!importsBacktesting(index)) return [];
  const out: TunedParameter[] = [];
  for (const call of index.calls) {
    if (call.name !== 'optimize' || !isBacktestReceiver(call, index, bindings)) continue;
    const sambo = stringValue(call.keywords.get('method')) === 'sambo';
    const swept: { name: string; node: SyntaxNode; n: number; values?: number[] }[] = [];
    for (const [name, value] of call.keywords) {
      if (OPTIMIZE_OPTIONS.has(name)) continue;
      const values = literalValues(value, bindings, call.scope.functionName);
      // sambo reads integer values as the interval [min, max] and floats as a continuous one.
      const n = sambo ? samboChoices(value, values) : size(value, bindings, call.scope.functionName);
      if (n === undefined) continue;
      swept.push({ name, node: call.keywordNodes.get(name)!, n, values: sambo ? undefined : values });
    }
    if (swept.length === 0) continue;
    const trialCap = capOf(call, swept);
    for (const s of swept) {
      out.push({ name: s.name, kind: 'grid', framework: 'backtesting', node: s.node, className: call.scope.className, choices: s.n, optimized: true, sweepCall: call.node, trialCap });
    }
  }
  return out;
}

/** Integer values a sambo dimension spans (`[10, 100]` is 91 integers); undefined for floats. */
function samboChoices(node: SyntaxNode, values: number[] | undefined): number | undefined {
  const items = values ?? (node.type === 'list' || node.type === 'tuple' ? sequenceElements(node).map((e) => numberValue(e)) : []);
  if (!items.length || items.some((v) => v === undefined || !Number.isInteger(v)) || /\./.test(node.text)) return undefined;
  const nums = items as number[];
  return Math.max(...nums) - Math.min(...nums) + 1;
}

function isBacktestReceiver(call: CallSite, index: SyntaxIndex, bindings: Bindings): boolean {
  const receiver = call.receiver;
  if (!receiver) return false;
  if (receiver.type === 'call') return index.callsById.get(receiver.id)?.name === 'Backtest';
  if (receiver.type !== 'identifier') return false;
  const b = bindings.resolve(receiver.text, call.node, call.scope.functionName);
  const ctor = b && b.element < 0 && b.value.type === 'call' ? index.callsById.get(b.value.id) : undefined;
  return ctor?.name === 'Backtest' || ctor?.name === 'FractionalBacktest';
}

/** How many of the grid's combinations the call runs, when fewer than all. */
function capOf(call: CallSite, swept: { name: string; n: number; values?: number[] }[]): TunedParameter['trialCap'] {
  const grid = swept.reduce((p, s) => p * s.n, 1);
  const constraint = call.keywords.get('constraint');
  const admissible = constraint ? admissibleCount(constraint, swept) : undefined;
  const space = admissible ?? grid;
  const tries = numberValue(call.keywords.get('max_tries'));
  const sambo = stringValue(call.keywords.get('method')) === 'sambo';
  const constraintText = constraint ? `the constraint \`${constraint.text.replace(/\s+/g, ' ').slice(0, 60)}\`` : '';
  if (tries !== undefined && tries > 0) {
    if (tries <= 1) return { fraction: tries, count: admissible !== undefined ? Math.max(1, Math.round(tries * admissible)) : undefined, label: `max_tries=${call.keywords.get('max_tries')!.text}${constraintText ? ` and ${constraintText}` : ''}` };
    return { count: Math.min(Math.round(tries), space), label: `max_tries=${Math.round(tries)}` };
  }
  if (sambo) return { count: Math.min(SAMBO_DEFAULT_TRIES, space), label: 'method="sambo" (200 runs unless max_tries says otherwise)' };
  if (admissible !== undefined && admissible < grid) return { count: admissible, label: constraintText };
  return undefined;
}

/** Literal values of a grid (`range(5, 30, 5)`, `[10, 20]`), for evaluating simple constraints. */
function literalValues(node: SyntaxNode, bindings: Bindings, functionName?: string): number[] | undefined {
  let value = node;
  if (value.type === 'identifier') {
    const b = bindings.resolve(value.text, value, functionName);
    if (!b || b.element >= 0) return undefined;
    value = b.value;
  }
  if (value.type === 'list' || value.type === 'tuple') {
    const items = sequenceElements(value).map((e) => numberValue(e));
    return items.every((v) => v !== undefined) ? (items as number[]) : undefined;
  }
  if (value.type !== 'call' || value.childForFieldName('function')?.text !== 'range') return undefined;
  const args = (value.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  const nums = args.map((a) => numberValue(a));
  if (nums.length === 0 || nums.length > 3 || nums.some((n) => n === undefined || !Number.isInteger(n))) return undefined;
  const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  if (step === 0 || gridSize(value) === undefined) return undefined;
  const out: number[] = [];
  for (let v = start; step > 0 ? v < stop : v > stop; v += step) out.push(v);
  return out;
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '==': (a, b) => a === b, '!=': (a, b) => a !== b,
};

/**
 * Admissible combinations of `constraint=lambda p: p.n1 < p.n2` (comparisons of swept parameters
 * and numbers, joined by `and`), counted over the literal grid; undefined when it is anything else.
 */
function admissibleCount(constraint: SyntaxNode, swept: { name: string; n: number; values?: number[] }[]): number | undefined {
  if (constraint.type !== 'lambda') return undefined;
  const param = constraint.childForFieldName('parameters')?.namedChildren[0]?.text;
  const body = constraint.childForFieldName('body');
  if (!param || !body) return undefined;
  const tests: ((row: Map<string, number>) => boolean)[] = [];
  const clauses: SyntaxNode[] = [];
  const collect = (n: SyntaxNode): boolean => {
    if (n.type === 'parenthesized_expression' && n.namedChild(0)) return collect(n.namedChild(0)!);
    if (n.type === 'boolean_operator' && n.childForFieldName('operator')?.text === 'and') {
      return collect(n.childForFieldName('left')!) && collect(n.childForFieldName('right')!);
    }
    clauses.push(n);
    return true;
  };
  if (!collect(body)) return undefined;
  const names = new Set(swept.map((s) => s.name));
  const used = new Set<string>();
  for (const clause of clauses) {
    if (clause.type !== 'comparison_operator') return undefined;
    const operands = clause.namedChildren.filter((c): c is SyntaxNode => !!c);
    const operators = clause.children.filter((c) => c && !c.isNamed).map((c) => c!.text);
    if (operands.length < 2 || operators.length !== operands.length - 1 || operators.some((o) => !COMPARE[o])) return undefined;
    const readers = operands.map((o) => operandReader(o, param, names, used));
    if (readers.some((r) => !r)) return undefined;
    tests.push((row) => operators.every((o, i) => COMPARE[o](readers[i]!(row), readers[i + 1]!(row))));
  }
  // Only the parameters the constraint reads are enumerated; the others multiply the count.
  const enumerated = swept.filter((s) => used.has(s.name));
  const others = swept.filter((s) => !used.has(s.name)).reduce((p, s) => p * s.n, 1);
  if (enumerated.some((s) => !s.values || s.values.length !== s.n)) return undefined;
  if (enumerated.reduce((p, s) => p * s.n, 1) > CONSTRAINT_ENUMERATION_LIMIT) return undefined;
  let count = 0;
  const row = new Map<string, number>();
  const walk = (i: number) => {
    if (i === enumerated.length) {
      if (tests.every((t) => t(row))) count++;
      return;
    }
    for (const v of enumerated[i].values!) {
      row.set(enumerated[i].name, v);
      walk(i + 1);
    }
  };
  walk(0);
  return count * others;
}

/** `p.n1`, `p["n1"]`, a number, or `p.n1 + 5` style sums/differences/products of those. */
function operandReader(node: SyntaxNode, param: string, names: Set<string>, used: Set<string>): ((row: Map<string, number>) => number) | undefined {
  const literal = numberValue(node);
  if (literal !== undefined) return () => literal;
  if (node.type === 'parenthesized_expression' && node.namedChild(0)) return operandReader(node.namedChild(0)!, param, names, used);
  if (node.type === 'attribute' && node.childForFieldName('object')?.text === param) {
    const name = node.childForFieldName('attribute')?.text ?? '';
    if (!names.has(name)) return undefined;
    used.add(name);
    return (row) => row.get(name)!;
  }
  if (node.type === 'subscript' && node.childForFieldName('value')?.text === param) {
    const name = stringValue(node.childForFieldName('subscript'));
    if (!name || !names.has(name)) return undefined;
    used.add(name);
    return (row) => row.get(name)!;
  }
  if (node.type === 'binary_operator') {
    const left = operandReader(node.childForFieldName('left')!, param, names, used);
    const right = operandReader(node.childForFieldName('right')!, param, names, used);
    const op = node.childForFieldName('operator')?.text;
    if (!left || !right) return undefined;
    if (op === '+') return (row) => left(row) + right(row);
    if (op === '-') return (row) => left(row) - right(row);
    if (op === '*') return (row) => left(row) * right(row);
  }
  return undefined;
}
