// Small, additive helpers shared by the lookahead rules (SL2xx). Everything here works from the
// syntax index and walks only *up* from a node (parents, O(depth)) or over a single expression:
// no rule scans the whole tree.
import type { SyntaxNode } from '../python/parser';
import type { CallSite, Scope, SyntaxIndex } from '../python/syntax-index';
import type { Range } from '../types';
import { numberValue, stringValue } from './python-values';

/** LSP range of a node (tree-sitter web columns are UTF-16 code units, as LSP wants). */
export function rangeOf(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Whether `inner` lies inside `outer` (or is it). */
export function within(inner: SyntaxNode, outer: SyntaxNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Drops redundant parentheses around an expression. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1 && n.namedChild(0)) n = n.namedChild(0)!;
  return n;
}

/** An integer literal, possibly signed (`-1`, `+2`, `(3)`), else undefined. Floats are not indexes. */
export function intValue(node: SyntaxNode | null | undefined): number | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  const inner = n.type === 'unary_operator' ? unparen(n.childForFieldName('argument') ?? n) : n;
  if (inner.type !== 'integer') return undefined;
  const value = numberValue(n);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** `-x` for any operand x (a literal or a name): a negative offset as written. */
export function isNegated(node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  const n = unparen(node);
  if (n.type === 'unary_operator' && n.child(0)?.text === '-') {
    // `-(-1)` is positive; a double negation is rare enough to treat literally.
    const arg = unparen(n.childForFieldName('argument') ?? n);
    return !(arg.type === 'unary_operator' && arg.child(0)?.text === '-');
  }
  const value = intValue(n);
  return value !== undefined && value < 0;
}

/** The parts of a slice (`a[start:stop:step]`), by position around the colons. */
export function sliceParts(slice: SyntaxNode): { start?: SyntaxNode; stop?: SyntaxNode; step?: SyntaxNode } {
  const parts: (SyntaxNode | undefined)[] = [undefined, undefined, undefined];
  let slot = 0;
  for (let i = 0; i < slice.childCount; i++) {
    const child = slice.child(i);
    if (!child) continue;
    if (child.type === ':') slot++;
    else if (child.isNamed && child.type !== 'comment' && slot < 3) parts[slot] = child;
  }
  return { start: parts[0], stop: parts[1], step: parts[2] };
}

/** `x + n` / `n + x` with n a positive integer literal and x not a literal: the offset n, else undefined. */
export function forwardOffset(node: SyntaxNode | undefined): { base: SyntaxNode; offset: number } | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.text !== '+') return undefined;
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  if (!left || !right) return undefined;
  const r = intValue(right);
  const l = intValue(left);
  if (r !== undefined && r > 0 && l === undefined) return { base: left, offset: r };
  if (l !== undefined && l > 0 && r === undefined) return { base: right, offset: l };
  return undefined;
}

const STATEMENT_BOUNDARY = new Set(['expression_statement', 'block', 'function_definition', 'class_definition', 'module', 'lambda']);

/** The assignment this node belongs to, and whether the node is (inside) its left side. */
export function enclosingAssignment(node: SyntaxNode): { assignment: SyntaxNode; onLeft: boolean } | undefined {
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      return { assignment: n, onLeft: !!left && within(child, left) };
    }
    if (STATEMENT_BOUNDARY.has(n.type)) return undefined;
  }
  return undefined;
}

/** Whether a subscript/attribute is written to (`out[i + 1] = v`, `self.x[0] += 1`) rather than read. */
export function isWrite(node: SyntaxNode): boolean {
  const a = enclosingAssignment(node);
  if (!a || !a.onLeft) return false;
  // Inside the target but as part of its index (`out[close[i + 1]] = v`) is still a read.
  for (let n: SyntaxNode | null = node.parent; n && n.id !== a.assignment.id; n = n.parent) {
    if (n.type === 'subscript' && !within(node, n.childForFieldName('value') ?? n)) return false;
  }
  return true;
}

/**
 * Names a target binds, reduced to their last key: `df['target']` -> target, `self.y` -> y,
 * `X_train, y_train` -> both.
 */
