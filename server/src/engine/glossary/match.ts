// Finding glossary terms in identifiers, comments and result-file keys.
// Lookup maps are built once per glossary (cached in a WeakMap); each match call only
// tokenizes a short stretch of text and does a few dozen Map lookups.

import { activeGlossary, type Glossary, type GlossaryTerm } from './glossary';

export interface PhraseMatch {
  term: GlossaryTerm;
  /** Offsets into the text passed to matchPhrase; `end` is exclusive. */
  start: number;
  end: number;
}

/** One word of a tokenized text, lower-cased, with its place in the text. */
interface Word {
  lower: string;
  start: number;
  end: number;
  /** Words with the same group are joined only by nothing (camelCase), spaces, `_` or `-`. */
  group: number;
}

export interface Matcher {
  matchIdentifier(name: string): GlossaryTerm | undefined;
  matchPhrase(text: string, offsetInText: number): PhraseMatch | undefined;
  matchResultKey(key: string): GlossaryTerm | undefined;
}

const TOKEN = /[A-Za-z0-9]+/g;
// Within a token: an acronym before a capitalised word (OOS|Start), a word with an optional
// leading capital (walk|Forward, l1), an acronym with optional digits (CV, SMA20), digits.
const SUBWORD = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*|[0-9]+/g;
const SEPARATOR_ONLY = /^[\s_\-]*$/;
/** PascalCase class names such as `Ridge` or `TimeSeriesSplit` are matched case-sensitively. */
const PASCAL = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/;

/** How far around the offset matchPhrase looks; aliases are far shorter than this. */
const PHRASE_RADIUS = 100;

function tokenize(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  let group = 0;
  let prevEnd = -1;
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const tokStart = m.index;
    if (prevEnd >= 0 && !SEPARATOR_ONLY.test(text.slice(prevEnd, tokStart))) group++;
    SUBWORD.lastIndex = 0;
    for (let s = SUBWORD.exec(m[0]); s; s = SUBWORD.exec(m[0])) {
      words.push({ lower: s[0].toLowerCase(), start: tokStart + s.index, end: tokStart + s.index + s[0].length, group });
    }
    prevEnd = tokStart + m[0].length;
  }
  return words;
}

/** The lookup key of an alias: its words, lower-cased, joined by single spaces. */
export function aliasKey(alias: string): string {
  return tokenize(alias).map((w) => w.lower).join(' ');
}

/** True when `alias` is matched case-sensitively and exactly (a PascalCase class name). */
export function isCaseSensitiveAlias(alias: string): boolean {
  return PASCAL.test(alias);
}

/** Build the lookup maps for a list of terms. Later terms win alias conflicts (user files come last). */
export function createMatcher(terms: readonly GlossaryTerm[]): Matcher {
  const exact = new Map<string, GlossaryTerm>();
  const byKey = new Map<string, GlossaryTerm>();
  let maxWords = 1;
  for (const term of terms) {
    for (const alias of term.aliases) {
      const a = alias.trim();
      if (!a) continue;
      if (isCaseSensitiveAlias(a)) {
        exact.set(a, term);
        maxWords = Math.max(maxWords, tokenize(a).length);
        continue;
      }
      const key = aliasKey(a);
      if (!key) continue;
      byKey.set(key, term);
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
  }

  /**
   * The longest run of words (leftmost on ties) that is an alias. With `cover`, the run must
   * include that offset. Case-sensitive class names are tried before lower-cased keys.
   */
  function search(text: string, words: Word[], cover?: number): PhraseMatch | undefined {
    const n = words.length;
    let lo = 0;
    let hi = n - 1;
    if (cover !== undefined) {
      // Only runs within maxWords of the covered spot can include it.
      let k = 0;
      while (k < n && words[k].end <= cover) k++;
      lo = Math.max(0, k - maxWords);
      hi = Math.min(n - 1, k + maxWords);
    }
    for (let len = Math.min(maxWords, n); len >= 1; len--) {
      for (let i = lo; i + len - 1 <= hi; i++) {
        const first = words[i];
        const last = words[i + len - 1];
        if (first.group !== last.group) continue;
        if (cover !== undefined && (cover < first.start || cover >= last.end)) continue;
        const raw = text.slice(first.start, last.end);
        let term = exact.get(raw);
        if (!term) {
          // Sub-words of one token also count as one word: "DeFi" is "de fi" and "defi".
          let key = first.lower;
          let joined = first.lower;
          for (let j = i + 1; j < i + len; j++) {
            key += ' ' + words[j].lower;
            joined += (words[j].start === words[j - 1].end ? '' : ' ') + words[j].lower;
          }
          term = byKey.get(key) ?? (joined !== key ? byKey.get(joined) : undefined);
        }
        if (term) return { term, start: first.start, end: last.end };
      }
    }
    return undefined;
  }

  function matchName(name: string): GlossaryTerm | undefined {
    if (typeof name !== 'string' || name.length === 0) return undefined;
    const direct = exact.get(name);
    if (direct) return direct;
    if (name.length > 256) return undefined;
    return search(name, tokenize(name))?.term;
  }

  return {
    matchIdentifier: matchName,
    matchResultKey: matchName,
    matchPhrase(text: string, offsetInText: number): PhraseMatch | undefined {
      if (typeof text !== 'string' || !(offsetInText >= 0) || offsetInText > text.length) return undefined;
      let from = Math.max(0, offsetInText - PHRASE_RADIUS);
      let to = Math.min(text.length, offsetInText + PHRASE_RADIUS);
      // Do not start or stop inside a word.
      while (from > 0 && /[A-Za-z0-9]/.test(text[from - 1]) && offsetInText - from < PHRASE_RADIUS * 2) from--;
      while (to < text.length && /[A-Za-z0-9]/.test(text[to]) && to - offsetInText < PHRASE_RADIUS * 2) to++;
      return search(text, tokenize(text, from, to), offsetInText);
    },
  };
}

const matchers = new WeakMap<Glossary, Matcher>();

/** The matcher for a glossary, built on first use and cached. */
export function matcherFor(glossary: Glossary): Matcher {
  let m = matchers.get(glossary);
  if (!m) {
    m = createMatcher(glossary.terms);
    matchers.set(glossary, m);
  }
  return m;
}

/**
 * The term a Python identifier, attribute name or keyword argument stands for: an exact alias
 * (PascalCase class names like `Ridge` case-sensitively, others case-insensitively), else the
 * longest alias among its snake_case / camelCase words (`walk_forward_window`, `oos_start`).
 */
export function matchIdentifier(name: string): GlossaryTerm | undefined {
  return matcherFor(activeGlossary()).matchIdentifier(name);
}

/**
 * The alias phrase in a comment or docstring that covers `offsetInText` ("out of sample",
 * "walk-forward", "lookahead bias"); case-insensitive, whole words only, with spaces,
 * hyphens and underscores treated alike.
 */
export function matchPhrase(text: string, offsetInText: number): PhraseMatch | undefined {
  return matcherFor(activeGlossary()).matchPhrase(text, offsetInText);
}

/** The term a JSON or CSV result key stands for (`max_drawdown`, `Probabilistic Sharpe Ratio`). */
export function matchResultKey(key: string): GlossaryTerm | undefined {
  return matcherFor(activeGlossary()).matchResultKey(key);
}
