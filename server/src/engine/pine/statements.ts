// Pine statements: declarations (`x = `, `var float x = `, `[a, b] = `), reassignments (`:=`,
// `+=`), functions and methods (`f(x) => expr` or a block), `type`/`enum`, `import`, and the
// compound statements `if`/`for`/`for...in`/`while`/`switch`, which are also expressions.
import { Cursor, MAX_DEPTH } from './cursor';
import { closeList, listSeparator, parseExpression, parseValue, typeArguments } from './expressions';
import type { PineNode } from './tree';

const REASSIGN = new Set([':=', '+=', '-=', '*=', '/=', '%=']);
const QUALIFIERS = new Set(['series', 'simple', 'const', 'input']);

/** Statements until the end of the block (dedent) or file. */
export function parseStatements(c: Cursor, into: PineNode): void {
  while (!c.is('eof') && !c.is('dedent')) {
    if (c.is('newline')) { c.next(); continue; }
    const before = c.pos;
    into.add(parseStatement(c));
    // Several statements may share a line: `a = 0, b = 1`.
    while (c.op(',')) {
      c.next();
      if (!c.atStatementEnd()) into.add(parseStatement(c));
    }
    if (c.pos === before) into.add(c.error(c.pos));
  }
}

function parseStatement(c: Cursor): PineNode {
  if (c.depth >= MAX_DEPTH) return skipLine(c, c.pos);
  c.depth++;
  try {
    const start = c.pos;
    const node = statement(c);
    // Anything left on the line is an error; a block under it belongs to the error too.
    // A statement ends at a line break, or right after the block that ends it.
    const afterBlock = c.pos > 0 && c.tokens[c.pos - 1].kind === 'dedent';
    if (!c.atStatementEnd() && !afterBlock && !c.op(',')) return skipLine(c, start, [node]);
    if (c.is('indent')) return skipLine(c, start, [node]);
    return node;
  } finally {
    c.depth--;
  }
}

/** An ERROR node from token `from` to the end of the line, with any indented block under it. */
function skipLine(c: Cursor, from: number, children: PineNode[] = []): PineNode {
  while (!c.is('newline') && !c.is('eof') && !c.is('dedent') && !c.is('indent')) c.next();
  if (c.is('indent') || (c.is('newline') && c.is('indent', undefined, 1))) {
    if (c.is('newline')) c.next();
    c.next();
    let level = 1;
    while (level > 0 && !c.is('eof')) {
      const t = c.next();
      if (t.kind === 'indent') level++;
      else if (t.kind === 'dedent') level--;
    }
  }
  return c.error(from, children);
}

function statement(c: Cursor): PineNode {
  const t = c.peek();
  if (t.kind === 'keyword') {
    switch (t.text) {
      case 'export': {
        c.next();
        const inner = statement(c);
        const node = c.node('export_statement', t.start).add(inner, 'declaration');
        return node;
      }
      case 'import':
        return importStatement(c);
      case 'method':
        if (c.is('identifier', undefined, 1)) return functionDeclaration(c, 'method_declaration');
        break;
      case 'type':
      case 'enum':
        if (c.is('identifier', undefined, 1) && !c.op('=', 2)) return typeDeclaration(c);
        break;
      case 'if':
      case 'for':
      case 'while':
      case 'switch':
        return parseCompound(c);
      case 'break':
      case 'continue':
        return c.leaf(`${t.text}_statement`);
      case 'var':
      case 'varip':
        return declaration(c);
    }
  }
  if (c.op('[')) {
    const close = matchingBracket(c, 0);
    if (close > 0 && (c.op('=', close + 1) || c.op(':=', close + 1))) return tupleDeclaration(c);
  }
  if (c.is('identifier') && c.op('(', 1) && arrowAfterParameters(c)) return functionDeclaration(c, 'function_declaration');
  if (typedDeclarationAhead(c) >= 0 || (c.is('identifier') && c.op('=', 1))) return declaration(c);
  const left = parseExpression(c);
  if (c.peek().kind === 'operator' && REASSIGN.has(c.peek().text)) {
    const operator = c.leaf('operator');
    const node = c.node('reassignment', left.startIndex).add(left, 'left').add(operator, 'operator');
    return node.add(parseValue(c), 'right');
  }
  return c.node('expression_statement', left.startIndex).add(left);
}

/** Index (relative to the cursor) of the bracket closing the one at `k`, or -1. */
function matchingBracket(c: Cursor, k: number): number {
  let depth = 0;
  for (let i = k; ; i++) {
    const t = c.peek(i);
    if (t.kind === 'eof' || t.kind === 'newline') return -1;
    if (t.kind === 'operator' && (t.text === '(' || t.text === '[')) depth++;
    else if (t.kind === 'operator' && (t.text === ')' || t.text === ']') && --depth === 0) return i;
  }
}

function arrowAfterParameters(c: Cursor): boolean {
  const close = matchingBracket(c, 1);
  return close > 0 && c.op('=>', close + 1);
}

