// Shared by the result rules: which attached results belong to which strategy, where to
// report, and how many trials the strategy's selection went through.
import type { StrategyClass } from '../../facts/types';
import { gridTrials } from './search-space';
import { DIRECTIVE_REASON } from '../../results/association';
import type { SyntaxNode } from '../../python/parser';
import type { AttachedResult, ReportInput, RuleContext } from '../rule';
import type { Range, RelatedLocation } from '../../types';

export interface StrategyResults {
  /** The class the results are for; undefined for scripts without a strategy class. */
  strategy?: StrategyClass;
  name: string;
  /** Backtests (not hyperopt files, not bare trial matrices). */
  backtests: AttachedResult[];
  /** Hyperopt / optimisation files. */
  optimisations: AttachedResult[];
  all: AttachedResult[];
  /** Where findings about these results go in the strategy file. */
  anchor: { node?: SyntaxNode; range?: Range };
}

/** Files that record an optimisation or a matrix of trials, not one backtest's figures. */
const NOT_BACKTESTS = new Set(['freqtrade-hyperopt', 'csv-trial-matrix', 'freqtrade-meta', 'backtesting-py-heatmap', 'nautilus-fills']);

/** Groups attached results by the strategy class they are for. */
export function resultsByStrategy(context: RuleContext): StrategyResults[] {
  const attached = context.results?.attached ?? [];
  if (attached.length === 0) return [];
  const directive = dataDirective(context, 'results')?.range;
  const strategies = context.facts.strategies;
  const groups: StrategyResults[] = [];
  const targets: (StrategyClass | undefined)[] = strategies.length ? strategies : [undefined];
  const owner = ownerOf(attached, targets);
  for (const strategy of targets) {
    const mine = attached.filter((a) => owner.has(a) && owner.get(a) === strategy);
    if (mine.length === 0) continue;
    groups.push({
      strategy,
      name: strategy?.name ?? 'This script',
      backtests: mine.filter((a) => !NOT_BACKTESTS.has(a.summary.format)),
      optimisations: mine.filter((a) => a.summary.format === 'freqtrade-hyperopt' || a.summary.format === 'backtesting-py-heatmap'),
      all: mine,
      anchor: directive ? { range: directive } : strategy ? { node: strategy.nameNode } : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    });
  }
  return groups;
}

/**
 * The class each result belongs to. A name that is one of the file's classes decides. Otherwise
 * the file's layout or directive associated it: LEAN names a run "local" (LEAN CLI) or after the
 * cloud project, never after the class, and a `results=` directive is explicit, so such a result
 * goes to the file's only class, or to its first strategy class of the result's framework. A
 * freqtrade result naming another class (a multi-strategy file) belongs to none of these.
 */
function ownerOf(attached: AttachedResult[], targets: (StrategyClass | undefined)[]): Map<AttachedResult, StrategyClass | undefined> {
  const owner = new Map<AttachedResult, StrategyClass | undefined>();
  // A script without a strategy class: every attached result is its own.
  if (targets.length === 1 && targets[0] === undefined) {
    for (const a of attached) owner.set(a, undefined);
    return owner;
  }
  const byName = new Map(targets.filter((t): t is StrategyClass => !!t).map((t) => [t.name, t]));
  const matchedFiles = new Set(attached.filter((a) => a.summary.strategy && byName.has(a.summary.strategy)).map((a) => a.summary.file));
  for (const a of attached) {
    const named = a.summary.strategy;
    if (named && byName.has(named)) {
      owner.set(a, byName.get(named));
      continue;
    }
    const nameIsNotAClass = a.summary.format === 'lean-backtest' || a.reason === DIRECTIVE_REASON;
    if (named && !nameIsNotAClass) continue;
    // A multi-strategy file that names one of the classes elsewhere: its other entries are not ours.
    if (named && matchedFiles.has(a.summary.file)) continue;
    if (targets.length === 1) owner.set(a, targets[0]);
    else if (nameIsNotAClass) {
      const framework = a.summary.format === 'lean-backtest' ? 'lean' : undefined;
      owner.set(a, targets.find((t) => t && (!framework || t.framework === framework)) ?? targets[0]);
    }
  }
  return owner;
}

