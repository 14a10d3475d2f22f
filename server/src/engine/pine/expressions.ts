// Pine expressions by precedence climbing: ternary < or < and < equality < comparison < additive <
// multiplicative < unary < postfix (call, attribute, history reference `x[n]`, generic `<type>`).
import { Cursor, MAX_DEPTH } from './cursor';
import type { PineNode } from './tree';
import { parseCompound } from './statements';

const EQUALITY = new Set(['==', '!=']);
const COMPARISON = new Set(['<', '>', '<=', '>=']);
const ADDITIVE = new Set(['+', '-']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);

export function parseExpression(c: Cursor): PineNode {
  if (c.depth >= MAX_DEPTH) return c.error(c.pos);
  c.depth++;
  try {
    return ternary(c);
  } finally {
    c.depth--;
  }
}

/** A value: an expression, or an `if`/`switch`/`for`/`while` whose last line is the value. */
export function parseValue(c: Cursor): PineNode {
  if (c.keyword('if') || c.keyword('switch') || c.keyword('for') || c.keyword('while')) return parseCompound(c);
  return parseExpression(c);
}

function ternary(c: Cursor): PineNode {
  const condition = binary(c, 0);
  if (!c.op('?')) return condition;
  c.next();
  const node = c.node('ternary_expression', condition.startIndex).add(condition, 'condition');
  node.add(parseExpression(c), 'consequence');
  if (c.expect(':')) node.add(parseExpression(c), 'alternative');
  return node;
}

type Level = { type: string; ops: Set<string> | 'or' | 'and' };
const LEVELS: Level[] = [
  { type: 'boolean_operator', ops: 'or' },
  { type: 'boolean_operator', ops: 'and' },
  { type: 'comparison_operator', ops: EQUALITY },
  { type: 'comparison_operator', ops: COMPARISON },
  { type: 'binary_operator', ops: ADDITIVE },
  { type: 'binary_operator', ops: MULTIPLICATIVE },
];

function matchesLevel(c: Cursor, level: Level): boolean {
  const t = c.peek();
  if (typeof level.ops === 'string') return t.kind === 'keyword' && t.text === level.ops;
  return t.kind === 'operator' && level.ops.has(t.text);
}

function binary(c: Cursor, levelIndex: number): PineNode {
  if (levelIndex >= LEVELS.length) return unary(c);
  const level = LEVELS[levelIndex];
  let left = binary(c, levelIndex + 1);
  while (matchesLevel(c, level)) {
    const operator = c.leaf('operator');
    const node = c.node(level.type, left.startIndex).add(left, 'left').add(operator, 'operator');
    node.add(binary(c, levelIndex + 1), 'right');
    left = node;
  }
  return left;
}

function unary(c: Cursor): PineNode {
  if (c.keyword('not')) {
    const start = c.peek().start;
    c.next();
    return c.node('not_operator', start).add(nested(c, unary), 'argument');
  }
  if (c.op('-') || c.op('+')) {
    const operator = c.leaf('operator');
    return c.node('unary_operator', operator.startIndex).add(operator, 'operator').add(nested(c, unary), 'argument');
  }
  return postfix(c);
}

function nested(c: Cursor, parse: (c: Cursor) => PineNode): PineNode {
  if (c.depth >= MAX_DEPTH) return c.error(c.pos);
  c.depth++;
  try {
    return parse(c);
  } finally {
    c.depth--;
  }
}

function postfix(c: Cursor): PineNode {
  let node = primary(c);
  for (;;) {
    if (c.op('.') && (c.is('identifier', undefined, 1) || c.is('keyword', undefined, 1))) {
      c.next();
      const attribute = c.leaf('identifier');
      node = c.node('attribute', node.startIndex).add(node, 'object').add(attribute, 'attribute');
    } else if (c.op('(')) {
      node = callOf(c, node);
    } else if (c.op('<') && genericCallAhead(c)) {
      const args = typeArguments(c);
      node = callOf(c, node, args);
    } else if (c.op('[')) {
      c.next();
      const ref = c.node('history_reference', node.startIndex).add(node, 'value');
      if (!c.op(']')) ref.add(parseExpression(c), 'offset');
      c.expect(']');
      ref.endIndex = Math.max(ref.endIndex, c.lastEnd);
      node = ref;
    } else return node;
  }
}

