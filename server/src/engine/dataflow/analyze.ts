// The dataflow's entry point: runs the interpreter over a file the way its framework runs it, and
// returns every leak (a future-reading source that reaches a decision). Computed once per syntax
// index and shared by the lookahead rules, each of which reports the leaks of its own code.
import type { SyntaxNode } from '../python/parser';
import type { SyntaxIndex } from '../python/syntax-index';
import { PER_BAR_CALLBACKS } from '../facts/lookahead';
import { isBacktestingStrategy } from './backtesting-py';
import { ziplineCallbacks } from './zipline';
import { Interpreter, type Activation, type FitRecord, type Leak } from './interpreter';
import { planUnits, topLevelStatement, type AnalysisUnit } from './units';
import { attributeNamesOf, identifiersOf } from '../python/syntax-index';
import { stableKey } from './value';
import { bars, scalar, UNKNOWN, type Value } from './value';

export type { FitRecord, Leak } from './interpreter';

export interface DataflowResult {
  leaks: Leak[];
  /** Fits on market data (missing-holdout). */
  fits: FitRecord[];
  /** Calls that use held-out rows: evidence of an out-of-sample check. */
  heldOutUses: SyntaxNode[];
  /** Plain k-fold cross-validations and how far their labels reach. */
  kFolds: { node: SyntaxNode; labelLead: number }[];
  /** Fits (call ids) whose model is then used: predicted with, scored, evaluated. */
  usedFits: Set<number>;
  /** Splits (call ids) whose parts reach a fit, a score or a cross-validation. */
  usedSplits: Set<number>;
}

const cache = new WeakMap<SyntaxIndex, DataflowResult>();

export function analyzeDataflow(index: SyntaxIndex): DataflowResult {
  const cached = cache.get(index);
  if (cached) return cached;
  const plan = planUnits(index);
  // The module-level code runs first: it may call the file's functions with real data. Its
  // interpreter then analyses the definitions it mentions; every other unit starts from the
  // state the module-level code left (its names, the feeds it built).
  const main = new Interpreter(index);
  const moduleAct: Activation = {
    env: main.module, pc: scalar(), weak: 0, returns: [], perBar: false, uncalled: false, depth: 0,
  };
  for (const statement of plan.environment) main.statement(statement, moduleAct);
  const afterModule = { module: new Map(main.module), feeds: main.feeds, analysedFrame: main.analysedFrame, called: new Set(main.called) };
  const definitions = definitionsByStatement(main);
  analyseUnit(main, [...plan.environment, ...plan.main.statements], definitions);
  const parts = [effectsOf(main)];
  const fileKey = environmentKey(index);
  for (const unit of plan.free) {
    parts.push(
      unitEffects(unit, `${fileKey}|${moduleStateKey(unit, afterModule)}|${moduleValuesKey(unit, afterModule.module)}`, () => {
        const interpreter = new Interpreter(index);
        for (const [name, value] of afterModule.module) interpreter.module.set(name, value);
        interpreter.feeds = afterModule.feeds;
        interpreter.analysedFrame = afterModule.analysedFrame;
        for (const id of afterModule.called) interpreter.called.add(id);
        analyseUnit(interpreter, unit.statements, definitions);
        return effectsOf(interpreter);
      }),
    );
  }
  const result = mergeEffects(parts);
  cache.set(index, result);
  return result;
}

/** The classes of a unit's statements (nested ones too), then its module functions nothing called. */
function analyseUnit(interpreter: Interpreter, statements: readonly SyntaxNode[], definitions: DefinitionsByStatement): void {
  const classes = statements.flatMap((s) => definitions.classes.get(s) ?? []).sort((a, b) => a.order - b.order);
  for (const cls of classes) analyseClass(interpreter, cls.node, cls.name);
  analyseUncalledFunctions(interpreter, statements.flatMap((s) => definitions.functions.get(s) ?? []));
}

/** The file's classes (in index order) and module functions, by the top-level statement they stand in. */
interface DefinitionsByStatement {
  classes: Map<SyntaxNode, { node: SyntaxNode; name: string; order: number }[]>;
  functions: Map<SyntaxNode, [string, SyntaxNode][]>;
}

function definitionsByStatement(interpreter: Interpreter): DefinitionsByStatement {
  const out: DefinitionsByStatement = { classes: new Map(), functions: new Map() };
  interpreter.index.classes.forEach((cls, order) => {
    const statement = topLevelStatement(cls.node);
    const list = out.classes.get(statement) ?? [];
    list.push({ node: cls.node, name: cls.name, order });
    out.classes.set(statement, list);
  });
  for (const entry of interpreter.moduleFunctions()) {
    const statement = topLevelStatement(entry[1]);
    const list = out.functions.get(statement) ?? [];
    list.push(entry);
    out.functions.set(statement, list);
  }
  return out;
}

/** What analysing a unit found: the parts of a DataflowResult, before the file's are merged. */
type UnitEffects = Omit<DataflowResult, 'leaks'> & { leaks: Leak[] };

