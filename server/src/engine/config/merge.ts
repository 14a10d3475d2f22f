// Combining editor settings with a configuration file (Ruff's `configurationPreference`) and
// applying `per-file-ignores` to one strategy.
import * as path from 'path';
import type { LintConfig } from '../lint';
import { findRule } from '../rules/registry';
import type { Severity } from '../types';
import { matchesPathGlob } from './glob';
import type { ConfigurationPreference, LoadedConfig, MergeableConfig } from './types';

const ruleKey = (nameOrCode: string) => findRule(nameOrCode)?.name ?? nameOrCode;

function normalizedSeverity(severity: Record<string, Severity | 'off'> | undefined): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const [rule, level] of Object.entries(severity ?? {})) out[ruleKey(rule)] = level;
  return out;
}

function normalizedOptions(options: Record<string, Record<string, number>> | undefined): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [rule, values] of Object.entries(options ?? {})) out[ruleKey(rule)] = { ...out[ruleKey(rule)], ...values };
  return out;
}

const isSet = <T>(list: T[] | undefined): list is T[] => Array.isArray(list) && list.length > 0;

/** `high` wins wherever both set a value; maps (severity, options) merge per rule / per option. */
function layer(low: MergeableConfig, high: MergeableConfig): MergeableConfig {
  const out: MergeableConfig = {};
  const pick = <K extends 'select' | 'ignore' | 'resultGlobs' | 'glossaryFiles'>(key: K) => {
    const value = isSet(high[key]) ? high[key] : isSet(low[key]) ? low[key] : undefined;
    if (value) out[key] = [...value] as MergeableConfig[K];
  };
  pick('select');
  pick('ignore');
  pick('resultGlobs');
  pick('glossaryFiles');
  const severity = { ...normalizedSeverity(low.severity), ...normalizedSeverity(high.severity) };
  if (Object.keys(severity).length) out.severity = severity;
  const lowOptions = normalizedOptions(low.options);
  const highOptions = normalizedOptions(high.options);
  const options: Record<string, Record<string, number>> = {};
  for (const rule of new Set([...Object.keys(lowOptions), ...Object.keys(highOptions)])) options[rule] = { ...lowOptions[rule], ...highOptions[rule] };
  if (Object.keys(options).length) out.options = options;
  const periodsPerYear = high.periodsPerYear ?? low.periodsPerYear;
  if (periodsPerYear !== undefined) out.periodsPerYear = periodsPerYear;
  const maxFileBytes = high.maxFileBytes ?? low.maxFileBytes;
  if (maxFileBytes !== undefined) out.maxFileBytes = maxFileBytes;
  const perFileIgnores = { ...low.perFileIgnores, ...high.perFileIgnores };
  if (Object.keys(perFileIgnores).length) out.perFileIgnores = perFileIgnores;
  return out;
}

/**
 * Merges editor settings and a configuration file.
 * - `filesystemFirst` (default): the file's values override the editor's where both are set.
 * - `editorFirst`: the editor's values override the file's where both are set.
 * - `editorOnly`: the file is ignored.
 * "Set" means a non-empty list, a present map entry or a defined number; lists are replaced, not
 * concatenated; `severity` and `options` merge per rule (and per option).
 */
export function mergeConfig(settingsConfig: MergeableConfig, fileConfig: MergeableConfig | undefined, preference: ConfigurationPreference = 'filesystemFirst'): MergeableConfig {
  if (!fileConfig || preference === 'editorOnly') return layer({}, settingsConfig);
  return preference === 'editorFirst' ? layer(fileConfig, settingsConfig) : layer(settingsConfig, fileConfig);
}

/** A loaded file's values in the shape mergeConfig takes. */
export function fileConfigOf(loaded: LoadedConfig | undefined): MergeableConfig | undefined {
  if (!loaded) return undefined;
  const out: MergeableConfig = { ...loaded.config };
  if (loaded.resultGlobs.length) out.resultGlobs = loaded.resultGlobs;
  if (loaded.glossaryFiles.length) out.glossaryFiles = loaded.glossaryFiles;
  if (loaded.periodsPerYear !== undefined) out.periodsPerYear = loaded.periodsPerYear;
  if (loaded.maxFileBytes !== undefined) out.maxFileBytes = loaded.maxFileBytes;
  return out;
}

/**
 * The LintConfig for one file: the rules its `per-file-ignores` globs name are added to `ignore`.
 * `relativePath` is relative to the configuration file's folder (see configRelativePath).
 */
export function applyPerFileIgnores(config: MergeableConfig, relativePath: string): LintConfig {
  const { perFileIgnores, resultGlobs: _r, glossaryFiles: _g, periodsPerYear: _p, maxFileBytes: _m, ...lint } = config;
  const out: LintConfig = { ...lint };
  const extra: string[] = [];
  for (const [glob, rules] of Object.entries(perFileIgnores ?? {})) {
    if (matchesPathGlob(glob, relativePath)) for (const rule of rules) if (!extra.includes(rule)) extra.push(rule);
  }
  if (extra.length) out.ignore = [...new Set([...(lint.ignore ?? []), ...extra])];
  return out;
}

/** Path of `filePath` relative to the folder of the configuration file, with `/` separators. */
export function configRelativePath(loaded: Pick<LoadedConfig, 'source'>, filePath: string): string {
  return path.relative(path.dirname(loaded.source), path.resolve(filePath)).split(path.sep).join('/');
}
