// The language server: LSP wiring only (analysis lives in ./engine). One module per concern
// under ./features, all sharing one document pipeline (./lint-pipeline.ts) for files and
// notebooks; Strategy Lint's own requests are typed in ./protocol.ts, shared with the client.
// Run as `node dist/server.js --stdio` (any editor) or over node-ipc (the VS Code client).
import * as fs from 'fs';
import { CodeActionKind, ProposedFeatures, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from './code-actions';
import { EXECUTED_COMMANDS, registerActions } from './features/actions';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocuments } from './features/documents';
import { registerHover } from './features/hover';
import { registerLens } from './features/lens';
import { NOTEBOOK_DOCUMENT_SYNC, registerNotebooks } from './features/notebooks';
import { registerRequests } from './features/requests';
import { LintPipeline } from './lint-pipeline';
import { ServerContext } from './server-context';

export function startServer(connection: Connection): void {
  const ctx = new ServerContext(connection);
  const pipeline = new LintPipeline(ctx);

  connection.onInitialize((params): InitializeResult => {
    ctx.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: EXECUTED_COMMANDS },
        notebookDocumentSync: NOTEBOOK_DOCUMENT_SYNC,
        diagnosticProvider: ctx.supportsPull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'strategy-lint', version: '0.1.0' },
    };
  });

  const notebooks = registerNotebooks(connection, pipeline);
  const diagnostics = registerDiagnostics(connection, ctx, pipeline, notebooks);
  registerDocuments(connection, ctx, pipeline, diagnostics);
  registerHover(connection, pipeline, notebooks);
  registerActions(connection, pipeline, notebooks);
  registerLens(connection, pipeline);
  registerRequests(connection, pipeline);
  connection.listen();
}

// Entry point when bundled as dist/server.js.
if (require.main === module) {
  process.on('uncaughtException', (error) => {
    try {
      fs.writeSync(2, `strategy-lint: uncaught ${error?.stack ?? error}\n`);
    } catch {
      // stderr closed: nothing left to tell.
    }
  });
  startServer(createConnection(ProposedFeatures.all));
}
