// The input assembler: one place that turns (file, text, what the front was told) into the lint
// input, for every front (language server, notebooks, CLI `check`, `report`, MCP). It owns the
// configuration discovery, workspace trust, result association and their caches, so no front can
// resolve them differently, and nothing here is recomputed per keystroke: configuration files are
// re-read only when their stamp changes, result files only when theirs does, and folder listings
// are remembered until the front says a file changed (or, for fronts that hear of no changes,
// for a short time).
import * as path from 'path';
import { attachResults, ResultFileCache } from './results/attach';
import { ConfigLoader, effectiveConfigFor, type ConfigurationPreference, type LoadedConfig, type MergeableConfig } from './config';
import { nodeConfigFs } from './config/node-fs';
import type { ConfigFs } from './config/types';
import type { LintInput } from './lint';
import { isInside } from './paths';
import { memoizedResultFs } from './results/memo-fs';
import { resultsDirectives } from './results/strategy-directives';
import { nodeResultFs, type ResultFs } from './results/result-fs';

/** What a front contributes: its own settings or flags, merged with the file's configuration. */
export interface FrontSettings extends MergeableConfig {
  /** Which side wins when both say something (Ruff's configurationPreference). */
  configurationPreference?: ConfigurationPreference;
  /** An explicit configuration file (`--config`) instead of the nearest one. */
  configFile?: string;
}

/** How long folder listings are trusted. */
export type ListingPolicy =
  /** One CLI run: the workspace does not change underneath, remember everything. */
  | { kind: 'run' }
  /** An editor: until `fileChanged`, or `ttlMs` for clients that send no file events. */
  | { kind: 'watched'; ttlMs: number };

export interface SessionOptions {
  /**
   * The project a file belongs to: configuration discovery and result paths stay inside it.
   * Default (command-line fronts): the working directory for files under it, else the folder of
   * the nearest configuration file above the file (as Ruff resolves a project), else its folder.
   */
  rootFor?: (file: string) => string;
  /** False in an untrusted workspace: paths named by configuration files are then ignored. */
  trusted?: () => boolean;
  listings?: ListingPolicy;
  configFs?: ConfigFs;
  resultFs?: ResultFs;
  /**
   * Result files kept loaded, least recently used dropped first (default: all). A run over a
   * workspace loads each result for the few strategies it belongs to, which sit in one folder:
   * a bound keeps memory flat without reading a shared file twice.
   */
  resultFilesKept?: number;
  /** The clock for the listing lifetime (tests pass their own). */
  now?: () => number;
  cwd?: string;
}

export interface AssembledInput {
  input: LintInput;
  /** The configuration file that applied, if any (fronts report its problems). */
  configFile?: LoadedConfig;
  /** The merged configuration, including the path settings the front applies itself. */
  merged: MergeableConfig;
  workspaceRoot: string;
}

/**
 * The project a framework's layout implies, for a file outside the working directory with no
 * configuration file above it: the folder holding freqtrade's `user_data`, or a LEAN workspace
 * (`lean.json`). Its result folders sit beside the strategy's folder, not inside it.
 */
