// The language server: LSP wiring only. Analysis lives in ./engine.
// Run as `node dist/server.js --stdio` (any editor) or over node-ipc (the VS Code client).
import * as fs from 'fs';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { codeActionsFor, FIX_ALL_KIND, SHOW_RULE_DOC_COMMAND } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { initPythonParser } from './engine/python/parser';
import { findRule } from './engine/rules/registry';
import { hoverAt } from './hover';
import { LintService } from './lint-service';
import { DocumentStore, type OpenDocument } from './python-documents';
import { ruleDocUri } from './rule-docs';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

export function startServer(connection: Connection): void {
  const store = new DocumentStore();
  const log = (message: string) => connection.console.log(message);
  const lints = new LintService(store, (m) => connection.console.error(m));
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let globalSettings: ServerSettings = DEFAULT_SETTINGS;
  let supportsConfiguration = false;
  let supportsPull = false;
  let parserReady: Promise<unknown> = Promise.resolve();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsPull = !!params.capabilities.textDocument?.diagnostic;
    if (params.initializationOptions && typeof params.initializationOptions === 'object') {
      globalSettings = normalizeSettings((params.initializationOptions as { settings?: unknown }).settings ?? params.initializationOptions);
    }
    parserReady = initPythonParser();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SHOW_RULE_DOC_COMMAND] },
        diagnosticProvider: supportsPull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'strategy-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (supportsConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
  });

  function settingsFor(uri: string): Promise<ServerSettings> {
    if (!supportsConfiguration) return Promise.resolve(globalSettings);
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'strategyLint' })
        .then(normalizeSettings, () => globalSettings);
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  async function lintEntry(entry: OpenDocument) {
    await parserReady;
    const settings = await settingsFor(entry.document.uri);
    return lints.lint(entry, settings);
  }

  async function publish(uri: string): Promise<void> {
    const entry = store.get(uri);
    if (!entry || supportsPull) return;
    const version = entry.document.version;
    const lint = await lintEntry(entry);
    // A newer version arrived while we waited: its own run will publish.
    if (store.get(uri)?.document.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: lint.findings.map((f) => toDiagnostic(f, uri)) });
  }

  async function schedule(uri: string): Promise<void> {
    clearTimeout(timers.get(uri));
    const settings = await settingsFor(uri);
    if (settings.debounceMs <= 0) {
      timers.delete(uri);
      return publish(uri).catch((e) => log(`lint failed: ${e}`));
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri).catch((e) => log(`lint failed: ${e}`));
      }, settings.debounceMs),
    );
  }

  function refreshAll(): void {
    lints.invalidate();
    if (supportsPull) void connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const entry of store.all()) void publish(entry.document.uri);
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    if (textDocument.languageId !== 'python' && !textDocument.uri.endsWith('.py')) return;
    store.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    void publish(textDocument.uri).catch((e) => log(`lint failed: ${e}`));
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (!store.change(textDocument.uri, textDocument.version ?? 0, contentChanges)) return;
    lints.forget(textDocument.uri);
    void schedule(textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    clearTimeout(timers.get(textDocument.uri));
    store.close(textDocument.uri);
    lints.forget(textDocument.uri);
    settingsCache.delete(textDocument.uri);
    if (!supportsPull) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!supportsConfiguration) globalSettings = normalizeSettings((change.settings as { strategyLint?: unknown } | undefined)?.strategyLint);
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(() => refreshAll());

  connection.languages.diagnostics.on(async (params, token) => {
    const entry = store.get(params.textDocument.uri);
    if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const lint = await lintEntry(entry);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: lint.findings.map((f) => toDiagnostic(f, params.textDocument.uri)) };
  });

  connection.onHover(async (params, token) => {
    const entry = store.get(params.textDocument.uri);
    if (!entry) return null;
    const lint = await lintEntry(entry);
    if (token.isCancellationRequested) return null;
    return hoverAt(lint, params.position);
  });

  connection.onCodeAction(async (params, token) => {
    const entry = store.get(params.textDocument.uri);
    if (!entry) return [];
    const lint = await lintEntry(entry);
    if (token.isCancellationRequested) return [];
    return codeActionsFor(lint, params);
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_RULE_DOC_COMMAND) return null;
    const rule = findRule(String(params.arguments?.[0] ?? ''));
    if (!rule) return null;
    const uri = ruleDocUri(rule.name);
    await connection.window.showDocument({ uri, external: false }).catch(() => undefined);
    return uri;
  });

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
