// A notebook's code cells as ONE Python program (cell order, joined with "\n"), so facts flow
// across cells (a scaler fitted in cell 3 and used in cell 7), plus the mapping of findings,
// positions and edits between that program and the cells.
//
// IPython syntax is neutralised without moving any column: the first character of a line magic
// (`%time ...`), a cell magic (`%%time`), a shell escape (`!pip ...`, `x = !ls` is left alone as it
// is not at a line start) or a help line (`df.head?`) becomes `#`. A cell magic whose body is not
// Python (`%%bash`, `%%writefile`, `%%sql`, ...) has every non-blank line commented the same way.
// Lengths never change, so an offset in a cell is the same offset in the program, shifted.
import { LineIndex } from '../text';
import type { Finding, Position, Range, TextEdit } from '../types';

/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'python', 'python3', 'memit', 'px', 'ipython']);

export interface ProgramCellInput<K> {
  key: K;
  text: string;
  /** How messages name the cell, e.g. `cell 3`. */
  label: string;
}

export interface ProgramCell<K> {
  key: K;
  label: string;
  /** The cell's own text (as the user sees it). */
  text: string;
  lines: LineIndex;
  /** Offset of the cell's first character in the program text. */
  offset: number;
  /** Cell-relative offsets of characters replaced by `#`. */
  neutralised: number[];
}

export interface CellFinding<K> {
  cell: ProgramCell<K>;
  /** The finding with ranges relative to the cell (related ranges relative to their own cell). */
  finding: Finding;
  /** For each related location in the same document, the cell it lies in. */
  relatedCells: (ProgramCell<K> | undefined)[];
}

export interface CellEdit<K> {
  cell: ProgramCell<K>;
  edit: TextEdit;
}

