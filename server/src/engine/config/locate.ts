// Finding where a key (or value) sits in a configuration file's text, so a problem can be shown
// on the offending key. JSON uses jsonc-parser's tree; TOML gets a small structural scanner here
// (smol-toml gives values, not positions). The scanner only records spans: it never decides
// validity (smol-toml does) and gives up quietly on text it does not understand.
import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';

export type KeyPath = (string | number)[];

export interface Span {
  offset: number;
  length: number;
}

export interface Locator {
  /** Span of the key that names `path` (for an array element: the element itself). */
  key(path: KeyPath): Span | undefined;
  /** Span of the value at `path`. */
  value(path: KeyPath): Span | undefined;
}

const id = (path: KeyPath) => JSON.stringify(path);

export function jsonLocator(root: JsonNode | undefined): Locator {
  const node = (path: KeyPath) => (root ? findNodeAtLocation(root, path) : undefined);
  return {
    key(path) {
      const found = node(path);
      if (!found) return undefined;
      const parent = found.parent;
      if (parent?.type === 'property' && parent.children?.[0]) return { offset: parent.children[0].offset, length: parent.children[0].length };
      return { offset: found.offset, length: found.length };
    },
    value(path) {
      const found = node(path);
      return found ? { offset: found.offset, length: found.length } : undefined;
    },
  };
}

interface Segment extends Span {
  name: string;
}

/** Scans TOML text for the spans of keys (with their full dotted paths) and values. */
export function tomlLocator(text: string): Locator {
  const keys = new Map<string, Span>();
  const values = new Map<string, Span>();
  const arrayTables = new Map<string, number>();
  const record = (map: Map<string, Span>, path: KeyPath, span: Span) => {
    const k = id(path);
    if (!map.has(k)) map.set(k, span);
  };
  const n = text.length;
  let i = 0;

  const skipSpaces = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipToLineEnd = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  // Whitespace, newlines and comments (inside arrays and between statements).
  const skipBlank = () => {
    for (;;) {
      skipSpaces();
      if (text[i] === '\r' || text[i] === '\n') i++;
      else if (text[i] === '#') skipToLineEnd();
      else return;
    }
  };

  const readBasicString = (): string | undefined => {
    // at '"'
    const start = i;
    i++;
    while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    if (text[i] !== '"') return undefined;
    i++;
    const raw = text.slice(start, i);
    try {
      return JSON.parse(raw.replace(/\\U([0-9a-fA-F]{8})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)).replace(/[\\"]/g, '\\$&')));
    } catch {
      return raw.slice(1, -1);
    }
  };

  const readSegment = (): Segment | undefined => {
    const start = i;
    if (text[i] === '"') {
      const name = readBasicString();
      return name === undefined ? undefined : { name, offset: start, length: i - start };
    }
    if (text[i] === "'") {
      const end = text.indexOf("'", i + 1);
      const eol = text.indexOf('\n', i + 1);
      if (end < 0 || (eol >= 0 && eol < end)) return undefined;
      i = end + 1;
      return { name: text.slice(start + 1, end), offset: start, length: i - start };
    }
    while (i < n && /[A-Za-z0-9_-]/.test(text[i])) i++;
    return i > start ? { name: text.slice(start, i), offset: start, length: i - start } : undefined;
  };

  const readDottedKey = (): Segment[] | undefined => {
    const segments: Segment[] = [];
    for (;;) {
      skipSpaces();
      const segment = readSegment();
      if (!segment) return undefined;
      segments.push(segment);
      skipSpaces();
      if (text[i] !== '.') return segments;
      i++;
    }
  };

  const recordKeys = (base: KeyPath, segments: Segment[]) => {
    const path = [...base];
    for (const segment of segments) {
      path.push(segment.name);
      record(keys, path, segment);
    }
    return path;
  };

  const skipString = (): boolean => {
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = text.slice(i, i + 3);
      i += 3;
      while (i < n && !text.startsWith(quote, i)) i += quote === '"""' && text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 3);
      while (text[i] === quote[0]) i++; // up to two quotes may close the content
      return true;
    }
    if (text[i] === '"') {
      if (readBasicString() === undefined) skipToLineEnd();
      return true;
    }
    if (text[i] === "'") {
      const end = text.indexOf("'", i + 1);
      const eol = text.indexOf('\n', i + 1);
      if (end < 0 || (eol >= 0 && eol < end)) skipToLineEnd();
      else i = end + 1;
      return true;
    }
    return false;
  };

  // Returns false when it could not make sense of the value (the caller skips the line).
  const readValue = (path: KeyPath, depth: number): boolean => {
    if (depth > 100) return false;
    skipSpaces();
    const start = i;
    if (text[i] === '{') {
      i++;
      for (;;) {
        skipBlank();
        if (text[i] === '}') {
          i++;
          break;
        }
        const segments = readDottedKey();
        if (!segments) return false;
        const keyPath = recordKeys(path, segments);
        skipSpaces();
        if (text[i] !== '=') return false;
        i++;
        if (!readValue(keyPath, depth + 1)) return false;
        skipBlank();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') return false;
      }
    } else if (text[i] === '[') {
      i++;
      for (let index = 0; ; index++) {
        skipBlank();
        if (text[i] === ']') {
          i++;
          break;
        }
        const elementStart = i;
        if (!readValue([...path, index], depth + 1)) return false;
        const span = values.get(id([...path, index]));
        if (span && span.offset === elementStart) record(keys, [...path, index], span);
        skipBlank();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') return false;
      }
    } else if (!skipString()) {
      while (i < n && !/[,\]}\r\n#]/.test(text[i])) i++;
      let end = i;
      while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      if (end === start) return false;
      record(values, path, { offset: start, length: end - start });
      return true;
    }
    record(values, path, { offset: start, length: i - start });
    return true;
  };

  let table: KeyPath = [];
  while (i < n) {
    skipBlank();
    if (i >= n) break;
    const lineStart = i;
    if (text.startsWith('[[', i)) {
      i += 2;
      const segments = readDottedKey();
      if (segments) {
        const names = segments.map((s) => s.name);
        const count = arrayTables.get(id(names)) ?? 0;
        arrayTables.set(id(names), count + 1);
        recordKeys([], segments);
        table = [...names, count];
        record(keys, table, segments[segments.length - 1]);
      }
      skipToLineEnd();
    } else if (text[i] === '[') {
      i++;
      const segments = readDottedKey();
      if (segments) table = recordKeys([], segments);
      skipToLineEnd();
    } else {
      const segments = readDottedKey();
      skipSpaces();
      if (segments && text[i] === '=') {
        i++;
        const path = recordKeys(table, segments);
        if (!readValue(path, 0)) skipToLineEnd();
      }
      skipSpaces();
      if (text[i] === '#') skipToLineEnd();
      else if (i < n && text[i] !== '\n' && text[i] !== '\r') skipToLineEnd();
    }
    if (i === lineStart) i++;
  }

  return {
    key: (path) => keys.get(id(path)),
    value: (path) => values.get(id(path)),
  };
}

/** Offset of a 1-based line/column pair (as smol-toml reports them). */
export function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