export function dataDirective(context: RuleContext, key: string): { value: string; range: Range } | undefined {
  return context.directives.data.find((d) => d.key === key);
}

export interface TrialCount {
  /** N used for deflation: the effective number of independent trials when known, else `raw`; whole, >= 1. */
  n: number;
  /** Trials actually run (all hyperopt epochs of all runs, the directive, or the grid size). */
  raw: number;
  source: string;
  /** How the effective number was estimated, when it was. */
  effectiveSource?: string;
}

/**
 * N for the deflated Sharpe of `backtest`: a `trials=` directive, the epochs of every optimisation
 * run of the strategy (all hyperopt files, summed), or the size of an exhaustive grid in the file;
 * 1 otherwise. Optimisation trials do not count against a backtest that starts after every
 * optimisation period ended: that run tests one configuration chosen beforehand, which is exactly
 * what an out-of-sample test should be. N is always a whole number >= 1: the expected maximum of
 * 1 < N < 2 trials is below the mean, which would make the DSR larger than the PSR.
 */
export function trialCount(context: RuleContext, group: StrategyResults, backtest?: AttachedResult): TrialCount {
  const directive = dataDirective(context, 'trials');
  const fromDirective = directive ? Number(directive.value) : NaN;
  if (Number.isInteger(fromDirective) && fromDirective >= 1) return { n: fromDirective, raw: fromDirective, source: 'the trials= directive' };
  const start = backtest?.summary.period ? Date.parse(backtest.summary.period.start) : NaN;
  const endedBefore = (a: AttachedResult) => {
    const end = a.summary.period ? Date.parse(a.summary.period.end) : NaN;
    return Number.isFinite(start) && Number.isFinite(end) && start >= end;
  };
  const selectedOn = uniqueFiles(group.all.filter((a) => (a.summary.trials?.count ?? 0) > 1 && (a === backtest || !endedBefore(a))));
  const raw = selectedOn.reduce((sum, a) => sum + Math.floor(a.summary.trials!.count), 0);
  if (raw > 1) {
    const runs = selectedOn.filter((a) => a.summary.format === 'freqtrade-hyperopt').length;
    const what = runs === selectedOn.length ? `${raw} epochs in ${runs} hyperopt run${runs === 1 ? '' : 's'}` : `${raw} trials recorded in ${selectedOn.length} optimisation result${selectedOn.length === 1 ? '' : 's'}`;
    const estimated = selectedOn.every((a) => a.summary.trials!.effective);
    if (!estimated) return { n: raw, raw, source: what };
    const n = Math.max(1, selectedOn.reduce((sum, a) => sum + a.summary.trials!.effective!.count, 0));
    const methods = selectedOn.map((a) => a.summary.trials!.effective!.method).join('; ');
    return { n, raw, source: `${what}, about ${n} independent`, effectiveSource: methods };
  }
  // Exhaustive grids (backtrader optstrategy, vectorbt sweeps) run every combination.
  const n = gridTrials(context.facts);
  if (n > 1) return { n, raw: n, source: `a grid of ${n} combinations in this file` };
  const outOfSample = group.all.some((a) => (a.summary.trials?.count ?? 0) > 1);
  return { n: 1, raw: 1, source: outOfSample ? 'a backtest after the optimisation period' : 'no record of other trials' };
}

/** One summary per file (a multi-strategy file attaches several). */
function uniqueFiles(results: AttachedResult[]): AttachedResult[] {
  const seen = new Set<string>();
  return results.filter((a) => !seen.has(a.summary.file) && seen.add(a.summary.file) !== undefined);
}

/** A related location at `key` in the result file, when the loader located it. */
export function atKey(result: AttachedResult, key: string | string[], message: string): RelatedLocation[] {
  for (const k of Array.isArray(key) ? key : [key]) {
    const range = result.keyRanges[k];
    if (range) return [{ file: result.summary.file, range, message }];
  }
  return [{ file: result.summary.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message }];
}

export function reportAt(group: StrategyResults, input: Omit<ReportInput, 'node' | 'range'>): ReportInput {
  return { ...input, ...group.anchor };
}

export function fileName(result: AttachedResult): string {
  return result.summary.file.split(/[\\/]/).pop() ?? result.summary.file;
}

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}
