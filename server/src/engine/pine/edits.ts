// Fix edits for Pine: shift a requested expression by one bar, switch lookahead on.
import type { TextEdit } from '../types';
import type { PineNode } from './tree';

function rangeOf(node: PineNode, end = node.endIndex) {
  const lines = node.source.lines;
  return { start: lines.positionAt(node.startIndex), end: lines.positionAt(end) };
}

const insertAfter = (node: PineNode, text: string): TextEdit => {
  const at = node.source.lines.positionAt(node.endIndex);
  return { range: { start: at, end: at }, newText: text };
};

/** `close` -> `close[1]`, `f(x)` -> `f(x)[1]`, `a + b` -> `(a + b)[1]`, `[a, b]` -> `[a[1], b[1]]`. */
export function shiftByOneBar(expression: PineNode): TextEdit[] {
  if (expression.type === 'tuple') return expression.children.filter((c) => c.type !== 'comment').flatMap((c) => shiftByOneBar(c));
  const simple = ['identifier', 'attribute', 'call', 'history_reference', 'parenthesized_expression'].includes(expression.type);
  if (simple) return [insertAfter(expression, '[1]')];
  const at = expression.source.lines.positionAt(expression.startIndex);
  return [{ range: { start: at, end: at }, newText: '(' }, insertAfter(expression, ')[1]')];
}

/** Sets `lookahead=barmerge.lookahead_on`, replacing an existing lookahead argument or adding one. */
export function lookaheadOn(call: PineNode, lookahead: PineNode | undefined): TextEdit | undefined {
  const text = 'lookahead=barmerge.lookahead_on';
  if (lookahead) return { range: rangeOf(lookahead), newText: lookahead.type === 'keyword_argument' ? text : 'barmerge.lookahead_on' };
  const args = call.childForFieldName('arguments');
  const last = args?.children.filter((c) => c.type !== 'comment' && c.type !== 'ERROR').pop();
  return last ? insertAfter(last, `, ${text}`) : undefined;
}

export function nodeRange(node: PineNode) {
  return rangeOf(node);
}
