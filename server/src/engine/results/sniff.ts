// Which loader reads a file: by name first (extensions freqtrade/LEAN use), then by content.
import * as path from 'node:path';
import type { ResultFormat } from './summary';

export type FileKind = 'zip' | 'xlsx' | 'hyperopt' | 'csv' | 'json' | 'unknown';

export function kindByName(file: string): FileKind {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.zip')) return 'zip';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.fthypt')) return 'hyperopt';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.json') || name.endsWith('.jsonl')) return 'json';
  return 'unknown';
}

/** Content sniffing for files whose name says nothing: JSON starts with { or [. */
export function kindByContent(text: string): FileKind {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  const firstLine = text.slice(0, 4096).split(/\r?\n/, 1)[0];
  if (/[,;\t]/.test(firstLine) || /^\s*[-+]?\d/.test(firstLine)) return 'csv';
  return 'unknown';
}

/** The format to report when the file cannot be identified (with `recognized: false`). */
export function guessFormat(file: string): ResultFormat {
  const name = path.basename(file).toLowerCase();
  if (name === '.last_result.json') return 'freqtrade-last-result';
  if (name.endsWith('.meta.json')) return 'freqtrade-meta';
  switch (kindByName(file)) {
    case 'zip': return 'freqtrade-zip';
    case 'xlsx': return 'tradingview-trades';
    case 'hyperopt': return 'freqtrade-hyperopt';
    case 'csv': return 'csv-returns';
    default: return 'strategy-lint-json';
  }
}
