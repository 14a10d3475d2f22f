// Configuration files: discovery (nearest file wins), parsing with located problems, merging with
// editor settings, per-file-ignores. See docs/configuration.md.
import type { LintConfig } from '../lint';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { applyPerFileIgnores, configRelativePath, mergeConfig, fileConfigOf } from './merge';
import type { ConfigProblem, ConfigurationPreference, LoadedConfig, MergeableConfig } from './types';

export { ConfigLoader } from './loader';
export { parseConfigText, pyprojectMentionsSection, THRESHOLD_SHORTCUTS, type ParseConfigOptions } from './parse';
export { applyPerFileIgnores, configRelativePath, fileConfigOf, mergeConfig } from './merge';
export { globToRegExp, matchesPathGlob } from './glob';
export { resolveConfigPath, isInside } from './paths';
export { tomlLocator, jsonLocator, type KeyPath, type Locator, type Span } from './locate';
export * from './types';

export interface EffectiveConfig {
  /** What to pass to lintPython for this file. */
  lint: LintConfig;
  /** The merged values, including resultGlobs / glossaryFiles / periodsPerYear. */
  merged: MergeableConfig;
}

/** Editor settings + the file's configuration (if any) -> the config for one strategy. */
export function effectiveConfigFor(
  filePath: string,
  settingsConfig: MergeableConfig,
  loaded: LoadedConfig | undefined,
  preference: ConfigurationPreference = 'filesystemFirst',
): EffectiveConfig {
  const useFile = loaded && preference !== 'editorOnly';
  const merged = mergeConfig(settingsConfig, useFile ? fileConfigOf(loaded) : undefined, preference);
  const lint = applyPerFileIgnores(merged, useFile ? configRelativePath(loaded, filePath) : '');
  return { lint, merged };
}

/** Config problems with LSP ranges (0-based line/character), for diagnostics on the config file and CLI output. */
export function configProblemRanges(text: string, problems: readonly ConfigProblem[]): (ConfigProblem & { range: Range })[] {
  const lines = new LineIndex(text);
  return problems.map((p) => ({ ...p, range: lines.rangeOf(p.offset, p.offset + p.length) }));
}
