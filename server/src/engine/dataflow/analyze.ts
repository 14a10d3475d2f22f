// The dataflow's entry point: runs the interpreter over a file the way its framework runs it, and
// returns every leak (a future-reading source that reaches a decision). Computed once per syntax
// index and shared by the lookahead rules, each of which reports the leaks of its own code.
import type { SyntaxNode } from '../python/parser';
import type { SyntaxIndex } from '../python/syntax-index';
import { PER_BAR_CALLBACKS } from '../facts/lookahead';
import { isBacktestingStrategy } from './backtesting-py';
import { ziplineCallbacks } from './zipline';
import { Interpreter, type Activation, type FitRecord, type Leak } from './interpreter';
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
  const interpreter = new Interpreter(index);
  const moduleAct: Activation = {
    env: interpreter.module, pc: scalar(), weak: 0, returns: [], perBar: false, uncalled: false, depth: 0,
  };
  // Top-level statements run first: they may call the file's functions with real data.
  for (const statement of index.root.namedChildren) if (statement) interpreter.statement(statement, moduleAct);
  for (const cls of index.classes) analyseClass(interpreter, cls.node, cls.name);
  analyseUncalledFunctions(interpreter);
  const leaks = [...interpreter.leaks.values()].sort((a, b) => a.source.node.startIndex - b.source.node.startIndex);
  const result = { leaks, fits: interpreter.fits, heldOutUses: interpreter.heldOutUses, kFolds: interpreter.kFolds, usedFits: interpreter.usedFits, usedSplits: interpreter.usedSplits };
  cache.set(index, result);
  return result;
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
function analyseUncalledFunctions(interpreter: Interpreter): void {
  const engineCallbacks = ziplineCallbacks(interpreter.index);
  for (const [name, fn] of interpreter.moduleFunctions()) {
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
