// Pine Script tokens with exact offsets, and Pine's layout: a block is a deeper indentation (4
// spaces by convention, a tab counts 4) after a line that opens one (`if`, `for`, `=>`...); a
// deeper line anywhere else, or any line after one ending in an operator, continues the previous
// line; inside brackets, line breaks mean nothing. Never throws: unknown characters become `error` tokens.

export type TokenKind =
  | 'identifier'
  | 'keyword'
  | 'integer'
  | 'float'
  | 'string'
  | 'color'
  | 'operator'
  | 'comment'
  | 'newline'
  | 'indent'
  | 'dedent'
  | 'error'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text (empty for layout tokens). */
  text: string;
  start: number;
  end: number;
}

export const KEYWORDS = new Set([
  'and', 'or', 'not', 'if', 'else', 'for', 'to', 'by', 'in', 'while', 'switch', 'var', 'varip',
  'import', 'export', 'method', 'type', 'enum', 'true', 'false', 'break', 'continue', 'as',
]);

/** Keywords that, anywhere on a logical line outside brackets, make a deeper next line a block. */
const BLOCK_OPENERS = new Set(['if', 'else', 'for', 'while', 'switch', 'type', 'enum']);

// Longest first, so `:=` wins over `:` and `=>` over `=`.
const OPERATORS = ['==', '!=', '<=', '>=', ':=', '=>', '+=', '-=', '*=', '/=', '%=', '+', '-', '*', '/', '%', '<', '>', '=', '?', ':', ',', '.', '(', ')', '[', ']'];

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);

