// The VS Code client: starts the language server and stays thin (output channel, status item,
// restart). Everything that analyses code lives in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommands, ServerCommands } from '../../server/src/protocol';
import { registerDocumentationView } from './documentation-view';
import { registerReportPanel, reportCodeLensMiddleware } from './report-panel';
import { ServerStatusItem } from './status-item';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Strategy Lint', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      // TradingView Pine Script strategies (.pine).
      { scheme: 'file', language: 'pine' },
      { scheme: 'untitled', language: 'pine' },
      // Python cells of Jupyter notebooks: synced as notebooks (the server lints a notebook's cells as one program).
      { notebook: '*', language: 'python' },
      // Result files: diagnostics at their keys and glossary hovers over them.
      { scheme: 'file', pattern: '**/*.{json,csv,fthypt}' },
    ],
    outputChannel: output,
    // Hover links run these commands (and no other): "ignore" and "Show documentation".
    markdown: { isTrusted: { enabledCommands: [ServerCommands.ignoreOnLine, ServerCommands.showRuleDoc, ClientCommands.showDocumentation] }, supportHtml: false },
    // In an untrusted workspace the server ignores paths named by configuration files too
    // (VS Code already withholds the restricted settings).
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    // The result CodeLens opens the overfitting report.
    middleware: { provideCodeLenses: reportCodeLensMiddleware },
    synchronize: {
      configurationSection: 'strategyLint',
      // Result files change when a backtest is re-run: the server re-reads them.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,csv,fthypt,zip,xlsx,toml}'),
    },
  };

  const status = new ServerStatusItem();

  const start = async () => {
    client = new LanguageClient('strategyLint', 'Strategy Lint', serverOptions, clientOptions);
    status.follow(client);
    await client.start().catch((error) => status.failed(error));
  };

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('strategyLint.showOutput', () => output.show(true)),
    registerReportPanel(context, () => client),
    registerDocumentationView(() => client),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop().catch(() => undefined);
      await start();
    }),
    vscode.commands.registerCommand('strategyLint.restartServer', async () => {
      await client?.stop().catch(() => undefined);
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
