// Configuration text -> LoadedConfig. Never throws: syntax errors, unknown keys, wrong types,
// unknown rules and paths leaving the workspace become problems located at the offending key
// (or value), and the bad part falls back to defaults while the rest still applies.
import * as path from 'path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { RULES, findRule, selectRules } from '../rules/registry';
import type { Severity } from '../types';
import { jsonLocator, offsetOfLineColumn, tomlLocator, type KeyPath, type Locator, type Span } from './locate';
import { resolveConfigPath } from './paths';
import type { ConfigKind, ConfigProblem, FileLintConfig, LoadedConfig } from './types';

// smol-toml ships ESM types but a CommonJS build ("require" export): type it as ESM, load the CJS build.
type SmolToml = typeof import('smol-toml', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as SmolToml;

/** Threshold shortcuts: top-level numbers that set the option of the same name on every rule declaring it. */
export const THRESHOLD_SHORTCUTS: Record<string, { description: string; check: (v: number) => string | undefined }> = {
  'min-trades': { description: 'fewest backtest trades before results are trusted', check: (v) => (Number.isInteger(v) && v >= 0 ? undefined : 'a whole number >= 0') },
  'max-parameters': { description: 'most tuned parameters a strategy may have', check: (v) => (Number.isInteger(v) && v >= 0 ? undefined : 'a whole number >= 0') },
  'psr-level': { description: 'probabilistic Sharpe ratio confidence level', check: (v) => (v > 0 && v < 1 ? undefined : 'a probability between 0 and 1 (exclusive)') },
  'dsr-level': { description: 'deflated Sharpe ratio confidence level', check: (v) => (v > 0 && v < 1 ? undefined : 'a probability between 0 and 1 (exclusive)') },
  'pbo-level': { description: 'highest acceptable probability of backtest overfitting', check: (v) => (v > 0 && v < 1 ? undefined : 'a probability between 0 and 1 (exclusive)') },
  'periods-per-year': { description: 'return periods per year used to annualise (252, 365, 8760, ...)', check: (v) => (v > 0 ? undefined : 'a number > 0') },
  'max-file-bytes': { description: 'largest source file linted, in bytes (larger files are reported as skipped)', check: (v) => (Number.isInteger(v) && v > 0 ? undefined : 'a whole number > 0') },
};

const TOP_LEVEL_KEYS = ['select', 'ignore', 'per-file-ignores', 'severity', 'rules', 'results', 'glossary', ...Object.keys(THRESHOLD_SHORTCUTS)];
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

/** The section of pyproject.toml that holds the configuration. */
const PYPROJECT_PREFIX: KeyPath = ['tool', 'strategy-lint'];

export interface ParseConfigOptions {
  /** Absolute path of the configuration file. */
  source: string;
  kind: ConfigKind;
  /** Absolute workspace root: paths in the file must resolve inside it. */
  workspaceRoot: string;
}

/** True when a pyproject.toml text may hold a `[tool.strategy-lint]` section (cheap pre-check). */
export function pyprojectMentionsSection(text: string): boolean {
  return /^\s*\[\s*tool\s*\.\s*(?:"strategy-lint"|'strategy-lint'|strategy-lint)\b/m.test(text) || /^\s*tool\s*\.\s*(?:"strategy-lint"|strategy-lint)\s*[.=]/m.test(text) || /^\s*\[\s*tool\s*\][^[]*^\s*(?:"strategy-lint"|strategy-lint)\s*[.=]/ms.test(text);
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : value instanceof Date ? 'a date' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'a table' : typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : typeof value;

const isTable = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.prototype.toString.call(value) === '[object Object]';

const ownEntries = (table: Record<string, unknown>): [string, unknown][] => Object.keys(table).map((k) => [k, table[k]]);

/**
 * Parses one configuration file's text. Returns undefined only for a pyproject.toml without a
 * `[tool.strategy-lint]` section (not a configuration file).
 */
export function parseConfigText(text: string, parseOptions: ParseConfigOptions): LoadedConfig | undefined {
  const loaded = parseUnclamped(text, parseOptions);
  // Every problem lies inside the text (an error "at end of file" gets an empty span there).
  for (const p of loaded?.problems ?? []) {
    p.offset = Math.min(Math.max(0, p.offset), text.length);
    p.length = Math.max(0, Math.min(p.length, text.length - p.offset));
  }
  return loaded;
}

function parseUnclamped(text: string, parseOptions: ParseConfigOptions): LoadedConfig | undefined {
  const problems: ConfigProblem[] = [];
  const empty = (): LoadedConfig => ({ config: {}, resultGlobs: [], glossaryFiles: [], thresholds: {}, source: parseOptions.source, kind: parseOptions.kind, problems });
  let root: unknown;
  let locator: Locator;
  let prefix: KeyPath = [];
  if (parseOptions.kind === 'json') {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
    for (const error of errors) {
      problems.push({ message: `Invalid JSON: ${describeJsonError(printParseErrorCode(error.error))}.`, offset: error.offset, length: Math.max(1, error.length), severity: 'error' });
    }
    if (errors.length || !tree) return empty();
    root = jsonValue(tree);
    locator = jsonLocator(tree);
  } else {
    try {
      root = parseToml(text, { unsafeKeyBehaviour: 'drop' });
    } catch (error) {
      if (parseOptions.kind === 'pyproject' && !pyprojectMentionsSection(text)) return undefined;
      const e = error as { line?: number; column?: number; message?: string };
      const offset = typeof e.line === 'number' && typeof e.column === 'number' ? offsetOfLineColumn(text, e.line, e.column) : 0;
      const message = String(e.message ?? error).split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
      problems.push({ message: `Invalid TOML: ${message}.`, offset, length: Math.min(1, text.length - offset), severity: 'error' });
      return empty();
    }
    locator = tomlLocator(text);
    if (parseOptions.kind === 'pyproject') {
      const tool = isTable(root) ? root.tool : undefined;
      const section = isTable(tool) ? tool['strategy-lint'] : undefined;
      if (section === undefined) return undefined;
      prefix = PYPROJECT_PREFIX;
      root = section;
    }
  }

  const at = (keyPath: KeyPath, what: 'key' | 'value' = 'key'): Span => {
    const full = [...prefix, ...keyPath];
    for (let n = full.length; n > 0; n--) {
      const span = what === 'value' && n === full.length ? locator.value(full) ?? locator.key(full) : locator.key(full.slice(0, n));
      if (span) return span;
    }
    return { offset: 0, length: 0 };
  };
  const problem = (keyPath: KeyPath, message: string, severity: Severity = 'error', what: 'key' | 'value' = 'key') => {
    problems.push({ message, ...at(keyPath, what), severity });
  };

  const loaded = empty();
  if (!isTable(root)) {
    problem([], `The configuration must be a table of settings (found ${kindOf(root)}).`);
    return loaded;
  }
  const config: FileLintConfig = loaded.config;
  const configDir = path.dirname(parseOptions.source);

  const ruleList = (keyPath: KeyPath, value: unknown): string[] | undefined => {
    if (!Array.isArray(value)) {
      problem(keyPath, `\`${keyPath.join('.')}\` must be an array of rule names or codes (found ${kindOf(value)}).`, 'error', 'value');
      return undefined;
    }
    const names: string[] = [];
    value.forEach((item, index) => {
      if (typeof item !== 'string') {
        problem([...keyPath, index], `Rule names must be strings (found ${kindOf(item)}).`);
        return;
      }
      const rules = selectRules(item);
      if (rules.length === 0) problem([...keyPath, index], unknownRuleMessage(item), 'warning');
      for (const rule of rules) if (!names.includes(rule.name)) names.push(rule.name);
    });
    return names;
  };

  const pathList = (key: string, value: unknown, allowGlob: boolean): string[] => {
    if (!Array.isArray(value)) {
      problem([key], `\`${key}\` must be an array of ${allowGlob ? 'globs' : 'paths'} (found ${kindOf(value)}).`, 'error', 'value');
      return [];
    }
    const out: string[] = [];
    value.forEach((item, index) => {
      if (typeof item !== 'string') {
        problem([key, index], `Paths must be strings (found ${kindOf(item)}).`);
        return;
      }
      const resolved = resolveConfigPath(item, configDir, parseOptions.workspaceRoot, allowGlob);
      if ('error' in resolved) problem([key, index], `Refused path: ${resolved.error}.`);
      else out.push(resolved.relative);
    });
    return out;
  };

  const explicitOptions: Record<string, Record<string, number>> = {};
  for (const [key, value] of ownEntries(root)) {
    switch (key) {
      case 'select':
      case 'ignore': {
        const names = ruleList([key], value);
        if (names) config[key] = names;
        break;
      }
      case 'per-file-ignores': {
        if (!isTable(value)) {
          problem([key], `\`per-file-ignores\` must be a table of glob = [rules] (found ${kindOf(value)}).`, 'error', 'value');
          break;
        }
        const perFile: [string, string[]][] = [];
        for (const [glob, rules] of ownEntries(value)) {
          const names = ruleList([key, glob], rules);
          if (names?.length) perFile.push([glob, names]);
        }
        // fromEntries defines own properties, so even a `__proto__` glob stays a plain key.
        if (perFile.length) config.perFileIgnores = Object.fromEntries(perFile);
        break;
      }
      case 'severity': {
        if (!isTable(value)) {
          problem([key], `\`severity\` must be a table of rule = "error" | "warning" | "info" | "hint" | "off" (found ${kindOf(value)}).`, 'error', 'value');
          break;
        }
        const severity: Record<string, Severity | 'off'> = {};
        for (const [name, level] of ownEntries(value)) {
          const rule = findRule(name);
          if (!rule) {
            problem([key, name], unknownRuleMessage(name), 'warning');
          } else if (typeof level !== 'string' || !SEVERITIES.includes(level)) {
            problem([key, name], `Severity of \`${name}\` must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')} (found ${typeof level === 'string' ? `"${level}"` : kindOf(level)}).`, 'error', 'value');
          } else {
            severity[rule.name] = level as Severity | 'off';
          }
        }
        if (Object.keys(severity).length) config.severity = severity;
        break;
      }
      case 'rules': {
        if (!isTable(value)) {
          problem([key], `\`rules\` must be a table of per-rule option tables (found ${kindOf(value)}).`, 'error', 'value');
          break;
        }
        for (const [name, ruleOptions] of ownEntries(value)) {
          const rule = findRule(name);
          if (!rule) {
            problem([key, name], unknownRuleMessage(name), 'warning');
            continue;
          }
          if (!isTable(ruleOptions)) {
            problem([key, name], `Options of \`${name}\` must be a table of option = number (found ${kindOf(ruleOptions)}).`, 'error', 'value');
            continue;
          }
          for (const [option, number] of ownEntries(ruleOptions)) {
            const declared = Object.keys(rule.options ?? {});
            if (!declared.includes(option)) {
              problem([key, name, option], `Unknown option \`${option}\` for ${rule.name}${declared.length ? ` (options: ${declared.join(', ')})` : ' (it has no options)'}.`, 'warning');
            } else if (typeof number !== 'number' || !Number.isFinite(number)) {
              problem([key, name, option], `Option \`${option}\` of ${rule.name} must be a number (found ${kindOf(number)}).`, 'error', 'value');
            } else {
              (explicitOptions[rule.name] ??= {})[option] = number;
            }
          }
        }
        break;
      }
      case 'results':
        loaded.resultGlobs = pathList(key, value, true);
        break;
      case 'glossary':
        loaded.glossaryFiles = pathList(key, value, false);
        break;
      default: {
        const shortcut = THRESHOLD_SHORTCUTS[key];
        if (shortcut) {
          if (typeof value !== 'number' || !Number.isFinite(value)) {
            problem([key], `\`${key}\` (${shortcut.description}) must be a number (found ${kindOf(value)}).`, 'error', 'value');
            break;
          }
          const invalid = shortcut.check(value);
          if (invalid) {
            problem([key], `\`${key}\` must be ${invalid} (found ${value}).`, 'error', 'value');
            break;
          }
          loaded.thresholds[key] = value;
          if (key === 'periods-per-year') loaded.periodsPerYear = value;
          if (key === 'max-file-bytes') loaded.maxFileBytes = value;
          break;
        }
        problem([key], unknownKeyMessage(key), 'warning');
      }
    }
  }

  // Shortcuts first, explicit per-rule options over them.
  const options: Record<string, Record<string, number>> = {};
  for (const [shortcut, value] of Object.entries(loaded.thresholds)) {
    for (const rule of RULES) if (rule.options && Object.prototype.hasOwnProperty.call(rule.options, shortcut)) (options[rule.name] ??= {})[shortcut] = value;
  }
  for (const [rule, values] of Object.entries(explicitOptions)) options[rule] = { ...options[rule], ...values };
  if (Object.keys(options).length) config.options = options;
  return loaded;
}

function unknownRuleMessage(name: string): string {
  const suggestion = closest(name, RULES.flatMap((r) => [r.name]));
  return `Unknown rule \`${name}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; it is ignored.`;
}

function unknownKeyMessage(key: string): string {
  const kebab = key.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const suggestion = TOP_LEVEL_KEYS.includes(kebab) ? kebab : closest(key, TOP_LEVEL_KEYS);
  return `Unknown key \`${key}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; known keys: ${TOP_LEVEL_KEYS.join(', ')}.`;
}

/** The candidate within edit distance 2 (or a third of the word) of `word`, if any. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Plain value of a jsonc-parser node; objects get no prototype, so `__proto__` is just a key. */
function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value || typeof key.value !== 'string') continue;
        Object.defineProperty(out, key.value, { value: jsonValue(value), enumerable: true, configurable: true, writable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}