function effectsOf(interpreter: Interpreter): UnitEffects {
  return {
    leaks: [...interpreter.leaks.values()],
    fits: interpreter.fits,
    heldOutUses: interpreter.heldOutUses,
    kFolds: interpreter.kFolds,
    usedFits: interpreter.usedFits,
    usedSplits: interpreter.usedSplits,
  };
}

/** One result from the units' effects; a leak two units found keeps a certain sink over an uncertain one, else the first. */
function mergeEffects(parts: UnitEffects[]): DataflowResult {
  const leaks = new Map<string, Leak>();
  const result: DataflowResult = { leaks: [], fits: [], heldOutUses: [], kFolds: [], usedFits: new Set(), usedSplits: new Set() };
  for (const part of parts) {
    for (const leak of part.leaks) {
      const key = `${leak.source.code}:${leak.source.node.id}`;
      const previous = leaks.get(key);
      if (!previous || (!previous.certain && leak.certain)) leaks.set(key, leak);
    }
    result.fits.push(...part.fits);
    result.heldOutUses.push(...part.heldOutUses);
    result.kFolds.push(...part.kFolds);
    for (const id of part.usedFits) result.usedFits.add(id);
    for (const id of part.usedSplits) result.usedSplits.add(id);
  }
  result.leaks = [...leaks.values()].sort((a, b) => a.source.node.startIndex - b.source.node.startIndex);
  return result;
}

/**
 * What a unit reads from the rest of the file besides the module-level statements: the imports
 * (callees resolve through them), the file's strategy classes of backtesting.py, zipline's
 * callbacks, whether the file parses (for backtesting.py strategies).
 */
function environmentKey(index: SyntaxIndex): string {
  const backtesting = index.classes.filter((c) => isBacktestingStrategy(index, c.name)).map((c) => c.name);
  // Only backtesting.py's data reads whether the file parses (a half-typed line elsewhere must not
  // cost every unit its memo).
  return JSON.stringify([[...index.imports], [...ziplineCallbacks(index)], backtesting, backtesting.length ? index.hasSyntaxErrors : null]);
}

interface UnitMemo {
  statements: SyntaxNode[];
  key: string;
  effects: UnitEffects;
}

/**
 * A unit's analysis, kept with its first statement: the next version reuses it when the copy took
 * over the unit's statements (the same objects) and what the unit reads from the rest of the file
 * reads the same (the key): the module-level values of the names it mentions, the feeds and frame
 * the module-level code left, the imports and file-wide facts. Module-level statements the unit
 * does not read may change (a half-typed line that broke another class apart) without costing it.
 */
const unitMemos = new WeakMap<SyntaxNode, UnitMemo>();

function unitEffects(unit: AnalysisUnit, key: string, analyse: () => UnitEffects): UnitEffects {
  const memo = unitMemos.get(unit.statements[0]);
  if (memo && memo.key === key && sameNodes(memo.statements, unit.statements)) return memo.effects;
  const effects = analyse();
  unitMemos.set(unit.statements[0], { statements: unit.statements, key, effects });
  return effects;
}

/**
 * The state the module-level code leaves that a unit may read: backtrader feeds (read through
 * `self.data`, `self.datas[i]`, `self.dataN`) and freqtrade's analysed frame (read through
 * `get_analyzed_dataframe`). A unit that names neither does not depend on them.
 */
function moduleStateKey(unit: AnalysisUnit, state: { feeds?: Value; analysedFrame?: Value }): string {
  let feeds = false;
  let frame = false;
  for (const statement of unit.statements) {
    const names = attributeNamesOf(statement);
    if (!names) return `${stableKey(state.feeds)}|${stableKey(state.analysedFrame)}`;
    for (const name of names) {
      if (/^datas?\d*$/.test(name)) feeds = true;
      else if (name === 'get_analyzed_dataframe') frame = true;
    }
    if (identifiersOf(statement).has('get_analyzed_dataframe')) frame = true;
  }
  return `${feeds ? stableKey(state.feeds) : '-'}|${frame ? stableKey(state.analysedFrame) : '-'}`;
}

/** The module-level values of the names a unit mentions, in a comparable form. */
function moduleValuesKey(unit: AnalysisUnit, module: ReadonlyMap<string, Value>): string {
  const names = new Set<string>();
  for (const statement of unit.statements) for (const name of identifiersOf(statement)) if (module.has(name)) names.add(name);
  return [...names].sort().map((name) => `${name}=${stableKey(module.get(name))}`).join(';');
}

