// The VS Code client: starts the language server and stays thin (output channel, status item,
// restart). Everything that analyses code lives in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerReportPanel, reportCodeLensMiddleware } from './report-panel';

let client: LanguageClient | undefined;
let statusItem: vscode.LanguageStatusItem | undefined;

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

  statusItem = vscode.languages.createLanguageStatusItem('strategyLint.status', [{ language: 'python' }, { language: 'pine' }]);
  statusItem.name = 'Strategy Lint';
  statusItem.text = 'Strategy Lint: starting';
  statusItem.command = { title: 'Show Output', command: 'strategyLint.showOutput' };

  const start = async () => {
    client = new LanguageClient('strategyLint', 'Strategy Lint', serverOptions, clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (!statusItem) return;
      statusItem.text = newState === State.Running ? 'Strategy Lint' : newState === State.Starting ? 'Strategy Lint: starting' : 'Strategy Lint: stopped';
      statusItem.severity = newState === State.Stopped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    });
    await client.start();
  };

  context.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand('strategyLint.showOutput', () => output.show(true)),
    registerReportPanel(context, () => client),
    vscode.commands.registerCommand('strategyLint.explainTerm', async () => {
      if (!client) return;
      const terms = await client.sendRequest<{ id: string; title: string; aliases: string[] }[]>('strategyLint/glossaryTerms');
      const pick = await vscode.window.showQuickPick(
        terms.map((t) => ({ label: t.title, description: t.aliases.slice(0, 4).join(', '), id: t.id })),
        { placeHolder: 'Explain a term', matchOnDescription: true },
      );
      if (!pick) return;
      const term = await client.sendRequest<{ title: string; markdown: string } | null>('strategyLint/explainTerm', { id: pick.id });
      if (!term) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: term.markdown });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    }),
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