export function targetNames(target: SyntaxNode): string[] {
  const t = unparen(target);
  if (t.type === 'identifier') return [t.text];
  if (t.type === 'attribute') return [t.childForFieldName('attribute')?.text ?? ''];
  if (t.type === 'subscript') {
    const out: string[] = [];
    for (const index of t.childrenForFieldName('subscript')) {
      const key = stringValue(index);
      if (key !== undefined) out.push(key);
      else if (index && index.type === 'list') for (const e of index.namedChildren) { const k = stringValue(e); if (k) out.push(k); }
    }
    // `labels[i] = ...` stores into `labels`.
    const value = t.childForFieldName('value');
    if (!out.length && value) return targetNames(value);
    return out;
  }
  if (t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern' || t.type === 'tuple' || t.type === 'list') {
    return t.namedChildren.flatMap((c) => (c ? targetNames(c) : []));
  }
  return [];
}

/**
 * Names that say "this is the thing we predict", not an input: supervised-learning labels and
 * FreqAI targets (`&-...`). A forward-looking value stored under such a name is legitimate as long
 * as nothing downstream trades on it.
 */
export function isLabelName(name: string): boolean {
  if (name.startsWith('&')) return true; // FreqAI target columns
  return /^(y|y_\w+|\w+_y|targets?|\w+_targets?|targets?_\w+|labels?|\w+_labels?|labels?_\w+|outcomes?|\w*fwd_?\w*|forward_\w+|\w+_forward|future_\w+|\w+_future|response|dependent)$/i.test(name);
}

/** Method names where each call sees one bar (per-bar callbacks of event-driven engines). */
export const PER_BAR_CALLBACKS = new Set([
  'next', 'next_open', 'prenext', 'nextstart', 'on_bar', 'on_data', 'OnData', 'on_tick', 'on_trade', 'on_quote',
  'on_book', 'on_book_update', 'on_candle', 'signal', 'should_enter', 'should_exit', 'should_long', 'should_short',
  'compute', 'update', 'handle_data', 'on_bar_close', 'step',
]);

/** Loop variables of every `for` / comprehension enclosing `node` (`for i in range(n)` -> i). */
export function enclosingLoopVariables(node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition') break;
    if (n.type === 'for_statement' || n.type === 'for_in_clause') {
      const left = n.childForFieldName('left');
      if (left) for (const name of targetNames(left)) out.add(name);
    }
    if (n.type === 'list_comprehension' || n.type === 'generator_expression' || n.type === 'set_comprehension' || n.type === 'dictionary_comprehension') {
      for (const clause of n.namedChildren) {
        if (clause?.type !== 'for_in_clause') continue;
        const left = clause.childForFieldName('left');
        if (left) for (const name of targetNames(left)) out.add(name);
      }
    }
  }
  return out;
}

/** The function definition node enclosing `node`, if any. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}

/** Parameter names of a function definition. */
export function parameterNames(fn: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') out.add(p.text);
    else {
      const name = p.childForFieldName('name') ?? p.namedChild(0);
      if (name?.type === 'identifier') out.add(name.text);
    }
  }
  return out;
}

/** Same function (and class) scope. */
export function sameScope(a: Scope, b: Scope): boolean {
  return a.functionName === b.functionName && a.className === b.className;
}

/** freqtrade's vectorised methods: every row of the dataframe is computed at once. */
export function isFreqtradeVectorised(scope: Scope): boolean {
  return !!scope.functionName && /^populate_/.test(scope.functionName) && !!scope.className;
}

/** The call whose receiver chain is this call (`x.resample(...).mean()` from the resample call). */
export function chainedCall(call: CallSite, index: SyntaxIndex): CallSite | undefined {
  const attr = call.node.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== call.node.id) return undefined;
  const outer = attr.parent;
  if (outer?.type !== 'call' || outer.childForFieldName('function')?.id !== attr.id) return undefined;
  return index.callsById.get(outer.id);
}

/** First positional argument, or the keyword named `keyword`. */
export function argument(call: CallSite, position: number, keyword: string): SyntaxNode | undefined {
  const positional = call.positional.filter((a) => a.type !== 'dictionary_splat' && a.type !== 'list_splat');
  return positional[position] ?? call.keywords.get(keyword);
}

/** Replaces a string literal's content, keeping its quotes and prefix. */
export function replaceStringContent(node: SyntaxNode, value: string): { range: Range; newText: string } {
  const content = node.namedChildren.find((c) => c?.type === 'string_content');
  if (content) return { range: rangeOf(content), newText: value };
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  const quote = start?.text.replace(/^[a-zA-Z]*/, '') ?? '"';
  return { range: rangeOf(node), newText: `${quote}${value}${quote}` };
}
