// Small, additive helpers shared by the lookahead rules (SL2xx). Everything here works from the
// syntax index and walks only *up* from a node (parents, O(depth)) or over a single expression:
// no rule scans the whole tree.
import type { SyntaxNode } from '../python/parser';
import type { CallSite } from '../python/syntax-index';
import { nodeRange } from '../python/node-range';
import type { Range } from '../types';
import { numberValue } from './python-values';


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

/** Method names where each call sees one bar (per-bar callbacks of event-driven engines). */
export const PER_BAR_CALLBACKS = new Set([
  'next', 'next_open', 'prenext', 'nextstart', 'on_bar', 'on_data', 'OnData', 'on_tick', 'on_trade', 'on_quote',
  'on_book', 'on_book_update', 'on_candle', 'signal', 'should_enter', 'should_exit', 'should_long', 'should_short',
  'compute', 'update', 'handle_data', 'on_bar_close', 'step',
]);

/** First positional argument, or the keyword named `keyword`. */
export function argument(call: CallSite, position: number, keyword: string): SyntaxNode | undefined {
  const positional = call.positional.filter((a) => a.type !== 'dictionary_splat' && a.type !== 'list_splat');
  return positional[position] ?? call.keywords.get(keyword);
}

/** Replaces a string literal's content, keeping its quotes and prefix. */
export function replaceStringContent(node: SyntaxNode, value: string): { range: Range; newText: string } {
  const content = node.namedChildren.find((c) => c?.type === 'string_content');
  if (content) return { range: nodeRange(content), newText: value };
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  const quote = start?.text.replace(/^[a-zA-Z]*/, '') ?? '"';
  return { range: nodeRange(node), newText: `${quote}${value}${quote}` };
}
