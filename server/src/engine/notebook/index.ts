// Jupyter notebooks for the engine: nbformat reading, code cells as one program, fixes per cell.
// Pure (no LSP, no file system); the CLI and the language server adapt it.
import { applyEdits, selectFixes } from '../fixes/apply';
import type { LintOutput } from '../lint';
import type { Finding } from '../types';
import { isPythonNotebook, type ParsedNotebook } from './nbformat';
import { NotebookProgram, type CellEdit, type CellFinding } from './program';

export * from './nbformat';
export * from './program';
export * from './rewrite';

/** How cells are numbered to users: 1-based among ALL cells (markdown and raw included), as `cells[N-1]` in the file. */
export const cellLabel = (index: number) => `cell ${index + 1}`;

/** The notebook's code cells (keyed by their index among all cells) as one program. */
export function notebookProgram(notebook: ParsedNotebook, sources?: Map<number, string>): NotebookProgram<number> {
  const code = isPythonNotebook(notebook) ? notebook.cells.filter((c) => c.kind === 'code') : [];
  return new NotebookProgram(code.map((c) => ({ key: c.index, text: sources?.get(c.index) ?? c.source, label: cellLabel(c.index) })));
}

/** Why a notebook has nothing to lint, if so. */
export function nothingToLint(notebook: ParsedNotebook): string | undefined {
  if (!isPythonNotebook(notebook)) return `the kernel language is ${notebook.language}, not Python; nothing to check`;
  if (!notebook.cells.some((c) => c.kind === 'code')) return 'no code cells; nothing to check';
  return undefined;
}

export function cellFindings<K>(program: NotebookProgram<K>, findings: Finding[]): CellFinding<K>[] {
  return findings.map((f) => program.toCellFinding(f)).filter((f): f is CellFinding<K> => !!f);
}

/** The edits of a program finding's fix, per cell; undefined when there is none or one spans cells. */
export function fixCellEdits<K>(program: NotebookProgram<K>, finding: Finding): CellEdit<K>[] | undefined {
  return finding.fix ? program.toCellEdits(finding.fix.edits) : undefined;
}

export interface NotebookFixResult {
  /** New source per changed cell index. */
  changed: Map<number, string>;
  fixed: number;
  /** The lint of the final program (caller releases). */
  output: LintOutput;
  program: NotebookProgram<number>;
}

/**
 * Applies fixes in rounds as the CLI does for a .py file, but only fixes whose every edit stays
 * inside one cell (and off the neutralised magic characters).
 */
export function fixNotebook(notebook: ParsedNotebook, lint: (text: string) => LintOutput, includeUnsafe: boolean): NotebookFixResult {
  const sources = new Map<number, string>();
  let program = notebookProgram(notebook);
  let output = lint(program.text);
  let fixed = 0;
  for (let round = 0; round < 5; round++) {
    const candidates = output.findings.filter((f) => fixCellEdits(program, f));
    const { applied } = selectFixes(candidates, program.lines, includeUnsafe);
    if (applied.length === 0) break;
    const perCell = new Map<number, CellEdit<number>[]>();
    for (const finding of applied) {
      for (const edit of fixCellEdits(program, finding)!) {
        const list = perCell.get(edit.cell.key) ?? [];
        list.push(edit);
        perCell.set(edit.cell.key, list);
      }
    }
    for (const [key, edits] of perCell) {
      const cell = edits[0].cell;
      sources.set(key, applyEdits(cell.text, cell.lines, edits.map((e) => e.edit)));
    }
    fixed += applied.length;
    output.release();
    program = notebookProgram(notebook, sources);
    output = lint(program.text);
  }
  const changed = new Map([...sources].filter(([index, text]) => notebook.cells.find((c) => c.index === index)?.source !== text));
  return { changed, fixed, output, program };
}
