// The glossary: built-in terms (terms.json) plus optional user-supplied term files.
// Pure module: no LSP or VS Code imports, no file system access. Callers read user files
// themselves and pass the text to `parseUserGlossary`.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import builtinData from './terms.json';

export interface GlossaryTerm {
  /** Stable kebab-case id; rules and other code refer to terms by it. */
  id: string;
  title: string;
  /** Words users write in code, comments and result files that confidently mean this term. */
  aliases: string[];
  /** Two to four sentences, plain Markdown-safe prose. */
  definition: string;
  /** Ids of related terms. */
  related: string[];
  /** http(s) link to a reputable page about the term. */
  source: string;
}

export interface GlossaryProblem {
  message: string;
  /** Offset into the user file's text, when the problem has a place. */
  offset?: number;
  length?: number;
}

export interface UserGlossaryResult {
  terms: GlossaryTerm[];
  problems: GlossaryProblem[];
}

export interface Glossary {
  /** Terms in a stable order: built-in order first, then new user terms in file order. */
  readonly terms: readonly GlossaryTerm[];
  readonly byId: ReadonlyMap<string, GlossaryTerm>;
  /** The term with this id, or with the canonical id of a synonym in ID_SYNONYMS. */
  getTerm(id: string): GlossaryTerm | undefined;
  allTerms(): readonly GlossaryTerm[];
}

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Words too generic to be an alias on their own: a hover that pops up on every `data`
 * or `value` is noise. Multi-word aliases may still contain them ("sample size").
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'to', 'is', 'it', 'and', 'or',
  'data', 'df', 'dataframe', 'frame', 'model', 'models', 'value', 'values', 'return', 'returns',
  'result', 'results', 'price', 'prices', 'close', 'open', 'high', 'low', 'volume', 'time',
  'period', 'rate', 'ratio', 'risk', 'profit', 'loss', 'trade', 'trades', 'order', 'orders',
  'strategy', 'signal', 'signals', 'index', 'self', 'series', 'score', 'test', 'train',
  'param', 'params', 'parameter', 'parameters', 'config', 'metadata', 'pair', 'symbol',
  'size', 'count', 'total', 'max', 'min', 'mean', 'std', 'start', 'end', 'key', 'name',
  'list', 'dict', 'set', 'get', 'run', 'fit', 'predict', 'cost', 'costs',
]);

/** Why an alias is unacceptable, or undefined when it is fine. */
export function aliasProblem(alias: unknown): string | undefined {
  if (typeof alias !== 'string') return 'an alias must be a string';
  const trimmed = alias.trim();
  if (trimmed.length === 0) return 'an alias must not be empty';
  if (!/[A-Za-z]/.test(trimmed)) return `alias "${alias}" has no letters`;
  if (trimmed.length < 2) return `alias "${alias}" is a single character and would match everywhere`;
  if (GENERIC_WORDS.has(trimmed.toLowerCase())) return `alias "${alias}" is too generic to be a confident match`;
  return undefined;
}

function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s]+$/.test(s);
}

function freeze(term: GlossaryTerm): GlossaryTerm {
  return Object.freeze({
    ...term,
    aliases: Object.freeze([...term.aliases]) as string[],
    related: Object.freeze([...term.related]) as string[],
  });
}

/**
 * Other spellings of built-in ids that code might reasonably use; getTerm resolves them to the
 * canonical id. Canonical ids are what rules should list and what the docs show.
 */
export const ID_SYNONYMS: Readonly<Record<string, string>> = Object.freeze({
  'walk-forward': 'walk-forward-analysis',
  'walk-forward-optimization': 'walk-forward-analysis',
  'data-snooping': 'multiple-testing',
  'multiple-comparisons': 'multiple-testing',
  'look-ahead-bias': 'lookahead-bias',
  'transaction-costs': 'trading-costs',
  'fees': 'trading-costs',
  'max-drawdown': 'drawdown',
  'maximum-drawdown': 'drawdown',
  'psr': 'probabilistic-sharpe-ratio',
  'dsr': 'deflated-sharpe-ratio',
  'pbo': 'probability-of-backtest-overfitting',
  'combinatorially-symmetric-cross-validation': 'cscv',
  'mintrl': 'minimum-track-record-length',
  'min-trl': 'minimum-track-record-length',
  'minbtl': 'minimum-backtest-length',
  'min-btl': 'minimum-backtest-length',
  'hyperopt': 'hyperparameter-optimization',
  'hyperparameter-tuning': 'hyperparameter-optimization',
  'number-of-trials': 'trial-count',
  'oos': 'out-of-sample',
  'holdout-set': 'holdout',
  'data-leakage': 'feature-scaling-leakage',
  'warmup': 'warmup-period',
  'startup-candles': 'warmup-period',
  'lasso': 'l1-lasso-penalty',
  'ridge': 'ridge-regression',
  'purged-cross-validation': 'purged-k-fold',
});

