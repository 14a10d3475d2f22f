// Edits that add a rule to a `# strategy-lint: ignore[...]` (line) or `ignore-file[...]` (file)
// directive, merging into an existing directive instead of writing a second comment.
import type { SyntaxIndex } from '../python/syntax-index';
import type { Directives, SuppressionDirective } from '../suppressions';
import type { LineIndex } from '../text';
import type { TextEdit } from '../types';

function mergeInto(directive: SuppressionDirective, rule: string): TextEdit | null {
  if (directive.rules.length === 0) return null; // already silences every rule
  if (directive.rules.some((r) => r.text === rule)) return null;
  const last = directive.rules[directive.rules.length - 1];
  return { range: { start: last.range.end, end: last.range.end }, newText: `, ${rule}` };
}

/** Edit that silences `rule` on `line`, or null when it cannot be done safely or is already done. */
export function ignoreOnLineEdit(rule: string, line: number, lines: LineIndex, index: SyntaxIndex, directives: Directives): TextEdit | null {
  const existing = directives.suppressions.find((d) => d.kind === 'line' && d.line === line);
  if (existing) return mergeInto(existing, rule);
  const endOffset = lines.lineEnd(line);
  // A comment cannot go at the end of a line that ends inside a multi-line string.
  const text = lines.lineText(line);
  const lastCode = lines.offsetAt({ line, character: text.trimEnd().length }) - 1;
  if (lastCode >= 0) {
    const node = index.root.descendantForIndex(lastCode);
    for (let n: typeof node | null = node; n; n = n.parent) {
      if (n.type === 'string' && n.endPosition.row > line) return null;
    }
  }
  const position = lines.positionAt(endOffset);
  const trimmed = text.trimEnd();
  const padding = trimmed.length === text.length ? '  ' : '';
  return { range: { start: position, end: position }, newText: `${padding}${directives.lineComment ?? '#'} strategy-lint: ignore[${rule}]` };
}

/** Edit that silences `rule` in the whole file, placed after a shebang / encoding line. */
export function ignoreInFileEdit(rule: string, lines: LineIndex, directives: Directives): TextEdit | null {
  const existing = directives.suppressions.find((d) => d.kind === 'file');
  if (existing) return mergeInto(existing, rule);
  const comment = directives.lineComment ?? '#';
  let line = 0;
  // After a shebang / encoding line (Python) or the `//@version=` annotation (Pine).
  const leading = comment === '#' ? /^#!|^#.*coding[:=]/ : /^\/\/\s*@version\s*=/;
  while (line < Math.min(2, lines.lineCount) && leading.test(lines.lineText(line))) line++;
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${comment} strategy-lint: ignore-file[${rule}]${eol}` };
}
