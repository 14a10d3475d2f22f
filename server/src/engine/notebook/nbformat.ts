// Reading Jupyter notebooks (nbformat 4 JSON) without executing or even fully materialising them.
// A small validating scanner walks the JSON: it decodes only what the linter needs (nbformat, the
// kernel language, each cell's type and source) and skips everything else (outputs can be many
// megabytes of base64 images) without building objects. It also records where each cell's
// `source` value sits in the file, so `--fix` can splice new sources in and leave every other byte
// (outputs, metadata, key order, number formatting, indentation) as it was.
import { LineIndex } from '../text';

export type CellKind = 'code' | 'markdown' | 'raw';

export interface NotebookCellSource {
  /** 0-based index among ALL cells of the notebook (the CLI reports it 1-based). */
  index: number;
  kind: CellKind | string;
  /** The cell's source joined into one string. */
  source: string;
  /** How `source` was stored: a list of lines (nbformat's usual form) or one string. */
  sourceForm: 'list' | 'string' | 'missing';
  /** [start, end) offsets of the `source` value in the file text (absent when missing). */
  sourceSpan?: [number, number];
  /** Offset in the file of the `"source"` key (to derive indentation for a rewrite). */
  keyOffset?: number;
  /** 0-based file line where each list element starts (list form), or the string starts. */
  elementLines: number[];
}

export interface ParsedNotebook {
  nbformat: number;
  nbformatMinor: number;
  /** The kernel's language (metadata.kernelspec.language / language_info.name), if stated. */
  language?: string;
  cells: NotebookCellSource[];
}

export type NotebookParseResult = { notebook: ParsedNotebook } | { error: string };

class JsonError extends Error {}

const MAX_DEPTH = 2000;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  pos = 0;
  private lines?: LineIndex;
  constructor(readonly text: string) {}

  fail(what: string, at = this.pos): never {
    this.lines ??= new LineIndex(this.text);
    const p = this.lines.positionAt(at);
    const found = at >= this.text.length ? 'end of file' : `'${this.text[at]}'`;
    throw new JsonError(`invalid JSON at line ${p.line + 1} column ${p.character + 1}: ${what}, found ${found}`);
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  expect(ch: string): void {
    this.ws();
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  /** Scans a string token; returns its [start, end) span including the quotes. */
  stringSpan(): [number, number] {
    this.ws();
    const t = this.text;
    const start = this.pos;
    if (t[start] !== '"') this.fail('expected a string');
    let i = start + 1;
    for (;;) {
      const q = t.indexOf('"', i);
      const b = t.indexOf('\\', i);
      if (q < 0) this.fail('unterminated string', t.length);
      if (b >= 0 && b < q) {
        this.checkControl(i, b);
        const e = t[b + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(b + 2, b + 6))) this.fail('bad \\u escape', b);
          i = b + 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i = b + 2;
        else this.fail('bad escape', b);
        continue;
      }
      this.checkControl(i, q);
      this.pos = q + 1;
      return [start, q + 1];
    }
  }

  private checkControl(from: number, to: number): void {
    for (let k = from; k < to; k++) if (this.text.charCodeAt(k) < 0x20) this.fail('control character in string', k);
  }

  string(): string {
    const [s, e] = this.stringSpan();
    return JSON.parse(this.text.slice(s, e)) as string;
  }

  /** Validates and skips any value without building it. */
  skip(depth = 0): void {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    this.ws();
    const c = this.peek();
    if (c === '"') this.stringSpan();
    else if (c === '{') this.object(() => this.skip(depth + 1));
    else if (c === '[') this.array(() => this.skip(depth + 1));
    else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!this.text.startsWith(word, this.pos)) this.fail('expected a value');
      this.pos += word.length;
    } else this.number();
  }

  number(): number {
    this.ws();
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail('expected a value');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  /** Calls `member(key, keyOffset)` with the scanner positioned before each value. */
  object(member: (key: string, keyOffset: number) => void): void {
    this.expect('{');
    this.ws();
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      const keyOffset = this.pos;
      const key = this.string();
      this.expect(':');
      member(key, keyOffset);
      this.ws();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c === '}') {
        this.pos++;
        return;
      } else this.fail("expected ',' or '}'");
    }
  }

  array(element: (index: number) => void): void {
    this.expect('[');
    this.ws();
    if (this.peek() === ']') {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      element(i);
      this.ws();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c === ']') {
        this.pos++;
        return;
      } else this.fail("expected ',' or ']'");
    }
  }

  lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line;
  }
}