function synonymTarget(id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ID_SYNONYMS, id) ? ID_SYNONYMS[id] : undefined;
}

function makeGlossary(terms: GlossaryTerm[]): Glossary {
  const frozen = Object.freeze(terms.map(freeze));
  const byId = new Map<string, GlossaryTerm>();
  for (const t of frozen) byId.set(t.id, t);
  const getTerm = (id: string): GlossaryTerm | undefined => {
    const direct = byId.get(id);
    if (direct) return direct;
    const canonical = synonymTarget(id);
    return canonical ? byId.get(canonical) : undefined;
  };
  return {
    terms: frozen,
    byId,
    getTerm,
    allTerms: () => frozen,
  };
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** Merge `extra` onto `base`: same id replaces title/definition/source and extends aliases/related. */
function mergeTerms(base: readonly GlossaryTerm[], extra: readonly GlossaryTerm[][]): GlossaryTerm[] {
  const order: string[] = [];
  const byId = new Map<string, GlossaryTerm>();
  for (const t of base) {
    if (!byId.has(t.id)) order.push(t.id);
    byId.set(t.id, { ...t, aliases: [...t.aliases], related: [...t.related] });
  }
  for (const list of extra) {
    for (const u of list) {
      const prev = byId.get(u.id);
      if (!prev) {
        order.push(u.id);
        byId.set(u.id, { ...u, aliases: uniq(u.aliases), related: uniq(u.related) });
        continue;
      }
      byId.set(u.id, {
        id: u.id,
        title: u.title || prev.title,
        definition: u.definition || prev.definition,
        source: u.source || prev.source,
        aliases: uniq([...prev.aliases, ...u.aliases]),
        related: uniq([...prev.related, ...u.related]),
      });
    }
  }
  // Drop related ids that point nowhere (a user term may name one that does not exist).
  const result = order.map((id) => byId.get(id)!);
  for (const t of result) t.related = t.related.filter((r) => r !== t.id && byId.has(r));
  return result;
}

let builtinCache: Glossary | undefined;

/** The built-in terms, validated once; a broken terms.json is a programming error. */
function builtin(): Glossary {
  if (!builtinCache) {
    const raw = builtinData as unknown as GlossaryTerm[];
    builtinCache = makeGlossary(raw.map((t) => ({ ...t })));
  }
  return builtinCache;
}

/**
 * The glossary: built-in terms, with each list in `extra` merged on top in order
 * (a user term with a built-in id replaces its title/definition/source when given and
 * adds its aliases and related ids). Without `extra` the cached built-in index is returned.
 */
export function loadGlossary(extra?: GlossaryTerm[][]): Glossary {
  const base = builtin();
  if (!extra || extra.every((l) => l.length === 0)) return base;
  return makeGlossary(mergeTerms(base.terms, extra));
}

let active: Glossary | undefined;

/** Make `g` the glossary used by getTerm/allTerms and the match functions; undefined restores the built-in one. */
export function setActiveGlossary(g: Glossary | undefined): void {
  active = g;
}

export function activeGlossary(): Glossary {
  return active ?? builtin();
}

export function getTerm(id: string): GlossaryTerm | undefined {
  return activeGlossary().getTerm(id);
}

export function allTerms(): readonly GlossaryTerm[] {
  return activeGlossary().allTerms();
}

// ---------------------------------------------------------------------------------------------
// User glossary files

function prop(node: Node, key: string): Node | undefined {
  if (node.type !== 'object' || !node.children) return undefined;
  for (const p of node.children) {
    const [k, v] = p.children ?? [];
    if (k && k.value === key) return v;
  }
  return undefined;
}

function at(node: Node | undefined): { offset?: number; length?: number } {
  return node ? { offset: node.offset, length: node.length } : {};
}

/**
 * Parse a user glossary file: a JSON (comments and trailing commas allowed) array of terms,
 * or an object `{ "terms": [...] }`. Bad entries are reported and skipped; bad aliases and
 * related ids are reported and dropped. Never throws.
 *
 * A term whose id is already built in may give only the fields it changes (e.g. extra aliases);
 * a new term needs `title` and `definition`.
 */
export function parseUserGlossary(text: string, fileName: string): UserGlossaryResult {
  const problems: GlossaryProblem[] = [];
  const terms: GlossaryTerm[] = [];
  const report = (message: string, node?: Node) => problems.push({ message: `${fileName}: ${message}`, ...at(node) });
  let root: Node | undefined;
  try {
    const errors: ParseError[] = [];
    root = parseTree(String(text ?? ''), errors, { allowTrailingComma: true, disallowComments: false });
    for (const e of errors.slice(0, 5)) {
      problems.push({ message: `${fileName}: JSON syntax error (${printParseErrorCode(e.error)})`, offset: e.offset, length: e.length });
    }
    if (errors.length > 0) return { terms, problems };
  } catch (err) {
    problems.push({ message: `${fileName}: could not be read as JSON (${String(err)})` });
    return { terms, problems };
  }
  if (!root) {
    report('is empty; expected an array of terms or {"terms": [...]}');
    return { terms, problems };
  }
  let list: Node | undefined = root;
  if (root.type === 'object') {
    list = prop(root, 'terms');
    if (!list) {
      report('has no "terms" array; expected an array of terms or {"terms": [...]}', root);
      return { terms, problems };
    }
  }
  if (list.type !== 'array') {
    report('expected an array of terms', list);
    return { terms, problems };
  }

  const base = builtin();
  const entries = list.children ?? [];
  const idsInFile = new Set<string>();
  for (const e of entries) {
    const idNode = e.type === 'object' ? prop(e, 'id') : undefined;
    if (idNode && typeof idNode.value === 'string') idsInFile.add(idNode.value);
  }
  const seen = new Set<string>();

  entries.forEach((entry, index) => {
    const where = `term #${index + 1}`;
    if (entry.type !== 'object') {
      report(`${where} is not an object`, entry);
      return;
    }
    const idNode = prop(entry, 'id');
    const rawId = idNode?.value;
    if (typeof rawId !== 'string' || !KEBAB_ID.test(rawId)) {
      report(`${where} needs an "id" in kebab-case (like "sharpe-ratio")`, idNode ?? entry);
      return;
    }
    // A synonym of a built-in id (like "walk-forward") extends the built-in term.
    const id = base.byId.has(rawId) ? rawId : (synonymTarget(rawId) ?? rawId);
    if (seen.has(id)) {
      report(`duplicate id "${id}"; only the first entry is used`, idNode);
      return;
    }
    const known = base.getTerm(id);
    const str = (key: string): string | undefined | null => {
      const n = prop(entry, key);
      if (!n) return undefined;
      if (typeof n.value === 'string' && n.value.trim() !== '') return n.value.trim();
      report(`"${id}": "${key}" must be a non-empty string`, n);
      return null;
    };
    const title = str('title');
    const definition = str('definition');
    const source = str('source');
    if (title === null || definition === null || source === null) return;
    if (!known && (!title || !definition)) {
      report(`"${id}" is not a built-in term, so it needs both "title" and "definition"`, entry);
      return;
    }
    if (source !== undefined && !isHttpUrl(source)) {
      report(`"${id}": "source" must be an http(s) URL`, prop(entry, 'source'));
      return;
    }
    const strings = (key: string): string[] => {
      const n = prop(entry, key);
      if (!n) return [];
      if (n.type !== 'array') {
        report(`"${id}": "${key}" must be an array of strings`, n);
        return [];
      }
      const out: string[] = [];
      for (const c of n.children ?? []) {
        if (typeof c.value !== 'string') {
          report(`"${id}": "${key}" must contain only strings`, c);
          continue;
        }
        out.push(c.value.trim());
      }
      return out;
    };
    const aliases: string[] = [];
    for (const a of strings('aliases')) {
      const why = aliasProblem(a);
      if (why) report(`"${id}": ${why}; ignored`, prop(entry, 'aliases'));
      else aliases.push(a);
    }
    const related: string[] = [];
    for (const r of strings('related')) {
      if (idsInFile.has(r)) related.push(r);
      else if (base.getTerm(r)) related.push(base.getTerm(r)!.id);
      else report(`"${id}": related id "${r}" is not a known term; ignored`, prop(entry, 'related'));
    }
    seen.add(id);
    terms.push({
      id,
      title: title ?? '',
      definition: definition ?? '',
      source: source ?? '',
      aliases: uniq(aliases),
      related: uniq(related),
    });
  });
  return { terms, problems };
}
