// The parser's position in the token stream, with node builders. Every `parse*` function takes a
// Cursor; `depth` bounds recursion so hostile nesting ends in error nodes, not a stack overflow.
import type { Token, TokenKind } from './lexer';
import { PineNode, type PineSource } from './tree';

export const MAX_DEPTH = 200;

export class Cursor {
  pos = 0;
  depth = 0;
  readonly errors: PineNode[] = [];

  constructor(readonly tokens: Token[], readonly source: PineSource) {}

  peek(k = 0): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)];
  }

  is(kind: TokenKind, text?: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === kind && (text === undefined || t.text === text);
  }

  op(text: string, k = 0): boolean {
    return this.is('operator', text, k);
  }

  keyword(text: string, k = 0): boolean {
    return this.is('keyword', text, k);
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** Where the previous token ended (a node's end when it has no children). */
  get lastEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1].end : 0;
  }

  /** Whether the statement ends here (line break, block end, end of file). */
  atStatementEnd(): boolean {
    const k = this.peek().kind;
    return k === 'newline' || k === 'dedent' || k === 'eof' || k === 'indent';
  }

  node(type: string, start: number, end = start): PineNode {
    return new PineNode(this.source, type, start, end);
  }

  /** A leaf node from the next token. */
  leaf(type: string): PineNode {
    const t = this.next();
    return this.node(type, t.start, t.end);
  }

  /** An ERROR node over tokens [from, this.pos), or over the next token when nothing was read. */
  error(from: number, children: PineNode[] = []): PineNode {
    if (from === this.pos && !this.atStatementEnd()) this.next();
    const first = this.tokens[from];
    const start = first && from < this.pos ? first.start : this.peek().start;
    const node = this.node('ERROR', start, Math.max(start, this.lastEnd));
    for (const c of children) node.add(c);
    this.errors.push(node);
    return node;
  }

  /** Consumes `text` if it is next; otherwise records a zero-width ERROR (a missing token). */
  expect(text: string): boolean {
    if (this.op(text) || this.keyword(text)) {
      this.next();
      return true;
    }
    const at = this.peek().start;
    this.errors.push(this.node('ERROR', at, at));
    return false;
  }
}