/** `<` starts type arguments when a matching `>` is followed by `(`: `array.new<float>(`. */
function genericCallAhead(c: Cursor): boolean {
  let depth = 0;
  for (let k = 0; k < 40; k++) {
    const t = c.peek(k);
    if (t.kind === 'operator' && t.text === '<') depth++;
    else if (t.kind === 'operator' && t.text === '>') {
      depth--;
      if (depth === 0) return c.op('(', k + 1);
    } else if (!(t.kind === 'identifier' || (t.kind === 'operator' && (t.text === ',' || t.text === '.')))) return false;
  }
  return false;
}

export function typeArguments(c: Cursor): PineNode {
  const start = c.peek().start;
  let depth = 0;
  do {
    const t = c.next();
    if (t.text === '<') depth++;
    else if (t.text === '>') depth--;
  } while (depth > 0 && c.peek().kind !== 'eof');
  return c.node('type_arguments', start, c.lastEnd);
}

function callOf(c: Cursor, callee: PineNode, types?: PineNode): PineNode {
  const call = c.node('call', callee.startIndex).add(callee, 'function');
  if (types) call.add(types, 'type_arguments');
  call.add(argumentList(c), 'arguments');
  return call;
}

function argumentList(c: Cursor): PineNode {
  const list = c.node('argument_list', c.peek().start);
  c.next(); // (
  while (!c.op(')') && !c.atStatementEnd()) {
    const before = c.pos;
    if ((c.is('identifier') || c.is('keyword')) && c.op('=', 1)) {
      const name = c.leaf('identifier');
      c.next(); // =
      const keyword = c.node('keyword_argument', name.startIndex).add(name, 'name');
      keyword.add(parseValue(c), 'value');
      list.add(keyword);
    } else list.add(parseValue(c));
    listSeparator(c, list, ')', before);
  }
  return closeList(c, list, ')');
}

function primary(c: Cursor): PineNode {
  const t = c.peek();
  switch (t.kind) {
    case 'identifier':
      return c.leaf('identifier');
    case 'integer':
      return c.leaf('integer');
    case 'float':
      return c.leaf('float');
    case 'string':
      return stringNode(c);
    case 'color':
      return c.leaf('color');
    case 'keyword':
      if (t.text === 'true' || t.text === 'false') return c.leaf(t.text);
      if (t.text === 'if' || t.text === 'switch' || t.text === 'for' || t.text === 'while') return parseCompound(c);
      // `type`, `to`, `by`... used as plain names (`type=input.integer` in old scripts).
      if (!['and', 'or', 'not', 'else', 'var', 'varip', 'import', 'export', 'method', 'break', 'continue'].includes(t.text)) return c.leaf('identifier');
      return c.error(c.pos);
    case 'operator':
      if (t.text === '(') {
        c.next();
        const node = c.node('parenthesized_expression', t.start).add(parseValue(c));
        c.expect(')');
        node.endIndex = Math.max(node.endIndex, c.lastEnd);
        return node;
      }
      if (t.text === '[') return tuple(c);
      return c.error(c.pos);
    default:
      return c.error(c.pos);
  }
}

/** A string literal with its content as a child (hovers read prose in `string_content`). */
function stringNode(c: Cursor): PineNode {
  const t = c.next();
  const node = c.node('string', t.start, t.end);
  const closed = t.text.length >= 2 && t.text[t.text.length - 1] === t.text[0];
  if (t.end - t.start > (closed ? 2 : 1)) node.add(c.node('string_content', t.start + 1, closed ? t.end - 1 : t.end));
  return node;
}

/** `[a, b, c]`: a tuple (returned from functions, destructured) or an array literal. */
function tuple(c: Cursor): PineNode {
  const node = c.node('tuple', c.peek().start);
  c.next();
  while (!c.op(']') && !c.atStatementEnd()) {
    const before = c.pos;
    node.add(parseExpression(c));
    listSeparator(c, node, ']', before);
  }
  return closeList(c, node, ']');
}

/** After a list item: a comma, or an error node where one belongs; an error when nothing was read. */
export function listSeparator(c: Cursor, list: PineNode, close: string, before: number): void {
  if (c.op(',')) c.next();
  else if (!c.op(close)) list.add(c.error(c.pos));
  if (c.pos === before) list.add(c.error(c.pos));
}

/** Closes a bracketed list: the closing bracket, and the list's extent up to it. */
export function closeList(c: Cursor, list: PineNode, close: string): PineNode {
  c.expect(close);
  list.endIndex = Math.max(list.endIndex, c.lastEnd);
  return list;
}
