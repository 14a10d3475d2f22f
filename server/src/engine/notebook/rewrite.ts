// Writing changed cell sources back into the notebook's original text: only the `source` values of
// the cells that changed are replaced; every other byte (outputs, metadata, key order, number
// formatting) stays. A list-of-lines source stays a list (one element per line, laid out like the
// original array), a string source stays a string.
import type { NotebookCellSource } from './nbformat';

/** Python's str.splitlines(keepends=True) for \n, \r\n and \r (what nbformat stores). */
export function splitSourceLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Whitespace at the start of the line holding `offset`. */
function lineIndentAt(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The notebook's indentation unit: what precedes its first key (nbformat writes one space). */
export function detectIndentUnit(text: string): string {
  const m = /^\uFEFF?\{(\r?\n)([ \t]*)"/.exec(text);
  return m ? m[2] : '';
}

function serialiseList(fileText: string, cell: NotebookCellSource, lines: string[]): string {
  const [start, end] = cell.sourceSpan!;
  const original = fileText.slice(start, end);
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const items = lines.map((l) => JSON.stringify(l));
  if (items.length === 0) return '[]';
  const multiLine = /[\r\n]/.test(original);
  if (!multiLine && original !== '[]') return `[${items.join(', ')}]`;
  let elementIndent: string;
  let closingIndent: string;
  const first = /^\[([ \t]*\r?\n)([ \t]*)\S/.exec(original);
  if (multiLine && first) {
    elementIndent = first[2];
    closingIndent = /\r?\n([ \t]*)\]$/.exec(original)?.[1] ?? lineIndentAt(fileText, cell.keyOffset ?? start);
  } else {
    // `[]` (or an odd layout): indent like the notebook, one unit deeper than the "source" key.
    const unit = detectIndentUnit(fileText);
    if (!unit) return `[${items.join(', ')}]`;
    closingIndent = lineIndentAt(fileText, cell.keyOffset ?? start);
    elementIndent = closingIndent + unit;
  }
  return `[${eol}${items.map((i) => elementIndent + i).join(`,${eol}`)}${eol}${closingIndent}]`;
}

/** The notebook text with the given cells' sources replaced (cell index -> new source). */
export function rewriteNotebookSources(fileText: string, cells: NotebookCellSource[], changed: Map<number, string>): string {
  const bom = fileText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? fileText.slice(1) : fileText;
  const spans: { start: number; end: number; text: string }[] = [];
  for (const [index, source] of changed) {
    const cell = cells.find((c) => c.index === index);
    if (!cell?.sourceSpan || cell.source === source) continue;
    const text = cell.sourceForm === 'string' ? JSON.stringify(source) : serialiseList(body, cell, splitSourceLines(source));
    spans.push({ start: cell.sourceSpan[0], end: cell.sourceSpan[1], text });
  }
  spans.sort((a, b) => b.start - a.start);
  let out = body;
  for (const span of spans) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return (bom ? fileText[0] : '') + out;
}
