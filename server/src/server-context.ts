// What every part of the server shares: the connection, the client's capabilities, the
// workspace folders and their trust, per-document settings and the parser's readiness.
import * as path from 'path';
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { isInside } from './engine/paths';
import { initPythonParser } from './engine/python/parser';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';
import { uriToPath } from './uri';

export class ServerContext {
  supportsConfiguration = false;
  supportsPull = false;
  /** False in an untrusted workspace (paths named by configuration files are then ignored). */
  trusted = true;
  parserReady: Promise<unknown> = Promise.resolve();
  private roots: string[] = [];
  private globalSettings: ServerSettings = DEFAULT_SETTINGS;
  private readonly settingsCache = new Map<string, Promise<ServerSettings>>();

  constructor(readonly connection: Connection) {}

  log = (message: string): void => this.connection.console.log(message);
  error = (message: string): void => this.connection.console.error(message);

  initialize(params: InitializeParams): void {
    this.supportsConfiguration = !!params.capabilities.workspace?.configuration;
    this.supportsPull = !!params.capabilities.textDocument?.diagnostic;
    this.roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])).map((f) => uriToPath(f.uri));
    const options = params.initializationOptions as { workspaceTrusted?: unknown; settings?: unknown } | undefined;
    this.trusted = options?.workspaceTrusted !== false;
    if (options && typeof options === 'object') this.globalSettings = normalizeSettings(options.settings ?? options);
    this.parserReady = initPythonParser();
  }

  changeRoots(added: string[], removed: string[]): void {
    const gone = new Set(removed.map(uriToPath));
    this.roots = [...this.roots.filter((r) => !gone.has(r)), ...added.map(uriToPath)];
  }

  /** The workspace folder holding a file (result paths must stay inside it); else its own folder. */
  rootFor = (file: string): string =>
    this.roots.filter((root) => isInside(root, file)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(file);

  settingsFor = (uri: string): Promise<ServerSettings> => {
    if (!this.supportsConfiguration) return Promise.resolve(this.globalSettings);
    let pending = this.settingsCache.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'strategyLint' }).then(normalizeSettings, () => this.globalSettings);
      this.settingsCache.set(uri, pending);
    }
    return pending;
  };

  /** Settings changed (all documents) or a document closed (its entry). */
  forgetSettings(uri?: string, pushed?: unknown): void {
    if (uri) {
      this.settingsCache.delete(uri);
      return;
    }
    this.settingsCache.clear();
    if (!this.supportsConfiguration) this.globalSettings = normalizeSettings((pushed as { strategyLint?: unknown } | undefined)?.strategyLint);
  }
}
