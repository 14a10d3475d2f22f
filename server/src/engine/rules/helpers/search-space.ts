// The size of the search a strategy was optimised over, from the facts: the product of the number
// of values each swept parameter may take. Every combination tried is one trial of a multiple-
// testing problem, so this is an upper bound for N in the deflated Sharpe ratio when the actual
// number of trials (hyperopt epochs) is not known.
import type { SyntaxNode } from '../../python/parser';
import type { StrategyFacts, TunedParameter } from '../../facts/types';

export interface SearchSpace {
  /** Strategy class the space belongs to, or undefined for a module-level sweep. */
  className?: string;
  /** Node to report on: the strategy's name, or the sweeping call. */
  node: SyntaxNode;
  /** Parameters with a finite number of values, and how many values each has. */
  finite: { parameter: TunedParameter; choices: number }[];
  /** Parameters searched over a continuous range (freqtrade RealParameter, Jesse floats without step). */
  continuous: TunedParameter[];
  /** Product of the finite choices (1 when there are none). */
  combinations: number;
  /** Combinations the optimiser really runs, when fewer (backtesting.py `max_tries`, `constraint`, sambo). */
  trials?: { count?: number; fraction?: number; label: string };
}

/** Continuous declarations: declared, optimised, with a range but no finite count. */
function isContinuous(p: TunedParameter): boolean {
  if (p.kind !== 'declared' || !p.optimized || p.choices !== undefined) return false;
  if (p.framework === 'jesse') return p.low !== undefined && p.high !== undefined;
  return p.framework === 'freqtrade' && /RealParameter\s*\(/.test(p.node.text);
}

function sweepingCall(p: TunedParameter): SyntaxNode | undefined {
  if (p.sweepCall) return p.sweepCall;
  // backtrader optstrategy keywords: keyword_argument -> argument_list -> call.
  const call = p.node.parent?.parent;
  return call?.type === 'call' ? call : undefined;
}

function space(className: string | undefined, node: SyntaxNode, parameters: TunedParameter[]): SearchSpace | undefined {
  const finite: SearchSpace['finite'] = [];
  const continuous: TunedParameter[] = [];
  // A grid over a declared parameter (optstrategy(fast=range(...))) replaces its declaration.
  const gridNames = new Set(parameters.filter((p) => p.kind === 'grid').map((p) => p.name));
  for (const p of parameters) {
    if (!p.optimized || p.kind === 'hidden' || p.kind === 'pasted') continue;
    if (p.kind === 'declared' && gridNames.has(p.name)) continue;
    if (p.choices !== undefined && p.choices >= 1) finite.push({ parameter: p, choices: p.choices });
    else if (isContinuous(p)) continuous.push(p);
  }
  if (finite.length === 0 && continuous.length === 0) return undefined;
  const combinations = finite.reduce((n, f) => n * f.choices, 1);
  const trials = finite.find((f) => f.parameter.trialCap)?.parameter.trialCap;
  return { className, node, finite, continuous, combinations, ...(trials ? { trials } : {}) };
}

/** Every search space in the file: one per strategy class, one per module-level sweep. */
export function searchSpaces(facts: StrategyFacts): SearchSpace[] {
  const out: SearchSpace[] = [];
  const single = facts.strategies.length === 1 ? facts.strategies[0] : undefined;
  const moduleLevel = facts.parameters.filter((p) => p.className === undefined);
  for (const strategy of facts.strategies) {
    const own = facts.parameters.filter((p) => p.className === strategy.name);
    // A grid outside any class (cerebro.optstrategy, bt.optimize) sweeps the file's only strategy;
    // several sweeping calls are several searches, one space each.
    const sweeps = new Map<number, TunedParameter[]>();
    if (strategy === single) {
      for (const p of moduleLevel) {
        if (p.framework !== strategy.framework) continue;
        const key = sweepingCall(p)?.id ?? -1;
        sweeps.set(key, [...(sweeps.get(key) ?? []), p]);
      }
    }
    if (sweeps.size <= 1) {
      const s = space(strategy.name, strategy.nameNode, [...own, ...[...sweeps.values()].flat()]);
      if (s) out.push(s);
      continue;
    }
    for (const group of sweeps.values()) {
      const call = sweepingCall(group[0]);
      const s = space(strategy.name, call?.childForFieldName('function') ?? strategy.nameNode, [...own, ...group]);
      if (s) out.push(s);
    }
  }
  // Module-level sweeps: one space per sweeping call, except vectorbt, whose indicator sweeps are
  // combined by broadcasting (`fast_ma.ma_crossed_above(slow_ma)`), so they multiply into one.
  const byCall = new Map<number | string, { node: SyntaxNode; parameters: TunedParameter[] }>();
  for (const p of moduleLevel) {
    if (single && p.framework === single.framework) continue;
    const call = sweepingCall(p);
    if (!call) continue;
    const key = p.framework === 'vectorbt' ? 'vectorbt' : call.id;
    const group = byCall.get(key) ?? { node: call, parameters: [] };
    group.parameters.push(p);
    byCall.set(key, group);
  }
  for (const group of byCall.values()) {
    const s = space(undefined, group.node.childForFieldName('function') ?? group.node, group.parameters);
    if (s) out.push(s);
  }
  return out;
}

/**
 * Number of parameter combinations the file's optimisation spans (for a strategy class when given):
 * the product of every parameter's number of values, summed over independent sweeps. Infinity when
 * a parameter is continuous; 0 when nothing is optimised. Use it as N trials when the real count
 * of trials is unknown.
 */
export function searchSpaceSize(facts: StrategyFacts, className?: string): number {
  let total = 0;
  for (const s of searchSpaces(facts)) {
    if (className !== undefined && s.className !== className) continue;
    total += s.continuous.length ? Infinity : s.combinations;
  }
  return total;
}

/** Trials a space's optimiser runs: its combinations, or fewer when the sweep caps them. */
export function trialsRun(s: SearchSpace): number {
  if (!s.trials) return s.combinations;
  if (s.trials.count !== undefined) return Math.min(s.trials.count, s.combinations);
  if (s.trials.fraction !== undefined) return Math.max(1, Math.round(s.trials.fraction * s.combinations));
  return s.combinations;
}

/**
 * N for the deflated Sharpe from exhaustive or capped grids written in the file: the trials each
 * sweeping call runs, summed over calls (two `optimize` calls are two searches, not a product).
 */
export function gridTrials(facts: StrategyFacts): number {
  const byCall = new Map<number, TunedParameter[]>();
  for (const p of facts.parameters) {
    if (p.kind !== 'grid' || !p.choices) continue;
    // vectorbt sweeps broadcast into one space (see searchSpaces).
    const key = p.framework === 'vectorbt' ? -2 : sweepingCall(p)?.id ?? -1;
    byCall.set(key, [...(byCall.get(key) ?? []), p]);
  }
  let total = 0;
  for (const [key, parameters] of byCall) {
    if (key === -1) {
      total += parameters.reduce((n, p) => n * (p.choices ?? 1), 1);
      continue;
    }
    const s = space(undefined, parameters[0].node, parameters);
    if (s) total += trialsRun(s);
  }
  return total;
}
