// freqtrade's zip result format (2025+): backtest-result-<date>.zip holding
//   backtest-result-<date>.json            the result (same shape as the plain JSON)
//   backtest-result-<date>_config.json     the sanitised config
//   backtest-result-<date>_<Strategy>.py   a copy of each strategy file
//   backtest-result-<date>_<Strategy>.json its parameter file, when there was one
// plus optional .feather/.pkl analysis files, which are never opened.
import type { BacktestSummary } from './summary';
import { problem, unusable } from './problems';
import { decodeText } from './text-decode';
import { isRecord, readJson } from './json-read';
import { listZip, readZipEntry, ZipError, type ZipEntry } from './zip-read';
import { loadFreqtradeBacktest, looksLikeFreqtradeBacktest } from './freqtrade-backtest';
import { flattenParamSpaces } from './freqtrade-params';

/** Strategy copies above this size are not kept in the summary (they are only for comparison). */
const MAX_STRATEGY_SOURCE = 2 * 1024 * 1024;

export function loadFreqtradeZip(file: string, bytes: Uint8Array, maxBytes: number): BacktestSummary[] {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch (e) {
    return [unusable('freqtrade-zip', file, `not a readable zip: ${(e as Error).message}`)];
  }
  const jsons = entries.filter((e) => e.name.endsWith('.json') && !e.name.endsWith('_config.json') && !e.name.endsWith('.meta.json'));
  const zipStem = file.replace(/^.*[\\/]/, '').replace(/\.zip$/i, '');
  // The result JSON is normally named like the zip; try that first, then the other JSON entries.
  jsons.sort((a, b) => Number(b.name === `${zipStem}.json`) - Number(a.name === `${zipStem}.json`));
  const notes: string[] = [];
  for (const entry of jsons) {
    const inner = readInnerJson(bytes, entry, maxBytes, notes);
    if (inner === undefined || !looksLikeFreqtradeBacktest(inner.value)) continue;
    const base = entry.name.replace(/\.json$/, '');
    const summaries = loadFreqtradeBacktest(file, inner.value, new Map(), 'freqtrade-zip');
    if (summaries.length === 0) {
      notes.push(`${entry.name}: result holds no strategy`);
      continue;
    }
    for (const s of summaries) {
      s.problems.unshift(...inner.problems.map((p) => ({ ...p, message: `${entry.name}: ${p.message}`, offset: undefined, length: undefined })));
      if (s.strategy) attachStrategyFiles(s, s.strategy, base, bytes, entries, maxBytes);
    }
    return summaries;
  }
  const s = unusable('freqtrade-zip', file, 'zip holds no freqtrade backtest result JSON');
  s.problems.push(...notes.map((n) => problem(n, 'warning')));
  return [s];
}

function readInnerJson(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, notes: string[]) {
  try {
    const decoded = decodeText(readZipEntry(bytes, entry, maxBytes));
    if (!decoded.ok) { notes.push(`${entry.name}: ${decoded.problems[0]?.message}`); return undefined; }
    const read = readJson(decoded.text);
    if (read.value === undefined) { notes.push(`${entry.name}: ${read.problems[0]?.message}`); return undefined; }
    return { value: read.value, problems: [...decoded.problems, ...read.problems] };
  } catch (e) {
    notes.push(e instanceof ZipError ? e.message : `${entry.name}: ${(e as Error).message}`);
    return undefined;
  }
}

/** The archived strategy copy and parameter file tell what code/params produced the result. */
function attachStrategyFiles(s: BacktestSummary, strategy: string, base: string, bytes: Uint8Array, entries: ZipEntry[], maxBytes: number): void {
  const find = (suffix: string) => entries.find((e) => e.name === `${base}_${strategy}${suffix}`) ?? entries.find((e) => e.name.endsWith(`_${strategy}${suffix}`));
  const py = find('.py');
  if (py) {
    try {
      const decoded = decodeText(readZipEntry(bytes, py, Math.min(maxBytes, MAX_STRATEGY_SOURCE)));
      if (decoded.ok) s.strategySource = decoded.text;
    } catch (e) {
      s.problems.push(problem(`strategy copy ${py.name} not read: ${(e as Error).message}`, 'info'));
    }
  }
  const params = find('.json');
  if (params) {
    try {
      const decoded = decodeText(readZipEntry(bytes, params, maxBytes));
      const value = decoded.ok ? readJson(decoded.text).value : undefined;
      const flat = isRecord(value) ? flattenParamSpaces(value.params) : undefined;
      if (flat) s.parameters = flat;
    } catch (e) {
      s.problems.push(problem(`parameter file ${params.name} not read: ${(e as Error).message}`, 'info'));
    }
  }
}
