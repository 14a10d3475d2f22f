// Jupyter notebooks over LSP notebook document sync (notebookDocument/didOpen|didChange|didSave|
// didClose). A notebook's Python code cells are linted as ONE program in cell order (see
// engine/notebook); diagnostics are published per cell URI, and hovers and code actions in a cell
// are answered from the notebook's cached lint, their positions and edits mapped between the cell
// and the program. A fix whose edit would span cells (or rewrite a magic) is not offered. The
// program goes through the same pipeline as a file (configuration, trust, results, debounce).
import {
  NotebookCellKind,
  NotebookDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type NotebookDocument,
  type NotebookDocumentSyncOptions,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, FIX_ALL_KIND } from '../code-actions';
import { toDiagnostic } from '../diagnostics';
import { selectFixes } from '../engine/fixes/apply';
import { ignoreOnLineEdit } from '../engine/fixes/suppression-edits';
import { cellLabel, NotebookProgram, type CellEdit } from '../engine/notebook';
import type { Finding } from '../engine/types';
import { pythonTermHover } from '../glossary-hover';
import { hoverAt } from '../hover';
import type { LintPipeline } from '../lint-pipeline';
import type { DocumentLint } from '../lint-service';

/** The server capability: Jupyter notebooks (and the interactive window), their Python cells. */
export const NOTEBOOK_DOCUMENT_SYNC: NotebookDocumentSyncOptions = {
  // Every cell is synced, markdown included: cell labels ("cell 9") count all cells, as the
  // notebook shows them; only Python code cells are linted.
  notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' } }, { notebook: { notebookType: 'interactive' } }],
  save: true,
};

export interface NotebookSupport {
  /** True for the URI of a cell of an open notebook (its requests are answered here). */
  owns(uri: string): boolean;
  /** True for the URI of an open notebook itself (its program is a document of the pipeline). */
  isNotebook(uri: string): boolean;
  hover(params: HoverParams, token?: CancellationToken): Promise<Hover | null>;
  codeActions(params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]>;
  /** The edit that ignores `rule` on a cell's line, keyed by cell URI. */
  ignoreOnLine(cellUri: string, line: number, rule: string): Promise<Record<string, TextEdit[]> | undefined>;
  /** Settings or result files changed: lint every notebook again. */
  refresh(): void;
}

interface NotebookState {
  version: number;
  program: NotebookProgram<string>;
  /** Cell URIs diagnostics were last published for (to clear removed cells). */
  published: Set<string>;
}