/**
 * Where the name of a typed declaration sits (`float x =`, `series int x =`, `array<float> a =`,
 * `chart.point p =`, `int[] xs =`), relative to the cursor; -1 when this is not one.
 */
function typedDeclarationAhead(c: Cursor): number {
  let k = 0;
  if (c.keyword('var') || c.keyword('varip')) k++;
  while (c.is('identifier', undefined, k) && QUALIFIERS.has(c.peek(k).text) && c.is('identifier', undefined, k + 1)) k++;
  if (!c.is('identifier', undefined, k)) return -1;
  k++;
  while (c.op('.', k) && c.is('identifier', undefined, k + 1)) k += 2;
  if (c.op('<', k)) {
    let depth = 0;
    for (; ; k++) {
      const t = c.peek(k);
      if (t.text === '<') depth++;
      else if (t.text === '>') { if (--depth === 0) { k++; break; } }
      else if (!(t.kind === 'identifier' || t.text === ',' || t.text === '.')) return -1;
    }
  }
  if (c.op('[', k) && c.op(']', k + 1)) k += 2;
  return c.is('identifier', undefined, k) && c.op('=', k + 1) ? k : -1;
}

function declaration(c: Cursor): PineNode {
  const node = c.node('variable_declaration', c.peek().start);
  if (c.keyword('var') || c.keyword('varip')) node.add(c.leaf('modifier'), 'modifier');
  const nameAt = typedDeclarationAhead(c);
  if (nameAt > 0) {
    const typeStart = c.peek().start;
    while (c.pos < c.pos + nameAt && !(c.is('identifier') && c.op('=', 1))) {
      if (c.op('<')) typeArguments(c);
      else c.next();
    }
    node.add(c.node('type', typeStart, c.lastEnd), 'type');
  }
  if (!c.is('identifier')) return c.error(c.pos, [node]);
  node.add(c.leaf('identifier'), 'name');
  if (!c.expect('=')) return node;
  return node.add(parseValue(c), 'value');
}

function tupleDeclaration(c: Cursor): PineNode {
  const pattern = c.node('tuple_pattern', c.peek().start);
  c.next(); // [
  while (!c.op(']') && !c.atStatementEnd()) {
    if (c.is('identifier')) pattern.add(c.leaf('identifier'));
    else if (!c.op(',')) pattern.add(c.error(c.pos));
    if (c.op(',')) c.next();
  }
  c.expect(']');
  pattern.endIndex = Math.max(pattern.endIndex, c.lastEnd);
  const node = c.node('tuple_declaration', pattern.startIndex).add(pattern, 'left');
  node.add(c.leaf('operator'), 'operator');
  return node.add(parseValue(c), 'value');
}

function importStatement(c: Cursor): PineNode {
  const node = c.node('import_statement', c.peek().start);
  c.next();
  const pathStart = c.peek().start;
  while (!c.atStatementEnd() && !c.keyword('as')) c.next();
  node.add(c.node('import_path', pathStart, Math.max(pathStart, c.lastEnd)), 'path');
  if (c.keyword('as')) {
    c.next();
    if (c.is('identifier')) node.add(c.leaf('identifier'), 'alias');
  }
  return node;
}

function functionDeclaration(c: Cursor, type: string): PineNode {
  const node = c.node(type, c.peek().start);
  if (c.keyword('method')) c.next();
  node.add(c.leaf('identifier'), 'name');
  node.add(parameters(c), 'parameters');
  c.expect('=>');
  return node.add(body(c), 'body');
}

function parameters(c: Cursor): PineNode {
  const list = c.node('parameters', c.peek().start);
  c.expect('(');
  while (!c.op(')') && !c.atStatementEnd()) {
    const before = c.pos;
    const p = c.node('parameter', c.peek().start);
    // Qualifiers and a type before the name: `simple int len = 14`, `array<float> xs`.
    while (c.is('identifier') && (c.is('identifier', undefined, 1) || c.op('<', 1) || c.op('.', 1) || (c.op('[', 1) && c.op(']', 2)))) {
      c.next();
      if (c.op('<')) typeArguments(c);
      while (c.op('.') || (c.op('[') && c.op(']', 1))) { c.next(); c.next(); }
    }
    if (c.is('identifier')) p.add(c.leaf('identifier'), 'name');
    if (c.op('=')) {
      c.next();
      p.add(parseExpression(c), 'default');
    }
    p.endIndex = Math.max(p.endIndex, c.lastEnd);
    list.add(p);
    listSeparator(c, list, ')', before);
  }
  return closeList(c, list, ')');
}

/** A block on the following lines, or an expression/statement on the same line. */
function body(c: Cursor): PineNode {
  if (c.is('newline') && c.is('indent', undefined, 1)) return block(c);
  if (c.is('indent')) return block(c);
  if (c.atStatementEnd()) return c.error(c.pos);
  return parseStatement(c);
}

function block(c: Cursor): PineNode {
  if (c.is('newline')) c.next();
  const node = c.node('block', c.peek().start);
  c.next(); // indent
  parseStatements(c, node);
  if (c.is('dedent')) c.next();
  node.endIndex = Math.max(node.startIndex, node.endIndex);
  return node;
}

