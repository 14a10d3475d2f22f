// `# strategy-lint: results=path[, path...]` comments in a strategy file name its result files
// explicitly (paths relative to the strategy file); Pine scripts write them as `//` comments.
import { scan } from '../pine/lexer';

export interface ResultsDirective {
  path: string;
  /** Character offset/length of the path inside the strategy text, for diagnostics. */
  offset: number;
  length: number;
}

const DIRECTIVE = /#\s*strategy-lint\s*:\s*results\s*=\s*(.*)$/gm;

const PINE_DIRECTIVE = /\/\/\s*strategy-lint\s*:\s*results\s*=\s*(.*)$/gm;

/** `# strategy-lint: results=` in Python, `// strategy-lint: results=` in Pine (`language: 'pine'`). */
export function parseResultsDirectives(text: string, language: 'python' | 'pine' = 'python'): ResultsDirective[] {
  const out: ResultsDirective[] = [];
  if (!text.includes('strategy-lint')) return out;
  const comments = language === 'pine' ? new Set(scan(text).filter((t) => t.kind === 'comment').map((t) => t.start)) : commentStarts(text);
  for (const m of text.matchAll(language === 'pine' ? PINE_DIRECTIVE : DIRECTIVE)) {
    // Directives live in comments: a `# strategy-lint: results=` inside a docstring or a string is text.
    if (!comments.has(m.index ?? -1)) continue;
    const listStart = (m.index ?? 0) + m[0].replace(/\r$/, '').length - m[1].replace(/\r$/, '').length;
    let offset = listStart;
    for (const raw of m[1].replace(/\r$/, '').split(',')) {
      const lead = raw.length - raw.trimStart().length;
      let value = raw.trim();
      let start = offset + lead;
      if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
        value = value.slice(1, -1);
        start += 1;
      }
      if (value) out.push({ path: value, offset: start, length: value.length });
      offset += raw.length + 1;
    }
  }
  return out;
}

/**
 * Offsets of the `#` characters that start a comment: outside any string literal (single, double or
 * triple quoted, with or without a prefix; a backslash escapes the next character in every kind).
 */
export function commentStarts(text: string): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      out.add(i);
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length;
      while (i < text.length) {
        if (text[i] === '\\') i += 2;
        else if (text.startsWith(quote, i)) { i += quote.length; break; }
        // An unterminated one-line string ends at the line's end (a syntax error, not a reason to hide the rest).
        else if (quote.length === 1 && text[i] === '\n') break;
        else i += 1;
      }
    } else i += 1;
  }
  return out;
}
