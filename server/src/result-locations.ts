// Where a diagnostic about a result file points. A key in a pretty-printed file is pointed at;
// a key far along a long line (a one-line JSON export puts every key on line 1) is shown at the
// start of its line with the key path in the message, never at "column 19,000".
import * as fs from 'fs';
import { getLocation } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver';
import { LineIndex } from './engine/text';

/** Keys further along their line than this are reported at the line's start. */
export const LONG_LINE_COLUMN = 200;

export interface ResultLocation {
  range: Range;
  /** The key path ("strategy/MyStrategy/total_trades"), when the range was moved to the line start. */
  keyPath?: string;
}

export class ResultLocations {
  private readonly keyPaths = new Map<string, string | undefined>();

  /** Where to show `range` of `file`: itself, or the line start plus the key path. */
  locate(file: string, range: Range): ResultLocation {
    if (range.start.character <= LONG_LINE_COLUMN) return { range };
    const start = { line: range.start.line, character: 0 };
    return { range: { start, end: start }, keyPath: this.keyPathAt(file, range) };
  }

  /** The message with the key path added when the location was moved. */
  message(message: string, location: ResultLocation): string {
    return location.keyPath ? `${message} (at key ${location.keyPath})` : message;
  }

  /** Result files changed on disk: their key paths are read again. */
  forget(): void {
    this.keyPaths.clear();
  }

  private keyPathAt(file: string, range: Range): string | undefined {
    const cacheKey = `${file}\0${range.start.line}\0${range.start.character}`;
    if (this.keyPaths.has(cacheKey)) return this.keyPaths.get(cacheKey);
    let keyPath: string | undefined;
    try {
      const text = fs.readFileSync(file, 'utf8');
      if (/\.json$/i.test(file)) {
        // Just inside the key's opening quote, so the location is the key itself.
        const offset = new LineIndex(text).offsetAt(range.start) + 1;
        const path = getLocation(text, offset).path;
        if (path.length) keyPath = path.join('/');
      }
    } catch {
      // Unreadable now: the message goes without a key path.
    }
    if (this.keyPaths.size > 1000) this.keyPaths.clear();
    this.keyPaths.set(cacheKey, keyPath);
    return keyPath;
  }
}
