// Resource-scoped settings (`strategyLint.*`), read per document through workspace/configuration.
import type { LintConfig } from './engine/lint';
import type { Severity } from './engine/types';

export interface ServerSettings {
  enable: boolean;
  /** Milliseconds to wait after a keystroke before linting (0 = immediately). */
  debounceMs: number;
  select: string[];
  ignore: string[];
  severity: Record<string, Severity | 'off'>;
  options: Record<string, Record<string, number>>;
  /** Workspace-relative globs of result files to associate with strategies. */
  resultGlobs: string[];
  /** Workspace files with extra glossary terms. */
  glossaryFiles: string[];
  /** Files larger than this are not linted (one informational diagnostic instead). */
  maxFileBytes: number;
  /** How settings and configuration files combine (as Ruff's configurationPreference). */
  configurationPreference: 'filesystemFirst' | 'editorFirst' | 'editorOnly';
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  debounceMs: 150,
  select: [],
  ignore: [],
  severity: {},
  options: {},
  resultGlobs: [],
  glossaryFiles: [],
  maxFileBytes: 8 * 1024 * 1024,
  configurationPreference: 'filesystemFirst',
};

/** Merges whatever the client sent over the defaults, dropping values of the wrong type. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown, fallback: string[]) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : fallback);
  const number = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  const record = <T>(v: unknown, fallback: Record<string, T>) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, T>) : fallback);
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    debounceMs: number(value.debounceMs, DEFAULT_SETTINGS.debounceMs),
    select: strings(value.select, DEFAULT_SETTINGS.select),
    ignore: strings(value.ignore, DEFAULT_SETTINGS.ignore),
    severity: record(value.severity, DEFAULT_SETTINGS.severity),
    options: record(value.options, DEFAULT_SETTINGS.options),
    resultGlobs: strings(value.resultGlobs, DEFAULT_SETTINGS.resultGlobs),
    glossaryFiles: strings(value.glossaryFiles, DEFAULT_SETTINGS.glossaryFiles),
    maxFileBytes: number(value.maxFileBytes, DEFAULT_SETTINGS.maxFileBytes),
    configurationPreference: (['filesystemFirst', 'editorFirst', 'editorOnly'] as const).find((p) => p === value.configurationPreference) ?? DEFAULT_SETTINGS.configurationPreference,
  };
}

export function lintConfigOf(settings: ServerSettings): LintConfig {
  return { select: settings.select, ignore: settings.ignore, severity: settings.severity, options: settings.options };
}
