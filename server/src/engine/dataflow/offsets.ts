// Rows relative to the bar a loop is on: `i + 2`, `i - window`, and values stored at such rows.
import type { SyntaxNode } from '../python/parser';
import type { Activation, Interpreter } from './interpreter';
import { shifted, withSource, type Value } from './value';

export function integerLiteral(node: SyntaxNode): number | undefined {
  const n = node.type === 'unary_operator' ? node.childForFieldName('argument') : node;
  if (n?.type !== 'integer') return undefined;
  const value = Number(n.text);
  return node.type === 'unary_operator' && node.child(0)?.text === '-' ? -value : value;
}

/**
 * A row expression relative to the bar index: `i + 2` -> 2, `i - n` -> -n when n is a known
 * constant, 'unknown' when i appears with terms of unknown value, undefined when it is not
 * `i` plus constants (absolute rows, `2 * i`, no bar index at all).
 */
export function barOffset(node: SyntaxNode, interpreter: Interpreter, act: Activation): number | 'unknown' | undefined {
  let coefficient = 0;
  let offset = 0;
  let unknown = false;
  let unknownSubtracted = false;
  const walk = (n: SyntaxNode, sign: number): boolean => {
    while (n.type === 'parenthesized_expression' && n.namedChild(0)) n = n.namedChild(0)!;
    if (n.type === 'binary_operator') {
      const op = n.childForFieldName('operator')?.text;
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if ((op === '+' || op === '-') && left && right) return walk(left, sign) && walk(right, op === '-' ? -sign : sign);
    }
    if (n.type === 'unary_operator' && n.child(0)?.text === '-' && n.childForFieldName('argument')) return walk(n.childForFieldName('argument')!, -sign);
    const value = interpreter.expr(n, act);
    if (value.barIndex && (n.type === 'identifier' || n.type === 'attribute')) coefficient += sign;
    else if (value.barIndex) return false;
    else if (value.constant !== undefined) offset += sign * value.constant;
    else if (sign < 0) unknownSubtracted = true;
    else unknown = true;
    return true;
  };
  if (!walk(node, 1) || coefficient !== 1) return undefined;
  if (unknown) return 'unknown';
  // `i - window`: a length taken away is at least one row back.
  return unknownSubtracted ? Math.min(offset - 1, -1) : offset;
}

/** `out[i + k] = v`: the stored value, as the row it lands on sees it. */
export function storedAt(value: Value, k: number, target: SyntaxNode): Value {
  const moved = shifted(value, k);
  const lead = Math.max(moved.lead, ...moved.sources.map((s) => s.lead));
  const before = Math.max(value.lead, ...value.sources.map((s) => s.lead));
  if (k >= 0 || lead <= 0 || before > 0 || !value.data) return moved;
  return withSource(moved, { code: 'SL208', node: target, lead, what: `\`${target.text.slice(0, 60)}\` stores a value ${-k} row(s) before the bar it was computed on` });
}