function frameworkProjectRoot(file: string, fs: ResultFs): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'user_data') return path.dirname(dir);
    if (fs.stat(path.join(dir, 'lean.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

type ConfigStats = Map<string, ReturnType<ConfigFs['stat']>>;

/** A ConfigFs that stats each path once (for a run, where files do not change underneath). */
function memoizedConfigStats(base: ConfigFs, stats: ConfigStats): ConfigFs {
  return {
    stat: (file) => {
      if (!stats.has(file)) stats.set(file, base.stat(file));
      return stats.get(file);
    },
    readFile: (file) => base.readFile(file),
  };
}

export class LintSession {
  readonly configs: ConfigLoader;
  readonly results: ResultFileCache;
  private readonly configStats?: ConfigStats;
  private readonly baseResultFs: ResultFs;
  private listingFs: ResultFs;
  private listingBorn: number;
  private readonly now: () => number;
  private readonly cwd: string;

  constructor(private readonly options: SessionOptions = {}) {
    const configFs = options.configFs ?? nodeConfigFs;
    // A run over a fixed workspace (the CLI) looks up where configuration files are (most
    // folders have none) once per folder, not once per strategy.
    if (options.listings?.kind === 'run') this.configStats = new Map();
    this.configs = new ConfigLoader(this.configStats ? memoizedConfigStats(configFs, this.configStats) : configFs);
    this.results = new ResultFileCache(undefined, undefined, options.resultFilesKept);
    this.baseResultFs = options.resultFs ?? nodeResultFs;
    this.now = options.now ?? Date.now;
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    this.listingFs = memoizedResultFs(this.baseResultFs);
    this.listingBorn = this.now();
  }

  /** The project folder of a file (see SessionOptions.rootFor). */
  rootFor(file: string): string {
    if (this.options.rootFor) return this.options.rootFor(file);
    const absolute = path.resolve(this.cwd, file);
    if (isInside(this.cwd, absolute) && absolute !== this.cwd) return this.cwd;
    const configured = this.configs.projectRootFor(absolute);
    return configured !== path.dirname(absolute) ? configured : frameworkProjectRoot(absolute, this.baseResultFs) ?? configured;
  }

  trusted(): boolean {
    return this.options.trusted?.() ?? true;
  }

  /** The configuration file that applies to `file` (explicit, or the nearest), if any. */
  configFileFor(file: string, settings: FrontSettings = {}): LoadedConfig | undefined {
    if (settings.configurationPreference === 'editorOnly') return undefined;
    const absolute = path.resolve(this.cwd, file);
    const root = this.rootFor(absolute);
    return settings.configFile ? this.configs.load(path.resolve(this.cwd, settings.configFile), root) : this.configs.configFor(absolute, root);
  }

  /** The lint input for one file: configuration, trust and result association resolved. */
  inputFor(file: string, text: string, settings: FrontSettings = {}): AssembledInput {
    const absolute = path.resolve(this.cwd, file);
    const workspaceRoot = this.rootFor(absolute);
    const configFile = this.configFileFor(absolute, settings);
    const { lint, merged } = effectiveConfigFor(absolute, settings, configFile, settings.configurationPreference ?? 'editorFirst');
    // Paths a configuration file names are followed only in a trusted workspace.
    const resultGlobs = this.trusted() ? merged.resultGlobs ?? [] : settings.resultGlobs ?? [];
    const glossaryFiles = this.trusted() ? merged.glossaryFiles ?? [] : settings.glossaryFiles ?? [];
    const periodsPerYear = merged.periodsPerYear;
    const listing = this.listings();
    const input: LintInput = {
      path: absolute,
      text,
      config: lint,
      attach: (facts, directives) =>
        attachResults(
          { path: absolute, directives: resultsDirectives(directives), classNames: facts.strategies.map((s) => s.name) },
          { workspaceRoot, settingsGlobs: resultGlobs, periodsPerYear, fs: listing },
          this.results,
        ),
    };
    return { input, configFile, merged: { ...merged, resultGlobs, glossaryFiles }, workspaceRoot };
  }

  /**
   * A file changed, appeared or went away (the editor's file watcher): forget what was read from
   * it and every folder listing. Without a path, forget everything (configuration change).
   */
  fileChanged(file?: string): void {
    this.resetListings();
    this.configStats?.clear();
    if (file === undefined) {
      this.configs.invalidate();
      this.results.forget();
      return;
    }
    const absolute = path.resolve(this.cwd, file);
    this.configs.invalidate(absolute);
    this.results.forget(absolute);
  }

  private listings(): ResultFs {
    const policy = this.options.listings ?? { kind: 'run' };
    if (policy.kind === 'watched' && this.now() - this.listingBorn > policy.ttlMs) this.resetListings();
    return this.listingFs;
  }

  private resetListings(): void {
    this.listingFs = memoizedResultFs(this.baseResultFs);
    this.listingBorn = this.now();
  }
}
