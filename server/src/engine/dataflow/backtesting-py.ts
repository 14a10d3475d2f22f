// backtesting.py strategies as the engine runs them: `init()` sees the whole history in
// `self.data` and declares indicators with `self.I(func, *args)`, which calls `func(*args)` once
// over every bar; `next()` sees arrays cut at the current bar, so `self.data.Close[-1]` and
// `self.sma[-1]` are the current bar, not the last one of the backtest. A centred or whole-column
// function inside `self.I` therefore gives every bar a value computed with later bars in view.
// Source: Strategy.I and Strategy.data (https://kernc.github.io/backtesting.py/doc/backtesting/backtesting.html#backtesting.backtesting.Strategy.I).
import type { SyntaxNode } from '../python/parser';
import { qualify, type SyntaxIndex } from '../python/syntax-index';
import { findStrategyClasses } from '../facts/strategy-classes';
import type { Activation, Interpreter } from './interpreter';
import { argumentsOf, lookaheadFunction, type Arguments } from './syntax';
import { bars, joinAll, UNKNOWN, type Value } from './value';

/** Keywords of `self.I` that only label or draw the indicator. */
const PLOT_OPTIONS = new Set(['name', 'plot', 'overlay', 'color', 'scatter']);

const strategyCache = new WeakMap<SyntaxIndex, Set<string>>();

export function isBacktestingStrategy(index: SyntaxIndex, className: string | undefined): boolean {
  if (!className) return false;
  let names = strategyCache.get(index);
  if (!names) {
    names = new Set(findStrategyClasses(index).filter((s) => s.framework === 'backtesting').map((s) => s.name));
    strategyCache.set(index, names);
  }
  return names.has(className);
}

/**
 * `self.data` of a backtesting.py strategy: every bar in `init()`, bars up to the current one in
 * `next()`. In a file that does not parse, tree-sitter often folds the methods after a broken
 * `init()` into it (an unclosed parenthesis swallows `def next`), so what init() seems to read
 * there is only uncertain.
 */
export function backtestingData(act: Activation, index: SyntaxIndex): Value {
  if (act.perBar) return { ...bars('history'), endsAtCurrentBar: true };
  return index.hasSyntaxErrors ? { ...bars(), uncertain: true } : bars();
}

export interface CallHelpers {
  freeCall(name: string, qualified: string, node: SyntaxNode, args: Arguments, act: Activation, allArgs: () => Value): Value;
  knownLookahead(known: NonNullable<ReturnType<typeof lookaheadFunction>>, node: SyntaxNode, args: Arguments, act: Activation): Value;
}

/** `self.I(func, *args, **kwargs)`: the value of `func(*args, **kwargs)`, whatever `func` is. */
export function backtestingIndicator(it: Interpreter, node: SyntaxNode, act: Activation, helpers: CallHelpers): Value {
  const given = argumentsOf(node);
  const [func, ...positional] = given.positional;
  const keywords = new Map([...given.keywords].filter(([k]) => !PLOT_OPTIONS.has(k)));
  const inner: Arguments = { node, positional, keywords };
  const allArgs = () => joinAll([...positional.map((a) => it.expr(a, act)), ...[...keywords.values()].map((a) => it.expr(a, act))]);
  if (!func) return UNKNOWN;
  if (func.type === 'lambda') return lambdaCall(it, func, inner, act);
  const defined = definedFunction(it, func, act);
  if (defined) {
    const params = it.parameters(defined.fn);
    const args = new Map<string, Value>();
    positional.forEach((a, i) => {
      const p = params[i];
      if (p) args.set(p.name, it.expr(a, act));
      else it.expr(a, act);
    });
    for (const [k, v] of keywords) args.set(k, it.expr(v, act));
    for (const p of params) if (!args.has(p.name)) args.set(p.name, p.defaultNode ? it.expr(p.defaultNode, act) : UNKNOWN);
    return it.runFunction(defined.fn, args, { depth: act.depth + 1, self: defined.method ? act.self : undefined, className: defined.method ? act.className : undefined, perBar: act.perBar, uncalled: act.uncalled, live: act.live });
  }
  const text = func.text;
  if (!/^[\w.]+$/.test(text)) return allArgs();
  const qualified = qualify(text, it.index.imports);
  const name = text.split('.').pop() ?? text;
  const known = lookaheadFunction(qualified, name, false);
  if (known && !(known.method && !qualified.includes('.') && !it.index.imports.has(name))) return helpers.knownLookahead(known, node, inner, act);
  return helpers.freeCall(name, qualified, node, inner, act, allArgs);
}

function definedFunction(it: Interpreter, func: SyntaxNode, act: Activation): { fn: SyntaxNode; method: boolean } | undefined {
  if (func.type === 'identifier') {
    const local = act.env.get(func.text)?.callable ?? it.functions.get(func.text);
    return local ? { fn: local, method: false } : undefined;
  }
  if (func.type === 'attribute' && func.childForFieldName('object')?.text === 'self' && act.className) {
    const m = it.methodOf(act.className, func.childForFieldName('attribute')?.text ?? '');
    return m ? { fn: m, method: true } : undefined;
  }
  return undefined;
}

/** `self.I(lambda x, n: ..., self.data.Close, 20)`: the body with the lambda's parameters bound. */
function lambdaCall(it: Interpreter, lambda: SyntaxNode, args: Arguments, act: Activation): Value {
  const body = lambda.childForFieldName('body');
  if (!body) return UNKNOWN;
  const env = new Map(act.env);
  const names: string[] = [];
  for (const p of lambda.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') names.push(p.text);
    else if (p.type === 'default_parameter') names.push(p.childForFieldName('name')?.text ?? '');
  }
  names.forEach((n, i) => {
    const arg = args.positional[i] ?? args.keywords.get(n);
    if (n) env.set(n, arg ? it.expr(arg, act) : UNKNOWN);
  });
  return it.expr(body, { ...act, env });
}
