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
import * as path from 'path';
import { codeActionsFor, FIX_ALL_KIND, SHOW_RULE_DOC_COMMAND } from './code-actions';
import { resultLenses } from './engine/results/lens';
import { ConfigDiagnostics } from './config-diagnostics';
import { ResultDiagnostics } from './result-diagnostics';
import { uriToPath } from './uri';
import { toDiagnostic } from './diagnostics';
import { initPythonParser } from './engine/python/parser';
import { findRule } from './engine/rules/registry';
import { allTerms, getTerm } from './engine/glossary/glossary';
import { renderTermMarkdown } from './engine/glossary/render';
import { csvHeaderHover, jsonKeyHover, pythonTermHover } from './glossary-hover';
import { hoverAt } from './hover';
import { applyUserGlossaries } from './user-glossary';
import { isInside } from './engine/paths';
import { LintSession } from './engine/session';
import { LintService } from './lint-service';
import { DocumentStore, type OpenDocument } from './python-documents';
import { NOTEBOOK_DOCUMENT_SYNC, registerNotebookSupport } from './notebook-sync';
import { ruleDocUri } from './rule-docs';
import { REPORT_DATA_REQUEST, reportDataRequest } from './report/request';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

/** How long result-folder listings are trusted without a file event (clients that watch nothing). */
const RESULT_LISTING_TTL_MS = 3000;

