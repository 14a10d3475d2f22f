// JSON reading that keeps character offsets: values come from JSON.parse (fast), positions from
// jsonc-parser's scanner, and errors carry the offset where parsing stopped.
import { ParseErrorCode, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { KeyLocation, ResultProblem } from './summary';
import { problem } from './problems';

export interface JsonRead {
  /** Parsed value; undefined when the text is not JSON. */
  value?: unknown;
  problems: ResultProblem[];
}

// freqtrade writes hyperopt files with rapidjson's NM_NAN mode, so bare NaN / Infinity literals
// are real in the wild. They are swapped for same-length sentinel strings (offsets stay valid)
// and revived as non-finite numbers, which the number readers then drop and report.
const NAN = '\uE000';
const POS_INF = '\uE001';
const NEG_INF = '\uE002';

/** Parse JSON text; `base` is added to reported offsets (for a line inside a bigger file). */
export function readJson(text: string, base = 0): JsonRead {
  if (text.trim() === '') return { problems: [problem('empty file: no JSON content', 'error')] };
  try {
    return { value: JSON.parse(text), problems: [] };
  } catch {
    // fall through to the slower, more forgiving paths
  }
  const swapped = swapNonFinite(text);
  if (swapped.count > 0) {
    try {
      const value = JSON.parse(swapped.text, (_k, v) =>
        v === NAN ? NaN : v === POS_INF ? Infinity : v === NEG_INF ? -Infinity : v,
      );
      return {
        value,
        problems: [
          problem(
            `${swapped.count} non-standard NaN/Infinity literal(s) in the JSON (first at offset ${base + swapped.first}); treated as missing values`,
            'warning',
            { offset: base + swapped.first, length: swapped.firstLength },
          ),
        ],
      };
    } catch {
      // still broken: report the syntax error below
    }
  }
  return { problems: [syntaxProblem(swapped.count > 0 ? swapped.text : text, base)] };
}

/** Describe the first syntax error with its offset; "truncated" when it is at the very end. */
function syntaxProblem(text: string, base: number): ResultProblem {
  // jsonc-parser's visitor recurses once per level: an unclosed '[[[[...' would exhaust the stack.
  const deep = offsetBeyondDepth(text, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    return problem(`JSON nested more than ${MAX_JSON_DEPTH} levels deep (at offset ${base + deep}): not a result file`, 'error', { offset: base + deep, length: 1 });
  }
  const first = firstSyntaxError(text);
  if (!first) return problem('malformed JSON', 'error');
  // Cut-off files fail at the end, or inside a string that never closes.
  const atEnd = first.offset + first.length >= text.trimEnd().length || first.error === ParseErrorCode.UnexpectedEndOfString;
  const what = atEnd
    ? `truncated JSON: the text ends at offset ${base + text.trimEnd().length} before the value is complete`
    : `malformed JSON at offset ${base + first.offset}: ${printParseErrorCode(first.error)}`;
  return problem(what, 'error', { offset: base + first.offset, length: Math.max(1, first.length) });
}

/** The first syntax error, found by scanning without building a tree (stops right there). */
function firstSyntaxError(text: string): ParseError | undefined {
  let found: ParseError | undefined;
  try {
    visit(
      text,
      {
        onError: (error, offset, length) => {
          found = { error, offset, length };
          throw found; // nothing after the first error is needed
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (e) {
    if (e !== found) throw e;
  }
  return found;
}

/** Replace bare NaN / Infinity / -Infinity (outside strings) by same-length sentinel strings. */
export function swapNonFinite(text: string): { text: string; count: number; first: number; firstLength: number } {
  let out = '';
  let last = 0;
  let count = 0;
  let first = -1;
  let firstLength = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped char
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) { inString = true; continue; }
    let word: string | undefined;
    let sentinel = '';
    if (c === 0x4e && text.startsWith('NaN', i)) { word = 'NaN'; sentinel = `"${NAN}"`; }
    else if (c === 0x49 && text.startsWith('Infinity', i)) { word = 'Infinity'; sentinel = `"${POS_INF}"`; }
    else if (c === 0x2d && text.startsWith('-Infinity', i)) { word = '-Infinity'; sentinel = `"${NEG_INF}"`; }
    if (!word) continue;
    out += text.slice(last, i) + sentinel + ' '.repeat(word.length - sentinel.length);
    if (first < 0) { first = i; firstLength = word.length; }
    count++;
    i += word.length - 1;
    last = i + 1;
  }
  return count === 0 ? { text, count, first: 0, firstLength: 0 } : { text: out + text.slice(last), count, first, firstLength };
}

/** Deepest bracket nesting outside strings, scanned linearly (the JSON visitor recurses per level). */
export function nestingDepth(text: string): number {
  let max = 0;
  scanNesting(text, (depth) => {
    max = Math.max(max, depth);
    return false;
  });
  return max;
}

/** Offset of the first bracket that opens level `limit + 1`, if the text nests that deep. */
function offsetBeyondDepth(text: string, limit: number): number | undefined {
  return scanNesting(text, (depth) => depth > limit);
}

/** Calls `opened` with the depth after each opening bracket outside strings; stops (returning its offset) when it says so. */
function scanNesting(text: string, opened: (depth: number) => boolean): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (opened(++depth)) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

/** Result files are a few levels deep; anything far deeper is not one (and would exhaust the stack). */
export const MAX_JSON_DEPTH = 256;

/**
 * Offsets of object keys, by their path joined with '/', for keys outside arrays and at most
 * `maxDepth` objects deep. Arrays (trades, chart values) are skipped: they hold most of the
 * text and no key a diagnostic would point at.
 */
export function indexKeys(text: string, base = 0, maxDepth = 5): Map<string, KeyLocation> {
  return scanKeys(text, base, maxDepth, { max: 0 }) ?? indexKeysByVisitor(text, base, maxDepth);
}

/**
 * indexKeys and nestingDepth of text that JSON.parse accepted, in one pass when the one-pass scan
 * applies (a result file is read once, not twice). The keys are undefined when the text nests
 * deeper than MAX_JSON_DEPTH: the tolerant visitor would recurse that deep.
 */
export function indexKeysAndDepth(text: string, base = 0, maxDepth = 5): { keys?: Map<string, KeyLocation>; depth: number } {
  const depth = { max: 0 };
  const keys = scanKeys(text, base, maxDepth, depth);
  if (keys) return { keys, depth: depth.max };
  const nesting = nestingDepth(text);
  return nesting > MAX_JSON_DEPTH ? { depth: nesting } : { keys: indexKeysByVisitor(text, base, maxDepth), depth: nesting };
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Slash = 47,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

const isJsonSpace = (c: number) => c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab;

/**
 * indexKeys in one pass over text that is already known to parse (loaders call it after
 * JSON.parse succeeded; bare NaN/Infinity are plain literals here): arrays are skipped bracket
 * by bracket without tokenising them, which is most of a result file. Returns undefined on
 * anything a strict JSON document would not hold (comments, unbalanced brackets), and the caller
 * falls back to the tolerant visitor, so both always agree.
 */
function scanKeys(text: string, base: number, maxDepth: number, depthSeen: { max: number }): Map<string, KeyLocation> | undefined {
  const keys = new Map<string, KeyLocation>();
  const path: string[] = [];
  let pendingKey: string | undefined;
  const n = text.length;
  /** Index just past the string token opening at `i`, or -1 when it never closes. */
  const stringEnd = (i: number): number => {
    for (let j = i + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === Char.Backslash) j++;
      else if (c === Char.Quote) return j + 1;
    }
    return -1;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isJsonSpace(c) || c === Char.Comma || c === Char.Colon) {
      i++;
    } else if (c === Char.OpenBrace) {
      path.push(pendingKey ?? '');
      if (path.length > depthSeen.max) depthSeen.max = path.length;
      pendingKey = undefined;
      i++;
    } else if (c === Char.CloseBrace) {
      if (path.length === 0) return undefined;
      path.pop();
      i++;
    } else if (c === Char.OpenBracket) {
      // Skip the whole array: nothing inside it is indexed.
      let depth = 0;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === Char.Quote) {
          const end = stringEnd(i);
          if (end < 0) return undefined;
          i = end - 1;
        } else if (d === Char.OpenBracket || d === Char.OpenBrace) {
          if (path.length + ++depth > depthSeen.max) depthSeen.max = path.length + depth;
        } else if (d === Char.CloseBracket || d === Char.CloseBrace) {
          if (--depth === 0) break;
        } else if (d === Char.Slash) return undefined;
      }
      if (depth !== 0) return undefined;
      pendingKey = undefined;
      i++;
    } else if (c === Char.Quote) {
      const end = stringEnd(i);
      if (end < 0) return undefined;
      let next = end;
      while (next < n && isJsonSpace(text.charCodeAt(next))) next++;
      if (next < n && text.charCodeAt(next) === Char.Colon) {
        const raw = text.slice(i, end);
        const property = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        pendingKey = property;
        if (path.length <= maxDepth) {
          const key = [...path.slice(1), property].join('/');
          if (!keys.has(key)) keys.set(key, { offset: base + i, length: end - i });
        }
      } else {
        pendingKey = undefined;
      }
      i = end;
    } else if (c === Char.Slash || c === Char.CloseBracket) {
      return undefined;
    } else {
      // A number, true, false, null, NaN or Infinity: runs to the next delimiter.
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isJsonSpace(d) || d === Char.Comma || d === Char.CloseBrace || d === Char.CloseBracket || d === Char.Colon || d === Char.Quote || d === Char.OpenBrace || d === Char.OpenBracket || d === Char.Slash) break;
        i++;
      }
      pendingKey = undefined;
    }
  }
  return path.length === 0 ? keys : undefined;
}

/** indexKeys for any text jsonc-parser accepts (comments, trailing commas, errors); also the reference the one-pass scan is tested against. */
export function indexKeysByVisitor(text: string, base: number, maxDepth: number): Map<string, KeyLocation> {
  const keys = new Map<string, KeyLocation>();
  const path: string[] = [];
  let arrays = 0;
  let pendingKey: string | undefined;
  const swapped = swapNonFinite(text).text;
  visit(
    swapped,
    {
      onObjectBegin: () => {
        if (arrays === 0) path.push(pendingKey ?? '');
        pendingKey = undefined;
      },
      onObjectEnd: () => {
        if (arrays === 0) path.pop();
      },
      onArrayBegin: () => {
        arrays++;
        pendingKey = undefined;
      },
      onArrayEnd: () => {
        arrays--;
      },
      onObjectProperty: (property, offset, length) => {
        if (arrays > 0) return;
        pendingKey = property;
        if (path.length > maxDepth) return;
        const key = [...path.slice(1), property].join('/');
        if (!keys.has(key)) keys.set(key, { offset: base + offset, length });
      },
      onLiteralValue: () => {
        pendingKey = undefined;
      },
    },
    { disallowComments: false, allowTrailingComma: true },
  );
  return keys;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
