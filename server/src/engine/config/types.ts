// Shapes of configuration files (`.strategy-lint.json`, `strategy-lint.toml`,
// `[tool.strategy-lint]` in `pyproject.toml`). Configuration is data: it is parsed, never executed.
import type { LintConfig } from '../lint';
import type { Severity } from '../types';

/** A problem in a configuration file, located by offset/length in that file's text. */
export interface ConfigProblem {
  message: string;
  /** UTF-16 offset in the config file's text. */
  offset: number;
  length: number;
  severity: Severity;
}

/** LintConfig plus what only a configuration file can say. Assignable to LintConfig. */
export interface FileLintConfig extends LintConfig {
  /**
   * Glob -> rule names. Globs are relative to the configuration file's folder; a glob without `/`
   * matches the file name at any depth (Ruff's `per-file-ignores`).
   */
  perFileIgnores?: Record<string, string[]>;
}

/** Everything the front ends merge: the lint config, plus the path settings. */
export interface MergeableConfig extends FileLintConfig {
  /** Workspace-relative (posix) globs of result files. */
  resultGlobs?: string[];
  /** Workspace-relative (posix) glossary files. */
  glossaryFiles?: string[];
  periodsPerYear?: number;
  /** Largest source file linted (`max-file-bytes`). */
  maxFileBytes?: number;
}

export type ConfigKind = 'json' | 'toml' | 'pyproject';

export interface LoadedConfig {
  config: FileLintConfig;
  /** Workspace-relative (posix) globs; empty when the file sets none. */
  resultGlobs: string[];
  /** Workspace-relative (posix) paths; empty when the file sets none. */
  glossaryFiles: string[];
  periodsPerYear?: number;
  maxFileBytes?: number;
  /** Threshold shortcuts as written (`min-trades`, `max-parameters`, ...), already expanded into `config.options`. */
  thresholds: Record<string, number>;
  /** Absolute path of the configuration file. */
  source: string;
  kind: ConfigKind;
  problems: ConfigProblem[];
}

/** The little of a file system the loader needs; tests pass an in-memory one. */
export interface ConfigFs {
  /** A change stamp for a regular file, or undefined when there is no such file. */
  stat(path: string): { mtimeMs: number; size: number } | undefined;
  /** The file's text (UTF-8), or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

/** Ruff's `configurationPreference`. */
export type ConfigurationPreference = 'editorFirst' | 'filesystemFirst' | 'editorOnly';

/** Which file names are configuration files, in precedence order within one folder. */
export const CONFIG_FILE_NAMES = ['.strategy-lint.json', 'strategy-lint.toml', 'pyproject.toml'] as const;