/** Raw tokens, comments included, without layout. */
export function scan(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 0xfeff) { i++; continue; }
    if (c === 10) { out.push({ kind: 'newline', text: '', start: i, end: i + 1 }); i++; continue; }
    const start = i;
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      // A comment's range stops before a CR so it ends on its own LSP line.
      let end = i;
      while (end > start && text.charCodeAt(end - 1) === 13) end--;
      out.push({ kind: 'comment', text: text.slice(start, end), start, end });
      continue;
    }
    if (c === 34 || c === 39) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) { i += 2; continue; }
        if (d === 10) break; // unterminated: the string ends with its line
        i++;
        if (d === c) break;
      }
      i = Math.min(i, n);
      out.push({ kind: 'string', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 35) {
      i++;
      while (i < n && /[0-9a-fA-F]/.test(text[i])) i++;
      out.push({ kind: i - start > 1 ? 'color' : 'error', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let float = false;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text[i] === '.' && !isIdentStart(text.charCodeAt(i + 1))) {
        float = true;
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text.charCodeAt(i + 1)) || ((text[i + 1] === '-' || text[i + 1] === '+') && isDigit(text.charCodeAt(i + 2))))) {
        float = true;
        i += 2;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      out.push({ kind: float ? 'float' : 'integer', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      out.push({ kind: KEYWORDS.has(word) ? 'keyword' : 'identifier', text: word, start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      i += op.length;
      out.push({ kind: 'operator', text: op, start, end: i });
      continue;
    }
    // Any other character (a stray `@`, `$`, `;`): an error token the parser skips.
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    out.push({ kind: 'error', text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** Indentation width of the line starting at `lineStart` (tab = 4) and where its text begins. */
function indentAt(text: string, lineStart: number): { width: number; textStart: number } {
  let width = 0;
  let i = lineStart;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return { width, textStart: i };
}

/**
 * Inside brackets a line break is layout-free, except that a next line at or left of the current
 * block's indentation that does not close a bracket means a bracket was left open: the statement
 * ends there, so one typo does not swallow the rest of the file.
 */
function unclosedBracket(text: string, raw: Token[], k: number, top: number): boolean {
  let j = k + 1;
  while (j < raw.length && (raw[j].kind === 'newline' || raw[j].kind === 'comment')) j++;
  const next = raw[j];
  if (!next) return true;
  if (next.kind === 'operator' && (next.text === ')' || next.text === ']')) return false;
  const lineStart = text.lastIndexOf('\n', next.start - 1) + 1;
  return indentAt(text, lineStart).width <= top && top === 0 ? isStatementStart(next) : indentAt(text, lineStart).width < top;
}

const DANGLING = new Set(['+', '-', '*', '/', '%', '?', ':', ',', '==', '!=', '<', '>', '<=', '>=', '=', ':=', '+=', '-=', '*=', '/=', '%=', '(', '[', '.']);

/** false when the token leaves an expression unfinished (`a +`, `cond ?`, `x and`). */
function endsExpression(t: Token): boolean {
  if (t.kind === 'operator') return !DANGLING.has(t.text);
  if (t.kind === 'keyword') return !['and', 'or', 'not'].includes(t.text);
  return true;
}

/** Tokens that start a statement at the left margin (a declaration, a keyword statement). */
function isStatementStart(t: Token): boolean {
  if (t.kind === 'keyword') return ['if', 'for', 'while', 'switch', 'var', 'varip', 'import', 'export', 'method', 'type', 'enum'].includes(t.text);
  return t.kind === 'identifier';
}

export interface Layout {
  /** Tokens the parser reads: no comments, with newline/indent/dedent for the block structure. */
  tokens: Token[];
  comments: Token[];
}

/** Tokens with Pine's block structure. */
export function tokenize(text: string): Layout {
  const raw = scan(text);
  const comments: Token[] = [];
  const tokens: Token[] = [];
  const stack = [0];
  let depth = 0; // bracket depth
  let lineHasCode = false;
  let opensBlock = false;
  let lastCode: Token | undefined;
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    if (t.kind === 'comment') { comments.push(t); continue; }
    if (t.kind === 'newline') {
      if (!lineHasCode) continue;
      if (depth > 0 && !unclosedBracket(text, raw, k, stack[stack.length - 1])) continue;
      depth = 0;
      // Find the next line that holds code and decide: continuation, same level, block, or dedent.
      let j = k + 1;
      while (j < raw.length && (raw[j].kind === 'newline' || raw[j].kind === 'comment')) j++;
      const next = raw[j];
      // Only comments and blank lines remain: keep scanning so those comments are kept.
      if (!next) continue;
      const lineStart = text.lastIndexOf('\n', next.start - 1) + 1;
      const { width } = indentAt(text, lineStart);
      const top = stack[stack.length - 1];
      const endsWithArrow = lastCode?.kind === 'operator' && lastCode.text === '=>';
      const opener = opensBlock || endsWithArrow;
      // A line cannot end with a binary operator: the next line at this level or deeper continues it.
      if (width >= top && lastCode && endsExpression(lastCode) === false) continue;
      // Deeper after a block opener is a block (4 spaces by convention; some scripts use 2);
      // deeper anywhere else continues the line.
      if (width > top && !opener) continue;
      tokens.push({ kind: 'newline', text: '', start: t.start, end: t.start });
      lineHasCode = false;
      opensBlock = false;
      if (width > top) {
        stack.push(width);
        tokens.push({ kind: 'indent', text: '', start: lineStart, end: lineStart });
      } else {
        while (stack.length > 1 && width < stack[stack.length - 1]) {
          stack.pop();
          tokens.push({ kind: 'dedent', text: '', start: next.start, end: next.start });
        }
      }
      continue;
    }
    if (t.kind === 'operator') {
      if (t.text === '(' || t.text === '[') depth++;
      else if ((t.text === ')' || t.text === ']') && depth > 0) depth--;
    }
    if (t.kind === 'keyword' && depth === 0 && BLOCK_OPENERS.has(t.text)) opensBlock = true;
    lineHasCode = true;
    lastCode = t;
    tokens.push(t);
  }
  const end = text.length;
  if (lineHasCode) tokens.push({ kind: 'newline', text: '', start: end, end });
  while (stack.length > 1) {
    stack.pop();
    tokens.push({ kind: 'dedent', text: '', start: end, end });
  }
  tokens.push({ kind: 'eof', text: '', start: end, end });
  demoteContextualKeywords(tokens);
  return { tokens, comments };
}

/** `method`, `type` and `enum` are keywords only where a declaration starts; elsewhere they are names. */
export function demoteContextualKeywords(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'keyword' || !['method', 'type', 'enum'].includes(t.text)) continue;
    const prev = tokens[i - 1];
    const atLineStart = !prev || prev.kind === 'newline' || prev.kind === 'indent' || prev.kind === 'dedent' || (prev.kind === 'keyword' && prev.text === 'export');
    if (!atLineStart || tokens[i + 1]?.kind !== 'identifier') t.kind = 'identifier';
  }
}