function sameNodes(a: readonly SyntaxNode[], b: readonly SyntaxNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

const FREQTRADE_FIRST = ['populate_indicators'];
const FREQTRADE_THEN = ['populate_entry_trend', 'populate_exit_trend', 'populate_buy_trend', 'populate_sell_trend'];
const FREQAI = /^(feature_engineering_\w+|set_freqai_targets)$/;

function analyseClass(interpreter: Interpreter, node: SyntaxNode, className: string): void {
  const methods = interpreter.methods.get(className);
  if (!methods) return;
  const self = classAttributes(interpreter, node, className);
  const run = (fn: SyntaxNode, args: Map<string, Value>, perBar: boolean) =>
    interpreter.runFunction(fn, args, { depth: 1, self, className, perBar, uncalled: false });
  const frameArgs = (fn: SyntaxNode, frame: Value) => {
    const params = interpreter.parameters(fn);
    return new Map(params.map((p, i) => [p.name, i === 0 ? frame : UNKNOWN]));
  };
  const done = new Set<number>();
  if (FREQTRADE_FIRST.some((m) => methods.has(m)) || FREQTRADE_THEN.some((m) => methods.has(m))) {
    const indicators = methods.get('populate_indicators');
    let frame = bars();
    if (indicators) {
      const out = run(indicators, frameArgs(indicators, bars()), false);
      if (out.kind === 'bars') frame = out;
      interpreter.analysedFrame = frame;
      done.add(indicators.id);
    }
    for (const name of FREQTRADE_THEN) {
      const fn = methods.get(name);
      if (!fn) continue;
      run(fn, frameArgs(fn, frame), false);
      done.add(fn.id);
    }
  }
  for (const [name, fn] of methods) {
    if (!FREQAI.test(name)) continue;
    run(fn, frameArgs(fn, bars()), false);
    done.add(fn.id);
  }
  // Constructors first (backtrader / LEAN set up indicators there), then every callback.
  const ordered = [...methods].sort(([a], [b]) => Number(!/^(__init__|Initialize|initialize|init)$/.test(a)) - Number(!/^(__init__|Initialize|initialize|init)$/.test(b)));
  for (const [name, fn] of ordered) {
    if (done.has(fn.id) || interpreter.called.has(fn.id)) continue;
    const perBar = PER_BAR_CALLBACKS.has(name);
    // backtesting.py runs `init()` once over the whole history, before the first bar.
    const wholeHistory = name === 'init' && isBacktestingStrategy(interpreter.index, className);
    run(fn, assumedArguments(interpreter, fn, perBar), !wholeHistory && (perBar || !name.startsWith('populate_')));
  }
}

/** Class-level assignments (`timeframe = "5m"`, parameters), visible as `self.x` in methods. */
function classAttributes(interpreter: Interpreter, node: SyntaxNode, className: string): Map<string, Value> {
  const self = new Map<string, Value>();
  const body = node.childForFieldName('body');
  const act: Activation = { env: new Map(), self, className, pc: scalar(), weak: 0, returns: [], perBar: false, uncalled: false, depth: 1 };
  for (const statement of body?.namedChildren ?? []) if (statement?.type === 'expression_statement') interpreter.statement(statement, act);
  for (const [name, value] of act.env) if (!self.has(name)) self.set(name, value);
  return self;
}

/**
 * Module functions nothing calls: analysed for the decisions made inside them (uncertain, since no
 * caller shows what they are given). What they return is not a decision: measured on real code,
 * helpers returning a lead were nearly always reporting, bookkeeping or dead code.
 */
function analyseUncalledFunctions(interpreter: Interpreter, functions: readonly [string, SyntaxNode][]): void {
  const engineCallbacks = ziplineCallbacks(interpreter.index);
  for (const [name, fn] of functions) {
    if (interpreter.called.has(fn.id)) continue;
    if (engineCallbacks.has(name)) {
      // zipline calls these once per session with (context, data): per-bar code, and no guess
      // that `data` is a frame (it is zipline's BarData, whose history() ends at the session).
      const args = new Map(interpreter.parameters(fn).map((p) => [p.name, UNKNOWN]));
      interpreter.runFunction(fn, args, { depth: 1, perBar: true, uncalled: false });
      continue;
    }
    interpreter.runFunction(fn, assumedArguments(interpreter, fn, false), { depth: 1, uncalled: true });
  }
}

/** Parameter names that hold bar data by convention. */
const DATA_PARAMETER = /^(df|dataframe|data|bars|candles|prices|closes|close|ohlc|ohlcv|history|series|price|quotes)$/;
/** Parameter names that hold the current bar's position in a per-bar callback. */
const INDEX_PARAMETER = /^(i|t|idx|index|bar|bar_index|pos|step|n|k|current_step)$/;

/**
 * What a function's parameters hold when nothing in the file calls it with real values: bar data
 * when the annotation or the name says so (assumed, so what it reaches is a warning), the current
 * bar's position for an index parameter of a per-bar callback, else unknown.
 */
function assumedArguments(interpreter: Interpreter, fn: SyntaxNode, perBar: boolean): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const p of interpreter.parameters(fn)) {
    const annotation = p.annotation ?? '';
    if (/DataFrame|Series|ndarray|List\[|Sequence\[|list\[/.test(annotation) || (!annotation && DATA_PARAMETER.test(p.name))) {
      out.set(p.name, { ...bars(), uncertain: true });
    } else if (perBar && (INDEX_PARAMETER.test(p.name) || annotation === 'int')) out.set(p.name, { ...scalar(), barIndex: true });
    else out.set(p.name, UNKNOWN);
  }
  return out;
}