/** Neutralises IPython-only lines in one cell (same length); returns the text and replaced offsets. */
export function neutraliseCell(text: string): { text: string; neutralised: number[] } {
  const neutralised: number[] = [];
  const chars = text.split('');
  const lines = new LineIndex(text);
  let commentAll = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.offsetAt({ line, character: 0 });
    const content = lines.lineText(line);
    const indent = content.length - content.trimStart().length;
    const body = content.slice(indent);
    if (!body) continue;
    let hit = false;
    if (commentAll) hit = true;
    else if (body.startsWith('%%') && line === firstNonBlankLine(lines)) {
      const name = /^%%(\w+)/.exec(body)?.[1] ?? '';
      if (!PYTHON_CELL_MAGICS.has(name)) commentAll = true;
      hit = true;
    } else if (body[0] === '%' || body[0] === '!' || body[0] === '?' || /^[\w.\[\]'"]+\?\??$/.test(body)) hit = true;
    if (hit) {
      const at = start + indent;
      chars[at] = '#';
      neutralised.push(at);
    }
  }
  return { text: neutralised.length ? chars.join('') : text, neutralised };
}

function firstNonBlankLine(lines: LineIndex): number {
  for (let line = 0; line < lines.lineCount; line++) if (lines.lineText(line).trim()) return line;
  return -1;
}

export class NotebookProgram<K> {
  /** The program handed to the linter (neutralised cells joined with "\n"). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly cells: ProgramCell<K>[];

  constructor(inputs: ProgramCellInput<K>[]) {
    const parts: string[] = [];
    const cells: ProgramCell<K>[] = [];
    let offset = 0;
    for (const input of inputs) {
      const { text, neutralised } = neutraliseCell(input.text);
      cells.push({ key: input.key, label: input.label, text: input.text, lines: new LineIndex(input.text), offset, neutralised });
      parts.push(text);
      offset += text.length + 1;
    }
    this.cells = cells;
    this.text = parts.join('\n');
    this.lines = new LineIndex(this.text);
  }

  /** The cell holding a program offset (an offset on a separator belongs to the cell before it). */
  cellIndexAt(offset: number): number {
    let low = 0;
    let high = this.cells.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.cells[mid].offset <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  cellOf(key: K): ProgramCell<K> | undefined {
    return this.cells.find((c) => c.key === key);
  }

  /** Program position -> cell and cell position (clamped into the cell). */
  toCell(position: Position): { cell: ProgramCell<K>; position: Position } | undefined {
    if (this.cells.length === 0) return undefined;
    const offset = this.lines.offsetAt(position);
    const cell = this.cells[this.cellIndexAt(offset)];
    return { cell, position: cell.lines.positionAt(offset - cell.offset) };
  }

  /** Cell position -> program position. */
  fromCell(cell: ProgramCell<K>, position: Position): Position {
    return this.lines.positionAt(cell.offset + cell.lines.offsetAt(position));
  }

  fromCellRange(cell: ProgramCell<K>, range: Range): Range {
    return { start: this.fromCell(cell, range.start), end: this.fromCell(cell, range.end) };
  }

  /** A program range as a range in the cell where it starts, its end clipped to that cell. */
  toCellRange(range: Range): { cell: ProgramCell<K>; range: Range } | undefined {
    if (this.cells.length === 0) return undefined;
    const start = this.lines.offsetAt(range.start);
    const end = Math.max(start, this.lines.offsetAt(range.end));
    const cell = this.cells[this.cellIndexAt(start)];
    const last = cell.offset + cell.text.length;
    return { cell, range: cell.lines.rangeOf(Math.min(start, last) - cell.offset, Math.min(end, last) - cell.offset) };
  }

  /** An edit of the program as an edit of one cell; undefined when it spans cells or touches a neutralised magic. */
  toCellEdit(edit: TextEdit): CellEdit<K> | undefined {
    if (this.cells.length === 0) return undefined;
    const start = this.lines.offsetAt(edit.range.start);
    const end = this.lines.offsetAt(edit.range.end);
    const cell = this.cells[this.cellIndexAt(start)];
    if (end < start || end > cell.offset + cell.text.length) return undefined;
    const s = start - cell.offset;
    const e = end - cell.offset;
    if (cell.neutralised.some((n) => s <= n && n < e)) return undefined;
    return { cell, edit: { range: cell.lines.rangeOf(s, e), newText: edit.newText } };
  }

  /** All edits of a fix, per cell; undefined when any of them cannot be mapped. */
  toCellEdits(edits: TextEdit[]): CellEdit<K>[] | undefined {
    const out: CellEdit<K>[] = [];
    for (const edit of edits) {
      const mapped = this.toCellEdit(edit);
      if (!mapped) return undefined;
      out.push(mapped);
    }
    return out;
  }

  /** "line 42" in a message means a program line: name the cell and its line instead. */
  rewriteMessage(message: string): string {
    return message.replace(/\bline (\d+)\b/g, (whole, n: string) => {
      const at = this.toCell({ line: Number(n) - 1, character: 0 });
      return at ? `${at.cell.label}, line ${at.position.line + 1}` : whole;
    });
  }

  /** A program finding in cell coordinates; a fix is kept only if every edit maps into one cell. */
  toCellFinding(finding: Finding): CellFinding<K> | undefined {
    const at = this.toCellRange(finding.range);
    if (!at) return undefined;
    const mapped: Finding = { ...finding, message: this.rewriteMessage(finding.message), range: at.range };
    delete mapped.fix;
    delete mapped.related;
    if (finding.fix) {
      const edits = this.toCellEdits(finding.fix.edits);
      // Fix edits are expressed per cell through `fixEdits`; a fix confined to the finding's cell
      // keeps its usual shape so single-document consumers can use it unchanged.
      if (edits && edits.every((e) => e.cell === at.cell)) mapped.fix = { ...finding.fix, edits: edits.map((e) => e.edit) };
    }
    const relatedCells: (ProgramCell<K> | undefined)[] = [];
    if (finding.related) {
      mapped.related = finding.related.map((r) => {
        if (r.file) {
          relatedCells.push(undefined);
          return r;
        }
        const rel = this.toCellRange(r.range);
        relatedCells.push(rel?.cell);
        return { ...r, message: this.rewriteMessage(r.message), range: rel?.range ?? r.range };
      });
    }
    return { cell: at.cell, finding: mapped, relatedCells };
  }
}
