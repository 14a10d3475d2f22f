// Which strategies a freqtrade result holds, read cheaply: the `.meta.json` beside it when
// present, else only the first and last few KB of the file (never the whole result).
import * as path from 'node:path';
import type { ResultFs } from './result-fs';

const HEAD_BYTES = 16 * 1024;
const TAIL_BYTES = 64 * 1024;

/** `<stem>.meta.json` for `<stem>.json` or `<stem>.zip`. */
export function metaFileFor(resultFile: string): string {
  return resultFile.replace(/\.(json|zip)$/i, '') + '.meta.json';
}

export function freqtradeResultStrategies(fs: ResultFs, file: string): string[] {
  const fromMeta = readMetaNames(fs, metaFileFor(file));
  if (fromMeta) return fromMeta;
  const names = new Set<string>();
  const latin1 = (b: Uint8Array | undefined) => (b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1') : '');
  if (/\.zip$/i.test(file)) {
    // The central directory at the end lists "<stem>_<Strategy>.py" copies.
    for (const m of latin1(fs.readPart(file, TAIL_BYTES, true)).matchAll(/_([A-Za-z_][A-Za-z0-9_]*)\.py/g)) names.add(m[1]);
    return [...names];
  }
  const head = latin1(fs.readPart(file, HEAD_BYTES));
  const first = /^\s*\{\s*(?:"metadata"\s*:\s*\{[^]*?\}\s*\}\s*,\s*)?"strategy"\s*:\s*\{\s*"([^"\\]+)"/.exec(head);
  if (first) names.add(first[1]);
  const tail = latin1(fs.readPart(file, TAIL_BYTES, true));
  for (const m of tail.matchAll(/"strategy_name"\s*:\s*"([^"\\]+)"/g)) names.add(m[1]);
  const comparison = tail.lastIndexOf('"strategy_comparison"');
  if (comparison >= 0) for (const m of tail.slice(comparison).matchAll(/"key"\s*:\s*"([^"\\]+)"/g)) names.add(m[1]);
  return [...names];
}

function readMetaNames(fs: ResultFs, metaFile: string): string[] | undefined {
  const bytes = fs.readPart(metaFile, TAIL_BYTES);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return Object.keys(value);
  } catch {
    // a broken meta file: fall back to peeking at the result itself
  }
  return undefined;
}

/** Does a hyperopt file belong to the class: by freqtrade's file name, else its first 64 KB. */
export function hyperoptIsFor(fs: ResultFs, file: string, className: string): boolean {
  const name = path.basename(file);
  if (name === `strategy_${className}.fthypt` || name.startsWith(`strategy_${className}_`)) return true;
  if (name.startsWith('strategy_')) return false; // named for another strategy
  const head = fs.readPart(file, TAIL_BYTES);
  if (!head) return false;
  const text = Buffer.from(head).toString('latin1');
  return new RegExp(`"strategy_name"\\s*:\\s*"${className.replace(/[^A-Za-z0-9_]/g, '')}"`).test(text);
}
