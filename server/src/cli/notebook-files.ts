// `strategy-lint check` on Jupyter notebooks (.ipynb, nbformat 4). The code cells are linted as one
// program in cell order (engine/notebook); findings are reported per cell:
//
//   file.ipynb:cell N:LINE:COL: CODE [rule] message
//
// N is 1-based among ALL cells of the notebook (markdown and raw cells count), i.e. the finding is
// in `cells[N-1]` of the file; LINE and COL are 1-based within that cell's source. JSON rows add a
// `cell` field (and `line`/`column` are within the cell); SARIF points at the notebook file, at the
// file line holding that source line, with the cell coordinates in `properties`.
// Nothing in a notebook is executed: magics and shell escapes are neutralised, outputs skipped.
// `--fix` rewrites only the `source` of the cells it changes; outputs and metadata stay byte-for-byte.
import * as fs from 'fs';
import type { LintInput, LintOutput } from '../engine/lint';
import { lintPython } from '../engine/lint';
import { cellFindings, fixNotebook, notebookProgram, nothingToLint, parseNotebook, rewriteNotebookSources, type ParsedNotebook } from '../engine/notebook';
import { readSourceFile } from './files';
import type { FileFindings } from './formats';

const MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024;

export const isNotebookPath = (file: string) => /\.ipynb$/i.test(file);

export interface NotebookCheckOptions {
  /** The lint input for a program text (path, config, result association), as for a .py file. */
  input: (text: string) => LintInput;
  fix: boolean;
  unsafe: boolean;
  /** Progress and notes (fixed N problems, nothing to check). */
  note: (line: string) => void;
}

/** Lints (and with --fix, fixes) one notebook; a broken notebook is an error line, never a throw. */
export function checkNotebookFile(file: string, options: NotebookCheckOptions): FileFindings | { error: string } {
  // Outputs (images, tables) make notebooks large; only the code cells are linted, so the cap
  // here is the result-file one, not the source-file one.
  const read = readSourceFile(file, MAX_NOTEBOOK_BYTES);
  if ('error' in read) return { error: read.error };
  const parsed = parseNotebook(read.text);
  if ('error' in parsed) return { error: parsed.error };
  let notebook: ParsedNotebook = parsed.notebook;
  const empty = nothingToLint(notebook);
  if (empty) {
    options.note(`${file}: ${empty}`);
    return { file, findings: [] };
  }
  const lint = (text: string): LintOutput => lintPython(options.input(text));
  let output: LintOutput;
  let program = notebookProgram(notebook);
  if (options.fix) {
    const fixed = fixNotebook(notebook, lint, options.unsafe);
    output = fixed.output;
    program = fixed.program;
    if (fixed.changed.size > 0) {
      const text = rewriteNotebookSources(read.text, notebook.cells, fixed.changed);
      const again = parseNotebook(text);
      if ('error' in again) {
        output.release();
        return { error: `internal error: the fixed notebook would not be valid (${again.error}); left unchanged` };
      }
      fs.writeFileSync(file, text);
      notebook = again.notebook;
      options.note(`${file}: fixed ${fixed.fixed} problem${fixed.fixed === 1 ? '' : 's'} in ${cellList([...fixed.changed.keys()])}`);
    }
  } else output = lint(program.text);
  output.release();
  const mapped = cellFindings(program, output.findings);
  return {
    file,
    findings: mapped.map((m) => m.finding),
    cells: mapped.map((m) => m.cell.key + 1),
    relatedCells: mapped.map((m) => m.relatedCells.map((c) => (c ? c.key + 1 : undefined))),
    fileLines: mapped.map((m) => {
      const cell = notebook.cells[m.cell.key];
      const lines = cell?.elementLines ?? [];
      return (cell?.sourceForm === 'list' ? lines[m.finding.range.start.line] : lines[0]) ?? 0;
    }).map((l) => l + 1),
  };
}

function cellList(indices: number[]): string {
  const labels = indices.sort((a, b) => a - b).map((i) => String(i + 1));
  return labels.length === 1 ? `cell ${labels[0]}` : `cells ${labels.join(', ')}`;
}