/** `if`, `for`, `while`, `switch`: statements and expressions alike. */
export function parseCompound(c: Cursor): PineNode {
  const t = c.peek();
  if (c.depth >= MAX_DEPTH) return skipLine(c, c.pos);
  c.depth++;
  try {
    if (t.text === 'if') return ifStatement(c);
    if (t.text === 'while') {
      c.next();
      const node = c.node('while_statement', t.start).add(parseExpression(c), 'condition');
      return node.add(body(c), 'body');
    }
    if (t.text === 'for') return forStatement(c);
    return switchStatement(c);
  } finally {
    c.depth--;
  }
}

function ifStatement(c: Cursor): PineNode {
  const node = c.node('if_statement', c.next().start);
  node.add(parseExpression(c), 'condition');
  node.add(body(c), 'consequence');
  // `else` sits on the line after the block, at the `if`'s level.
  const k = c.is('newline') ? 1 : 0;
  if (c.keyword('else', k)) {
    if (k) c.next();
    const elseToken = c.next();
    const clause = c.node('else_clause', elseToken.start, elseToken.end);
    clause.add(c.keyword('if') ? ifStatement(c) : body(c), 'body');
    node.add(clause, 'alternative');
  }
  return node;
}

function forStatement(c: Cursor): PineNode {
  const start = c.next().start;
  let left: PineNode;
  if (c.op('[')) {
    left = c.node('tuple_pattern', c.next().start);
    while (!c.op(']') && !c.atStatementEnd()) {
      if (c.is('identifier')) left.add(c.leaf('identifier'));
      else if (!c.op(',')) left.add(c.error(c.pos));
      if (c.op(',')) c.next();
    }
    c.expect(']');
    left.endIndex = Math.max(left.endIndex, c.lastEnd);
  } else if (c.is('identifier')) left = c.leaf('identifier');
  else left = c.error(c.pos);
  if (c.keyword('in')) {
    c.next();
    const node = c.node('for_in_statement', start).add(left, 'left').add(parseExpression(c), 'right');
    return node.add(body(c), 'body');
  }
  const node = c.node('for_statement', start).add(left, 'left');
  if (c.expect('=')) node.add(parseExpression(c), 'start');
  if (c.expect('to')) node.add(parseExpression(c), 'end');
  if (c.keyword('by')) {
    c.next();
    node.add(parseExpression(c), 'step');
  }
  return node.add(body(c), 'body');
}

function switchStatement(c: Cursor): PineNode {
  const node = c.node('switch_statement', c.next().start);
  if (!c.atStatementEnd()) node.add(parseExpression(c), 'subject');
  if (!(c.is('newline') && c.is('indent', undefined, 1))) return node;
  c.next();
  c.next();
  while (!c.is('eof') && !c.is('dedent')) {
    if (c.is('newline')) { c.next(); continue; }
    const before = c.pos;
    const caseNode = c.node('switch_case', c.peek().start);
    if (!c.op('=>')) caseNode.add(parseExpression(c), 'pattern');
    if (c.expect('=>')) caseNode.add(body(c), 'body');
    node.add(caseNode);
    if (!c.atStatementEnd() && c.tokens[c.pos - 1]?.kind !== 'dedent') node.add(skipLine(c, c.pos));
    if (c.pos === before) node.add(c.error(c.pos));
  }
  if (c.is('dedent')) c.next();
  return node;
}

/** `type Name` / `enum Name` with one field per indented line (`float price = na`, `long = "Long"`). */
function typeDeclaration(c: Cursor): PineNode {
  const keyword = c.next();
  const node = c.node(keyword.text === 'enum' ? 'enum_declaration' : 'type_declaration', keyword.start);
  node.add(c.leaf('identifier'), 'name');
  if (!(c.is('newline') && c.is('indent', undefined, 1))) return node;
  c.next();
  c.next();
  while (!c.is('eof') && !c.is('dedent')) {
    if (c.is('newline')) { c.next(); continue; }
    const start = c.pos;
    const field = c.node('field_declaration', c.peek().start);
    while (c.is('identifier') && (c.is('identifier', undefined, 1) || c.op('<', 1) || c.op('.', 1) || (c.op('[', 1) && c.op(']', 2)))) {
      c.next();
      if (c.op('<')) typeArguments(c);
      while (c.op('.') || (c.op('[') && c.op(']', 1))) { c.next(); c.next(); }
    }
    if (c.is('identifier')) field.add(c.leaf('identifier'), 'name');
    if (c.op('=')) {
      c.next();
      field.add(parseExpression(c), 'default');
    }
    field.endIndex = Math.max(field.endIndex, c.lastEnd);
    node.add(c.atStatementEnd() && c.pos > start ? field : skipLine(c, start, [field]));
    if (c.pos === start) node.add(c.error(c.pos));
  }
  if (c.is('dedent')) c.next();
  return node;
}
