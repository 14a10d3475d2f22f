// The one document pipeline, for files and notebooks alike: open documents (a notebook is one
// document, its code cells joined into a program), their lint per version (configuration,
// trust, result association, user glossaries), the diagnostics that land in other files
// (result files, configuration files), debouncing, and the server status the client shows.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { ConfigDiagnostics } from './config-diagnostics';
import { LintSession } from './engine/session';
import { LintService, type DocumentLint } from './lint-service';
import { StatusNotification, type ServerStatus } from './protocol';
import { DocumentStore, type OpenDocument } from './python-documents';
import { ResultDiagnostics } from './result-diagnostics';
import { ResultLocations } from './result-locations';
import type { ServerContext } from './server-context';
import { applyUserGlossaries } from './user-glossary';
import { uriToPath } from './uri';

/** How long result-folder listings are trusted without a file event (clients that watch nothing). */
const RESULT_LISTING_TTL_MS = 3000;

export const RESULT_FILE = /\.(json|csv|fthypt)$/i;

/** Strategies the engine lints: Python, and Pine scripts (the engine picks the parser by file name). */
export function isLintedDocument(languageId: string, uri: string): boolean {
  return languageId === 'python' || languageId === 'pine' || /\.(py|pine|pinescript)$/i.test(uri);
}

export function isPythonEntry(entry: OpenDocument): boolean {
  return isLintedDocument(entry.document.languageId, entry.document.uri);
}

export class LintPipeline {
  readonly store = new DocumentStore();
  readonly lints: LintService;
  readonly resultLocations = new ResultLocations();
  readonly resultDiagnostics: ResultDiagnostics;
  private readonly configDiagnostics: ConfigDiagnostics;
  /** The engine's input assembler: configuration, trust, result association and their caches. */
  readonly session: LintSession;
  private readonly publishedOtherFiles = new WeakSet<object>();
  private readonly reportedGlossaryProblems = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly openPaths = new Set<string>();
  private readonly linted = new Set<string>();
  private status: ServerStatus = { state: 'starting', filesLinted: 0 };

  constructor(private readonly ctx: ServerContext) {
    // Folder listings and file heads for result association are remembered between keystrokes: a
    // change to a result or configuration file (the client watches them) drops them, and so
    // does age, for clients that send no file events.
    this.session = new LintSession({ rootFor: ctx.rootFor, trusted: () => ctx.trusted, listings: { kind: 'watched', ttlMs: RESULT_LISTING_TTL_MS } });
    this.lints = new LintService(this.store, ctx.error, this.session);
    this.resultDiagnostics = new ResultDiagnostics(ctx.connection, this.resultLocations, (uri) => this.openPaths.has(uriToPath(uri)));
    this.configDiagnostics = new ConfigDiagnostics(ctx.connection, ctx.log);
  }

  /**
   * Opens a document with its whole text. `replacing`: a new text of a document already open (a
   * notebook's program, rebuilt from its cells at each change), whose previous lint the next one
   * may reuse.
   */
  open(uri: string, languageId: string, version: number, text: string, replacing = false): OpenDocument {
    const entry = this.store.open(uri, languageId, version, text);
    if (replacing) this.lints.invalidate(uri);
    else this.lints.forget(uri);
    this.openPaths.add(uriToPath(uri));
    if (RESULT_FILE.test(uri)) this.resultDiagnostics.visibilityChanged(uri);
    return entry;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.store.change(uri, version, changes);
    if (entry) this.lints.invalidate(uri);
    return entry;
  }

  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.store.close(uri);
    this.lints.forget(uri);
    this.openPaths.delete(uriToPath(uri));
    this.ctx.forgetSettings(uri);
    if (RESULT_FILE.test(uri)) this.resultDiagnostics.visibilityChanged(uri);
    else this.resultDiagnostics.update(uri, undefined, []);
    if (this.linted.delete(uri)) this.setStatus({ ...this.status, filesLinted: this.linted.size });
  }

  /** The lint of an open document's current version (cached per version). */
  async lint(entry: OpenDocument): Promise<DocumentLint> {
    await this.ctx.parserReady;
    const uri = entry.document.uri;
    const settings = await this.ctx.settingsFor(uri);
    if (settings.glossaryFiles.length) {
      for (const problem of applyUserGlossaries(settings.glossaryFiles, this.ctx.rootFor(uriToPath(uri)))) {
        if (!this.reportedGlossaryProblems.has(problem)) this.ctx.connection.console.warn(problem);
        this.reportedGlossaryProblems.add(problem);
      }
    }
    let lint: DocumentLint;
    try {
      lint = this.lints.lint(entry, settings);
    } catch (error) {
      this.failed(error);
      throw error;
    }
    if (!this.publishedOtherFiles.has(lint)) {
      this.publishedOtherFiles.add(lint);
      this.resultDiagnostics.update(uri, lint.output, lint.findings);
      this.configDiagnostics.update(uri, lint.configFile);
    }
    if (this.store.get(uri) === entry) this.linted.add(uri);
    if (this.status.state !== 'ready' || this.status.filesLinted !== this.linted.size) this.setStatus({ state: 'ready', filesLinted: this.linted.size });
    return lint;
  }

  /** Computes, when called, the document's text after every safe fix (only fix-all asks). */
  async fixAll(entry: OpenDocument): Promise<() => { text: string; applied: number } | undefined> {
    const settings = await this.ctx.settingsFor(entry.document.uri);
    return () => this.lints.fixAllText(entry, settings);
  }

  /** Runs `run` after the document's debounce delay; a newer call replaces a pending one. */
  async schedule(uri: string, run: () => Promise<void>): Promise<void> {
    clearTimeout(this.timers.get(uri));
    const settings = await this.ctx.settingsFor(uri);
    const go = () => {
      this.timers.delete(uri);
      run().catch((e) => this.failed(e));
    };
    if (settings.debounceMs <= 0) go();
    else this.timers.set(uri, setTimeout(go, settings.debounceMs));
  }

  /** Settings, folders or trust changed: every document is linted again when next asked. */
  invalidate(): void {
    this.lints.invalidate();
  }

  /** Files changed on disk (results, configuration): forget what was read from them. */
  filesChanged(paths: string[]): void {
    this.resultLocations.forget();
    for (const file of paths) this.session.fileChanged(file);
    this.invalidate();
  }

  /** The server is up (the parser loaded); until then the client says "starting". */
  ready(): void {
    if (this.status.state === 'starting') this.setStatus({ state: 'ready', filesLinted: this.linted.size });
  }

  failed(error: unknown): void {
    const message = String((error as Error)?.message ?? error);
    this.ctx.error(`lint failed: ${(error as Error)?.stack ?? error}`);
    this.setStatus({ state: 'error', filesLinted: this.linted.size, message });
  }

  private setStatus(status: ServerStatus): void {
    this.status = status;
    void this.ctx.connection.sendNotification(StatusNotification, status).catch(() => undefined);
  }

}
