// `# strategy-lint: ...` directives in comments: line and file suppressions (as Ruff's noqa),
// plus data directives (`results=`, `trials=`). A directive's syntax is parsed from the comment
// token tree-sitter gives us, never from raw source lines.
import type { CommentInfo } from './python/syntax-index';
import type { Range } from './types';

export interface SuppressionDirective {
  kind: 'line' | 'file';
  /** Rule names or codes as written; empty = every rule. */
  rules: { text: string; range: Range }[];
  /** Range of the whole directive inside the comment. */
  range: Range;
  /** 0-based line the directive applies to (its own line). */
  line: number;
  comment: CommentInfo;
}

export interface DataDirective {
  key: string;
  value: string;
  range: Range;
  valueRange: Range;
  /** UTF-16 offset of the value in the file's text. */
  valueOffset: number;
}

export interface Directives {
  suppressions: SuppressionDirective[];
  data: DataDirective[];
  /** How a line comment starts in this language, when not `#` (Pine: `//`). */
  lineComment?: string;
}

const DIRECTIVE = /strategy-lint:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?|strategy-lint:\s*([a-z-]+)\s*=\s*(\S.*?)\s*$/g;

export function parseDirectives(comments: CommentInfo[]): Directives {
  const out: Directives = { suppressions: [], data: [] };
  for (const comment of comments) {
    if (!comment.text.includes('strategy-lint:')) continue;
    const { row, column } = comment.node.startPosition;
    const at = (offset: number, length: number): Range => ({
      start: { line: row, character: column + offset },
      end: { line: row, character: column + offset + length },
    });
    // tree-sitter's comment token runs up to the \n, so in CRLF files it ends with the \r.
    for (const match of comment.text.replace(/\r+$/, '').matchAll(DIRECTIVE)) {
      const start = match.index ?? 0;
      if (match[1]) {
        const listStart = match[0].indexOf('[') + 1;
        const rules: { text: string; range: Range }[] = [];
        if (match[2] !== undefined) {
          let cursor = 0;
          for (const part of match[2].split(',')) {
            const text = part.trim();
            const inner = part.indexOf(text);
            if (text) rules.push({ text, range: at(start + listStart + cursor + inner, text.length) });
            cursor += part.length + 1;
          }
        }
        out.suppressions.push({
          kind: match[1] === 'ignore-file' ? 'file' : 'line',
          rules,
          range: at(start, match[0].length),
          line: row,
          comment,
        });
      } else if (match[3] && match[4] !== undefined) {
        const valueStart = start + match[0].lastIndexOf(match[4]);
        out.data.push({ key: match[3], value: match[4], range: at(start, match[0].length), valueRange: at(valueStart, match[4].length), valueOffset: comment.node.startIndex + valueStart });
      }
    }
  }
  return out;
}
