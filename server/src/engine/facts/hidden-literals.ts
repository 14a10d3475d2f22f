// Numeric thresholds typed into entry/exit conditions (`dataframe['rsi'] < 27`) are tuned by the
// author's eye on the same backtest: degrees of freedom as real as any declared parameter.
import type { SyntaxNode } from '../python/parser';
import type { IndexEntries, SyntaxIndex } from '../python/syntax-index';
import { namesKey, perPiece } from './per-piece';
import { numberValue } from './python-values';
import type { Framework, TunedParameter } from './types';

/** Methods where trading decisions are made, per framework. */
export const DECISION_METHODS: Record<string, Framework> = {
  populate_entry_trend: 'freqtrade',
  populate_exit_trend: 'freqtrade',
  populate_buy_trend: 'freqtrade',
  populate_sell_trend: 'freqtrade',
  custom_exit: 'freqtrade',
  custom_stoploss: 'freqtrade',
  next: 'backtrader',
  on_data: 'lean',
  OnData: 'lean',
  should_long: 'jesse',
  should_short: 'jesse',
  update_position: 'jesse',
};

/** Calls whose numeric argument is a threshold (`qtpylib.crossed_above(rsi, 30)`). */
const THRESHOLD_CALLS = new Set(['crossed_above', 'crossed_below', 'crossed']);

/** Values that are structural rather than tuned: zero guards, booleans-as-ints, unit scalars. */
const STRUCTURAL = new Set([0, 1, -1, 100]);

/**
 * Most hidden thresholds counted per class. A 3 MB strategy holds thousands of distinct literals;
 * past this many the count says nothing more than "far too many", and listing them costs memory.
 */
export const MAX_HIDDEN_PER_CLASS = 100;

export function hiddenLiteralParameters(index: SyntaxIndex, strategyNames: Set<string>): TunedParameter[] {
  const out: TunedParameter[] = [];
  const seen = new Set<number>();
  // One degree of freedom per distinct value and class: a midline of 50 written six times was
  // chosen once. Repeats (and literals past the counting cap) stay in the facts, marked, so rules
  // that judge each literal (overprecise-parameter) still see them.
  const counted = new Map<string, Set<number>>();
  const push = (parameter: TunedParameter) => {
    const { defaultNode: node, defaultValue: value, className } = parameter;
    if (seen.has(node!.id) || STRUCTURAL.has(value!)) return;
    seen.add(node!.id);
    let values = counted.get(className ?? '');
    if (!values) counted.set(className ?? '', (values = new Set()));
    const repeat = values.has(value!) || values.size >= MAX_HIDDEN_PER_CLASS;
    if (!repeat) values.add(value!);
    // The piece's parameter is kept with the piece: a repeat is a marked copy, never a change to it.
    out.push(repeat ? { ...parameter, repeat: true } : parameter);
  };
  // Each piece's candidates are kept with the piece; which ones repeat is decided over the file.
  const parts = perPiece(index, 'hidden literals', namesKey(strategyNames), (piece) => candidatesIn(piece, strategyNames));
  for (const part of parts) for (const parameter of part.comparisons) push(parameter);
  for (const part of parts) for (const parameter of part.thresholdCalls) push(parameter);
  return out;
}

/** A piece's literal thresholds in decision methods: comparison operands, then threshold-call arguments. */
function candidatesIn(piece: IndexEntries, strategyNames: Set<string>): { comparisons: TunedParameter[]; thresholdCalls: TunedParameter[] } {
  const candidate = (node: SyntaxNode, value: number, className: string | undefined, framework: Framework): TunedParameter => ({
    name: node.text, kind: 'hidden', framework, node, className, defaultValue: value, defaultNode: node, optimized: true,
  });
  const comparisons: TunedParameter[] = [];
  const thresholdCalls: TunedParameter[] = [];
  for (const literal of piece.numbers) {
    const fn = literal.scope.functionName;
    if (!literal.comparison || !fn || !Object.hasOwn(DECISION_METHODS, fn)) continue;
    if (literal.scope.className && !strategyNames.has(literal.scope.className)) continue;
    // `x.shift(1) < y` compares data, the `1` is an offset: only operands outside calls count.
    const path = pathBetween(literal.comparison, literal.node);
    if (path.some((n) => n.type === 'call' || n.type === 'subscript' || n.type === 'argument_list')) continue;
    const parent = path.length ? path[path.length - 1] : literal.comparison;
    const signed = parent.type === 'unary_operator' ? parent : literal.node;
    comparisons.push(candidate(signed, signedValue(signed.text, literal.value), literal.scope.className, DECISION_METHODS[fn]));
  }
  for (const call of piece.calls) {
    const fn = call.scope.functionName;
    if (!THRESHOLD_CALLS.has(call.name) || !fn || !Object.hasOwn(DECISION_METHODS, fn)) continue;
    for (const arg of call.positional) {
      const value = numberValue(arg);
      if (value !== undefined) thresholdCalls.push(candidate(arg, value, call.scope.className, DECISION_METHODS[fn]));
    }
  }
  return comparisons.length || thresholdCalls.length ? { comparisons, thresholdCalls } : NO_CANDIDATES;
}

const NO_CANDIDATES: { comparisons: TunedParameter[]; thresholdCalls: TunedParameter[] } = Object.freeze({ comparisons: [], thresholdCalls: [] });

function signedValue(text: string, value: number): number {
  return text.trim().startsWith('-') ? -Math.abs(value) : value;
}

/** Nodes strictly between `ancestor` and `node`, top down (none when `ancestor` does not contain `node`). */
function pathBetween(ancestor: SyntaxNode, node: SyntaxNode): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  for (let n = node.parent; n !== ancestor; n = n.parent) {
    if (!n) return [];
    path.push(n);
  }
  return path.reverse();
}
