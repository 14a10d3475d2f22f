// Diagnostics of open files: pushed (publishDiagnostics) after each debounced lint, or pulled
// (textDocument/diagnostic) by clients that ask; notebook cells are always pushed (notebooks.ts).
import { DocumentDiagnosticReportKind, type Connection, type FullDocumentDiagnosticReport } from 'vscode-languageserver';
import { toDiagnostic } from '../diagnostics';
import { isPythonEntry, type LintPipeline } from '../lint-pipeline';
import type { ServerContext } from '../server-context';
import type { NotebookSupport } from './notebooks';

export interface FileDiagnostics {
  /** Lints the file now and pushes its diagnostics (push clients only). */
  publish(uri: string): Promise<void>;
  /** Everything may have changed: re-lint files and notebooks, or ask pull clients to pull. */
  refreshAll(): void;
}

export function registerDiagnostics(connection: Connection, ctx: ServerContext, pipeline: LintPipeline, notebooks: NotebookSupport): FileDiagnostics {
  async function publish(uri: string): Promise<void> {
    const entry = pipeline.store.get(uri);
    if (!entry || ctx.supportsPull || !isPythonEntry(entry)) return;
    const version = entry.document.version;
    const lint = await pipeline.lint(entry);
    // A newer version arrived while we waited: its own run will publish.
    if (pipeline.store.get(uri)?.document.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: lint.findings.map((f) => toDiagnostic(f, uri, pipeline.resultLocations)) });
  }

  connection.languages.diagnostics.on(async (params, token): Promise<FullDocumentDiagnosticReport> => {
    const empty: FullDocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // Cell diagnostics are pushed; answering a pull too would show them twice.
    if (notebooks.owns(params.textDocument.uri)) return empty;
    const entry = pipeline.store.get(params.textDocument.uri);
    if (!entry || !isPythonEntry(entry)) return empty;
    const lint = await pipeline.lint(entry);
    if (token.isCancellationRequested) return empty;
    return { kind: DocumentDiagnosticReportKind.Full, items: lint.findings.map((f) => toDiagnostic(f, params.textDocument.uri, pipeline.resultLocations)) };
  });

  return {
    publish,
    refreshAll() {
      pipeline.invalidate();
      notebooks.refresh();
      if (ctx.supportsPull) void connection.languages.diagnostics.refresh().catch(() => undefined);
      else for (const entry of pipeline.store.all()) if (!notebooks.isNotebook(entry.document.uri)) void publish(entry.document.uri).catch((e) => pipeline.failed(e));
    },
  };
}