export function registerNotebooks(connection: Connection, pipeline: LintPipeline): NotebookSupport {
  const notebooks = new NotebookDocuments(TextDocument);
  const states = new Map<string, NotebookState>();

  /** Rebuilds the program from the notebook's Python code cells (cell labels count ALL cells). */
  function rebuild(notebook: NotebookDocument): NotebookState {
    const previous = states.get(notebook.uri);
    const inputs: { key: string; text: string; label: string }[] = [];
    notebook.cells.forEach((cell, index) => {
      if (cell.kind !== NotebookCellKind.Code) return;
      const doc = notebooks.getCellTextDocument(cell);
      if (!doc || doc.languageId !== 'python') return;
      inputs.push({ key: cell.document, text: doc.getText(), label: cellLabel(index) });
    });
    const program = new NotebookProgram(inputs);
    const version = (previous?.version ?? 0) + 1;
    pipeline.open(notebook.uri, 'python', version, program.text, previous !== undefined);
    const state: NotebookState = { version, program, published: previous?.published ?? new Set() };
    states.set(notebook.uri, state);
    return state;
  }

  async function lintOf(notebookUri: string): Promise<{ state: NotebookState; lint: DocumentLint } | undefined> {
    const state = states.get(notebookUri);
    const entry = pipeline.store.get(notebookUri);
    if (!state || !entry) return undefined;
    return { state, lint: await pipeline.lint(entry) };
  }

  /** Diagnostics per cell URI (every code cell gets an entry, possibly empty). */
  function cellDiagnostics(state: NotebookState, findings: Finding[]): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>(state.program.cells.map((c) => [c.key, []]));
    for (const finding of findings) {
      const mapped = state.program.toCellFinding(finding);
      if (!mapped) continue;
      const diagnostic = toDiagnostic(mapped.finding, mapped.cell.key, pipeline.resultLocations);
      diagnostic.relatedInformation?.forEach((info, i) => {
        const cell = mapped.relatedCells[i];
        if (cell) info.location.uri = cell.key;
      });
      out.get(mapped.cell.key)!.push(diagnostic);
    }
    return out;
  }

  async function publish(notebookUri: string): Promise<void> {
    const result = await lintOf(notebookUri);
    if (!result || states.get(notebookUri) !== result.state) return;
    const { state, lint } = result;
    // Cell diagnostics are always pushed: VS Code's client does not pull diagnostics for
    // notebook cells (seen in code-server), even when it pulls them for text documents.
    const perCell = cellDiagnostics(state, lint.findings);
    for (const uri of state.published) if (!perCell.has(uri)) perCell.set(uri, []);
    state.published = new Set(state.program.cells.map((c) => c.key));
    for (const [uri, diagnostics] of perCell) {
      // Closed or changed while earlier cells were being sent: the newer state publishes.
      if (states.get(notebookUri) !== state) return;
      const cell = notebooks.getNotebookCell(uri);
      const version = cell ? notebooks.getCellTextDocument(cell)?.version : undefined;
      await connection.sendDiagnostics({ uri, version, diagnostics });
    }
  }

  notebooks.onDidOpen((notebook) => {
    rebuild(notebook);
    void publish(notebook.uri).catch((e) => pipeline.failed(e));
  });
  notebooks.onDidChange(({ notebookDocument }) => {
    rebuild(notebookDocument);
    void pipeline.schedule(notebookDocument.uri, () => publish(notebookDocument.uri));
  });
  notebooks.onDidClose((notebook) => {
    const state = states.get(notebook.uri);
    states.delete(notebook.uri);
    pipeline.close(notebook.uri);
    const uris = new Set([...(state?.published ?? []), ...notebook.cells.map((c) => c.document)]);
    for (const uri of uris) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  notebooks.listen(connection);

  /** The notebook and program cell of a cell URI. */
  const locate = (uri: string) => {
    const notebook = notebooks.findNotebookDocumentForCell(uri);
    const state = notebook && states.get(notebook.uri);
    const cell = state?.program.cellOf(uri);
    return notebook && state && cell ? { notebook, cell } : undefined;
  };

  /** Program edits -> a per-cell workspace edit; undefined when one would span cells. */
  function cellChanges(program: NotebookProgram<string>, edits: TextEdit[]): Record<string, TextEdit[]> | undefined {
    const mapped = program.toCellEdits(edits);
    if (!mapped) return undefined;
    return groupEdits(mapped);
  }

  return {
    owns: (uri) => !!notebooks.findNotebookDocumentForCell(uri),
    isNotebook: (uri) => states.has(uri),

    async hover(params, token) {
      const at = locate(params.textDocument.uri);
      if (!at) return null;
      const result = await lintOf(at.notebook.uri);
      if (!result || token?.isCancellationRequested) return null;
      const { program } = result.state;
      const cell = program.cellOf(params.textDocument.uri);
      if (!cell) return null;
      const hover = hoverAt(result.lint, program.fromCell(cell, params.position), {
        glossary: pythonTermHover,
        // "ignore" edits the cell the line is in.
        ignoreTarget: (line) => {
          const at = program.toCellRange({ start: { line, character: 0 }, end: { line, character: 0 } });
          return at ? { uri: at.cell.key, line: at.range.start.line } : undefined;
        },
      });
      if (hover?.range) {
        const range = program.toCellRange(hover.range);
        if (range?.cell === cell) hover.range = range.range;
        else delete hover.range;
      }
      return hover;
    },

    async codeActions(params, token) {
      const at = locate(params.textDocument.uri);
      if (!at) return [];
      const result = await lintOf(at.notebook.uri);
      if (!result || token?.isCancellationRequested) return [];
      const { program } = result.state;
      const cell = program.cellOf(params.textDocument.uri);
      if (!cell) return [];
      const notebookUri = at.notebook.uri;
      // Into program coordinates, answer as for a file, then back into cells.
      const originals = params.context.diagnostics;
      const diagnostics = originals.map((d) => ({ ...d, range: program.fromCellRange(cell, d.range) }));
      const actions = codeActionsFor(result.lint, {
        ...params,
        textDocument: { uri: notebookUri },
        range: program.fromCellRange(cell, params.range),
        context: { ...params.context, diagnostics },
      });
      const out: CodeAction[] = [];
      for (const action of actions) {
        if (action.kind === FIX_ALL_KIND) continue;
        const back = action.diagnostics?.map((d) => originals[diagnostics.indexOf(d)] ?? d);
        if (action.edit?.changes) {
          const changes = cellChanges(program, action.edit.changes[notebookUri] ?? []);
          if (!changes) continue;
          out.push({ ...action, diagnostics: back, edit: { changes } });
        } else out.push({ ...action, diagnostics: back });
      }
      const only = params.context.only;
      if (!only || only.some((k) => FIX_ALL_KIND.startsWith(k) || k === 'source')) {
        const fixAll = notebookFixAll(program, result.lint);
        if (fixAll) out.push(fixAll);
      }
      return out;
    },

    async ignoreOnLine(cellUri, line, rule) {
      const at = locate(cellUri);
      if (!at) return undefined;
      const result = await lintOf(at.notebook.uri);
      const output = result?.lint.output;
      if (!result || !output) return undefined;
      const { program } = result.state;
      const programLine = program.fromCell(at.cell, { line, character: 0 }).line;
      const edit = ignoreOnLineEdit(rule, programLine, output.lines, output.index, output.directives);
      return edit ? cellChanges(program, [edit]) : undefined;
    },

    refresh() {
      for (const uri of states.keys()) void publish(uri).catch((e) => pipeline.failed(e));
    },
  };
}

function groupEdits(edits: CellEdit<string>[]): Record<string, TextEdit[]> {
  const changes: Record<string, TextEdit[]> = {};
  for (const { cell, edit } of edits) (changes[cell.key] ??= []).push(edit);
  return changes;
}

/** Every safe fix whose edits each stay inside one cell, as one multi-cell workspace edit. */
function notebookFixAll(program: NotebookProgram<string>, lint: DocumentLint): CodeAction | undefined {
  const output = lint.output;
  if (!output) return undefined;
  const mappable = lint.findings.filter((f) => f.fix && program.toCellEdits(f.fix.edits));
  const { applied } = selectFixes(mappable, output.lines, false);
  if (applied.length === 0) return undefined;
  const edits = applied.flatMap((f) => program.toCellEdits(f.fix!.edits)!);
  return {
    title: `Strategy Lint: fix all safe problems (${applied.length})`,
    kind: FIX_ALL_KIND,
    edit: { changes: groupEdits(edits) },
  };
}
