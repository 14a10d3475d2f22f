// Text document sync for files (notebooks: notebooks.ts), and the workspace events that make
// every lint stale: configuration, workspace folders, files changed on disk.
import { DidChangeConfigurationNotification, type Connection } from 'vscode-languageserver';
import { isLintedDocument, RESULT_FILE, type LintPipeline } from '../lint-pipeline';
import type { ServerContext } from '../server-context';
import { uriToPath } from '../uri';
import type { FileDiagnostics } from './diagnostics';

export function registerDocuments(connection: Connection, ctx: ServerContext, pipeline: LintPipeline, diagnostics: FileDiagnostics): void {
  connection.onDidOpenTextDocument(({ textDocument }) => {
    const python = isLintedDocument(textDocument.languageId, textDocument.uri);
    // Result files are kept for hovers over their keys and to show their diagnostics while open;
    // only strategies (Python, Pine) are linted.
    if (!python && !RESULT_FILE.test(textDocument.uri)) return;
    pipeline.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    if (python) void diagnostics.publish(textDocument.uri).catch((e) => pipeline.failed(e));
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (!pipeline.change(textDocument.uri, textDocument.version ?? 0, contentChanges)) return;
    void pipeline.schedule(textDocument.uri, () => diagnostics.publish(textDocument.uri));
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const wasPython = !RESULT_FILE.test(textDocument.uri);
    pipeline.close(textDocument.uri);
    if (wasPython && !ctx.supportsPull) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    ctx.forgetSettings(undefined, change.settings);
    diagnostics.refreshAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    // A re-run backtest rewrites its result file: forget it so the next lint reads it again.
    pipeline.filesChanged(changes.map((c) => uriToPath(c.uri)));
    diagnostics.refreshAll();
  });

  connection.onInitialized(() => {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      ctx.changeRoots(event.added.map((f) => f.uri), event.removed.map((f) => f.uri));
      diagnostics.refreshAll();
    });
    if (ctx.supportsConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
    void ctx.parserReady.then(() => pipeline.ready(), (e) => pipeline.failed(e));
  });
}