/** Parses nbformat 4; any other input gives a one-line, human-readable error (never throws). */
export function parseNotebook(input: string): NotebookParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const s = new Scanner(text);
  let nbformat: number | undefined;
  let nbformatMinor = 0;
  let language: string | undefined;
  let cells: NotebookCellSource[] | undefined;
  let worksheets = false;
  try {
    s.ws();
    if (s.peek() !== '{') s.fail('a notebook is a JSON object');
    s.object((key) => {
      if (key === 'nbformat') nbformat = s.number();
      else if (key === 'nbformat_minor') nbformatMinor = s.number();
      else if (key === 'worksheets') {
        worksheets = true;
        s.skip();
      } else if (key === 'metadata') language = readMetadataLanguage(s);
      else if (key === 'cells') cells = readCells(s);
      else s.skip();
    });
    s.ws();
    if (s.pos < text.length) s.fail('unexpected content after the notebook');
  } catch (error) {
    if (error instanceof JsonError) return { error: `not a valid notebook: ${error.message}` };
    return { error: `not a valid notebook: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (nbformat === undefined) return { error: 'not a Jupyter notebook: no "nbformat" field' };
  if (nbformat !== 4 || worksheets) {
    return { error: `nbformat ${nbformat} notebook: only nbformat 4 is supported (convert it with \`jupyter nbconvert --to notebook --nbformat 4\`)` };
  }
  if (!cells) return { error: 'not a valid nbformat 4 notebook: no "cells" list' };
  return { notebook: { nbformat, nbformatMinor, language, cells } };
}

function readMetadataLanguage(s: Scanner): string | undefined {
  let language: string | undefined;
  s.ws();
  if (s.peek() !== '{') {
    s.skip();
    return undefined;
  }
  s.object((key) => {
    if (key === 'kernelspec' || key === 'language_info') {
      s.ws();
      if (s.peek() !== '{') return s.skip();
      s.object((inner) => {
        s.ws();
        if ((inner === 'language' || (key === 'language_info' && inner === 'name')) && s.peek() === '"') {
          const value = s.string();
          language ??= value;
        }
        else s.skip();
      });
    } else s.skip();
  });
  return language;
}

function readCells(s: Scanner): NotebookCellSource[] {
  const cells: NotebookCellSource[] = [];
  s.ws();
  if (s.peek() !== '[') s.fail('"cells" must be a list');
  s.array((index) => {
    s.ws();
    if (s.peek() !== '{') s.fail('a cell must be an object');
    const cell: NotebookCellSource = { index, kind: 'raw', source: '', sourceForm: 'missing', elementLines: [] };
    s.object((key, keyOffset) => {
      s.ws();
      if (key === 'cell_type' && s.peek() === '"') cell.kind = s.string();
      else if (key === 'source') {
        const start = s.pos;
        cell.keyOffset = keyOffset;
        if (s.peek() === '"') {
          cell.source = s.string();
          cell.sourceForm = 'string';
          cell.elementLines = [s.lineOf(start)];
        } else if (s.peek() === '[') {
          const parts: string[] = [];
          s.array(() => {
            s.ws();
            cell.elementLines.push(s.lineOf(s.pos));
            parts.push(s.string());
          });
          cell.source = parts.join('');
          cell.sourceForm = 'list';
        } else s.fail('a cell "source" must be a string or a list of strings');
        cell.sourceSpan = [start, s.pos];
      } else s.skip();
    });
    cells.push(cell);
  });
  return cells;
}

/** Code cells worth linting: the kernel is Python (or unstated) and the cell is code. */
export function isPythonNotebook(notebook: ParsedNotebook): boolean {
  return !notebook.language || /^(i?python\d?|py)$/i.test(notebook.language);
}