export function startServer(connection: Connection): void {
  const store = new DocumentStore();
  const log = (message: string) => connection.console.log(message);
  const resultDiagnostics = new ResultDiagnostics(connection);
  let workspaceRoots: string[] = [];
  let workspaceTrusted = true;
  // One input assembler for files and notebooks. Its folder listings live until a watched result
  // or configuration file changes, or a few seconds for clients that send no file events.
  const session = new LintSession({
    /** The workspace folder holding a file (result paths must stay inside it); else its own folder. */
    rootFor: (file) =>
      workspaceRoots.filter((root) => isInside(root, file)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file),
    trusted: () => workspaceTrusted,
    listings: { kind: 'watched', ttlMs: RESULT_LISTING_TTL_MS },
  });
  const rootFor = (file: string) => session.rootFor(file);
  const lints = new LintService(store, (m) => connection.console.error(m), session);
  const configDiagnostics = new ConfigDiagnostics(connection, log);
  const publishedResultsFor = new WeakSet<object>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let globalSettings: ServerSettings = DEFAULT_SETTINGS;
  let supportsConfiguration = false;
  let supportsPull = false;
  let parserReady: Promise<unknown> = Promise.resolve();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsPull = !!params.capabilities.textDocument?.diagnostic;
    workspaceRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])).map((f) => uriToPath(f.uri));
    workspaceTrusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    if (params.initializationOptions && typeof params.initializationOptions === 'object') {
      globalSettings = normalizeSettings((params.initializationOptions as { settings?: unknown }).settings ?? params.initializationOptions);
    }
    parserReady = initPythonParser();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SHOW_RULE_DOC_COMMAND] },
        notebookDocumentSync: NOTEBOOK_DOCUMENT_SYNC,
        diagnosticProvider: supportsPull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'strategy-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
      workspaceRoots = [...workspaceRoots.filter((r) => !removed.has(r)), ...event.added.map((f) => uriToPath(f.uri))];
      refreshAll();
    });
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
  const notebooks = registerNotebookSupport(connection, { settingsFor, session, ready: () => parserReady, supportsPull: () => supportsPull, log: (m) => connection.console.error(m) });

  // Linted documents: Python, and TradingView Pine scripts (the engine picks the parser by path).
  const isPython = (entry: OpenDocument) => entry.document.languageId === 'python' || entry.document.uri.endsWith('.py') || entry.document.languageId === 'pine' || entry.document.uri.endsWith('.pine');
  const RESULT_FILE = /\.(json|csv|fthypt)$/i;
  const reportedGlossaryProblems = new Set<string>();

  async function lintEntry(entry: OpenDocument) {
    await parserReady;
    const settings = await settingsFor(entry.document.uri);
    if (settings.glossaryFiles.length) {
      for (const problem of applyUserGlossaries(settings.glossaryFiles, rootFor(uriToPath(entry.document.uri)))) {
        if (!reportedGlossaryProblems.has(problem)) connection.console.warn(problem);
        reportedGlossaryProblems.add(problem);
      }
    }
    const lint = lints.lint(entry, settings);
    if (!publishedResultsFor.has(lint)) {
      publishedResultsFor.add(lint);
      resultDiagnostics.update(entry.document.uri, lint.output, lint.findings);
      configDiagnostics.update(entry.document.uri, lint.configFile);
    }
    return lint;
  }

  async function publish(uri: string): Promise<void> {
    const entry = store.get(uri);
    if (!entry || supportsPull || !isPython(entry)) return;
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
    notebooks.refresh();
    if (supportsPull) void connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const entry of store.all()) void publish(entry.document.uri).catch((e) => log(`lint failed: ${e}`));
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const python = textDocument.languageId === 'python' || textDocument.uri.endsWith('.py') || textDocument.languageId === 'pine' || textDocument.uri.endsWith('.pine');
    // Result files are kept for hovers over their keys; only Python is linted.
    if (!python && !RESULT_FILE.test(textDocument.uri)) return;
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
    resultDiagnostics.update(textDocument.uri, undefined, []);
    settingsCache.delete(textDocument.uri);
    if (!supportsPull) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!supportsConfiguration) globalSettings = normalizeSettings((change.settings as { strategyLint?: unknown } | undefined)?.strategyLint);
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    // A re-run backtest rewrites its result file: forget it so the next lint reads it again.
    for (const change of changes) session.fileChanged(uriToPath(change.uri));
    refreshAll();
  });

  connection.onCodeLens(async (params) => {
    const entry = store.get(params.textDocument.uri);
    if (!entry || !isPython(entry)) return [];
    const lint = await lintEntry(entry);
    if (!lint.output) return [];
    return resultLenses(lint.output, uriToPath(params.textDocument.uri)).map((lens) => ({
      range: lens.range,
      command: { title: lens.title, command: '', tooltip: lens.detail } as { title: string; command: string },
    }));
  });

  connection.languages.diagnostics.on(async (params, token) => {
    if (notebooks.owns(params.textDocument.uri)) return notebooks.diagnostics(params);
    const entry = store.get(params.textDocument.uri);
    if (!entry || !isPython(entry)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const lint = await lintEntry(entry);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: lint.findings.map((f) => toDiagnostic(f, params.textDocument.uri)) };
  });

  connection.onHover(async (params, token) => {
    if (notebooks.owns(params.textDocument.uri)) return notebooks.hover(params, token);
    const entry = store.get(params.textDocument.uri);
    if (!entry) return null;
    if (!isPython(entry)) {
      const text = entry.document.getText();
      const term = /\.csv$/i.test(entry.document.uri) ? csvHeaderHover(text, params.position) : jsonKeyHover(text, params.position);
      return term ? { contents: { kind: 'markdown', value: term.markdown }, range: term.range } : null;
    }
    const lint = await lintEntry(entry);
    if (token.isCancellationRequested) return null;
    return hoverAt(lint, params.position, pythonTermHover);
  });

  // "Strategy Lint: Explain Term...": the client lists terms and shows one.
  connection.onRequest('strategyLint/glossaryTerms', () => allTerms().map((t) => ({ id: t.id, title: t.title, aliases: t.aliases })));
  connection.onRequest('strategyLint/explainTerm', (params: { id: string }) => {
    const term = getTerm(String(params?.id ?? ''));
    return term ? { title: term.title, markdown: renderTermMarkdown(term) } : null;
  });

  // "Strategy Lint: Show Overfitting Report": the report data of an open strategy.
  connection.onRequest(REPORT_DATA_REQUEST, (params: { uri: string }) => reportDataRequest(params, store, lintEntry));

  connection.onCodeAction(async (params, token) => {
    if (notebooks.owns(params.textDocument.uri)) return notebooks.codeActions(params, token);
    const entry = store.get(params.textDocument.uri);
    if (!entry || !isPython(entry)) return [];
    const lint = await lintEntry(entry);
    if (token.isCancellationRequested) return [];
    const settings = await settingsFor(entry.document.uri);
    return codeActionsFor(lint, params, () => lints.fixAllText(entry, settings));
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
