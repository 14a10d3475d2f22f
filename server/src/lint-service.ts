// Lints open documents once per version and keeps the result for hover and code actions, so
// neither ever re-parses or re-runs rules. The lint input (configuration, trust, results) comes
// from the engine's session, the one assembler every front uses.
import type { LoadedConfig } from './engine/config';
import { fixAll } from './engine/fixes/fix-all';
import { lintPython, type LintInput, type LintOutput } from './engine/lint';
import type { LintSession } from './engine/session';
import type { SyntaxNode } from './engine/python/parser';
import type { Finding } from './engine/types';
import { fileTooLargeFinding } from './engine/rules/meta/file-too-large';
import type { DocumentStore, OpenDocument } from './python-documents';
import { lintConfigOf, type ServerSettings } from './settings';
import { uriToPath } from './uri';

export interface DocumentLint {
  uri: string;
  version: number;
  output?: LintOutput;
  /** Findings shown (empty when linting is off for the file). */
  findings: Finding[];
  /** Why the file was not linted, when it was not (too large, disabled). */
  skipped?: string;
  /** The configuration file that applied, if any (its problems become diagnostics on it). */
  configFile?: LoadedConfig;
}

export class LintService {
  private readonly cache = new Map<string, DocumentLint>();
  /**
   * The tree copy of each document's last lint once a newer version (or a configuration change)
   * made that lint stale: the next lint takes over its unchanged statements and what the engine
   * keeps with them (index entries, dataflow units), whatever the configuration.
   */
  private readonly previousRoots = new Map<string, SyntaxNode>();
  private readonly reportedFailures = new Set<string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (message: string) => void,
    /** The input assembler shared by files and notebooks (and its caches). */
    private readonly session: LintSession,
  ) {}

  cached(uri: string): DocumentLint | undefined {
    const entry = this.store.get(uri);
    const hit = this.cache.get(uri);
    return entry && hit && hit.version === entry.document.version ? hit : undefined;
  }

  /** The document changed, or what its lint reads did: the next lint runs again, reusing this one's copy. */
  invalidate(uri?: string): void {
    for (const key of uri ? [uri] : [...this.cache.keys()]) {
      const root = this.cache.get(key)?.output?.index.root;
      if (root) this.previousRoots.set(key, root);
      this.cache.delete(key);
    }
  }

  /** The document was opened afresh or closed: nothing of it is kept. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.previousRoots.delete(uri);
  }

  /** The lint input for a document: effective configuration and result association. */
  private inputFor(entry: OpenDocument, settings: ServerSettings): { input: LintInput; configFile?: LoadedConfig } {
    const front = { ...lintConfigOf(settings), resultGlobs: settings.resultGlobs, glossaryFiles: settings.glossaryFiles, configurationPreference: settings.configurationPreference };
    return this.session.inputFor(uriToPath(entry.document.uri), entry.document.getText(), front);
  }

  /** The document's text after fix-all (safe fixes, all rounds), from the cached lint. */
  fixAllText(entry: OpenDocument, settings: ServerSettings): { text: string; applied: number } | undefined {
    const lint = this.lint(entry, settings);
    if (!lint.output) return undefined;
    const fixed = fixAll(this.inputFor(entry, settings).input, lint.output, false);
    if (fixed.output !== lint.output) fixed.output.release();
    return { text: fixed.text, applied: fixed.applied.length };
  }

  lint(entry: OpenDocument, settings: ServerSettings): DocumentLint {
    const uri = entry.document.uri;
    const hit = this.cached(uri);
    if (hit) return hit;
    const version = entry.document.version;
    const text = entry.document.getText();
    let result: DocumentLint;
    if (!settings.enable) {
      result = { uri, version, findings: [], skipped: 'disabled' };
    } else if (text.length > settings.maxFileBytes) {
      result = {
        uri,
        version,
        skipped: 'too large',
        findings: [fileTooLargeFinding(text.length, settings.maxFileBytes)],
      };
    } else {
      const { input, configFile } = this.inputFor(entry, settings);
      // The previous version's tree copy: unchanged top-level statements are reused. They move
      // into the new copy, so the old lint is never read or offered again.
      const previousRoot = this.previousRoots.get(uri) ?? this.cache.get(uri)?.output?.index.root;
      this.previousRoots.delete(uri);
      this.cache.delete(uri);
      const output = lintPython({ ...input, tree: this.store.treeFor(entry), previousRoot });
      for (const failure of output.failures) {
        if (this.reportedFailures.has(failure.rule)) continue;
        this.reportedFailures.add(failure.rule);
        this.log(`Rule ${failure.rule} failed (reported once; other rules still ran): ${failure.error}`);
      }
      result = { uri, version, output, findings: output.findings, configFile };
    }
    this.cache.set(uri, result);
    return result;
  }
}
