// Entry point: bytes of one result file -> summaries (one per strategy). Never throws: every
// failure becomes a problem on a summary, so the editor can show it at the file.
import * as path from 'node:path';
import type { BacktestSummary, ResultProblem } from './summary';
import { problem, unusable } from './problems';
import { decodeText } from './text-decode';
import { indexKeysAndDepth, MAX_JSON_DEPTH, readJson } from './json-read';
import { guessFormat, kindByContent, kindByName } from './sniff';
import { isZipSignature } from './zip-read';
import { isXlsx } from './xlsx-read';
import { loadTradingViewXlsx } from './tradingview-xlsx';
import { loadFreqtradeZip } from './freqtrade-zip';
import { loadFreqtradeHyperopt, looksLikeHyperoptLine } from './freqtrade-hyperopt';
import { loadCsvResult } from './csv-result';
import { loadBacktestingPyStats, looksLikeBacktestingPyStats } from './backtesting-py';
import { loadFrameworkCsv } from './framework-csv';
import { loadZiplinePerfJson, looksLikeZiplinePerfJson } from './zipline-perf';
import { loadFreqtradeBacktest, looksLikeFreqtradeBacktest } from './freqtrade-backtest';
import { loadFreqtradeMeta, looksLikeFreqtradeMeta } from './freqtrade-meta';
import { loadLastResult, looksLikeLastResult } from './freqtrade-last-result';
import { loadLeanBacktest, loadLeanConfig, looksLikeLeanBacktest, looksLikeLeanConfig } from './lean-backtest';
import { completeLeanRun, nodeSiblingReader, type SiblingReader } from './lean-cli';
import { loadStrategyLintJson, looksLikeStrategyLintJson } from './strategy-lint-json';

export const DEFAULT_MAX_RESULT_BYTES = 50 * 1024 * 1024;

export interface LoadResultOptions {
  /** Files above this many bytes are not parsed (default 50 MB). */
  maxBytes?: number;
  /** Reads a LEAN CLI run's sibling files (`<id>-summary.json`, `<id>-order-events.json`); default: the same folder on disk. */
  siblings?: SiblingReader;
}

export function loadResultFile(file: string, bytes: Uint8Array, options: LoadResultOptions = {}): BacktestSummary[] {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RESULT_BYTES;
  try {
    if (bytes.length > maxBytes) {
      const s = unusable(guessFormat(file), file, `skipped: too large (${bytes.length} bytes; the limit is ${maxBytes})`);
      s.problems[0].severity = 'warning';
      return [s];
    }
    return loadWithinCap(file, bytes, maxBytes, options.siblings ?? nodeSiblingReader(maxBytes));
  } catch (e) {
    // A loader bug must not take the language server down: report it on the file instead.
    return [unusable(guessFormat(file), file, `internal error while reading the result: ${(e as Error)?.message ?? String(e)}`)];
  }
}

function loadWithinCap(file: string, bytes: Uint8Array, maxBytes: number, siblings: SiblingReader): BacktestSummary[] {
  const byName = kindByName(file);
  if (isZipSignature(bytes)) return byName === 'xlsx' || isXlsx(bytes) ? loadTradingViewXlsx(file, bytes, maxBytes) : loadFreqtradeZip(file, bytes, maxBytes);
  if (byName === 'zip') return [unusable('freqtrade-zip', file, 'not a zip: the file does not start with a zip signature (PK)')];
  if (byName === 'xlsx') return [unusable('tradingview-trades', file, 'not an XLSX workbook: the file does not start with a zip signature (PK)')];
  if (bytes.length === 0) return [unusable(guessFormat(file), file, 'empty file')];

  const decoded = decodeText(bytes);
  if (!decoded.ok) return [withProblems(unusable(guessFormat(file), file, decoded.problems[0].message), decoded.problems.slice(1))];
  const text = decoded.text;
  const kind = byName === 'unknown' ? kindByContent(text) : byName;
  let summaries: BacktestSummary[];
  if (kind === 'hyperopt') summaries = loadFreqtradeHyperopt(file, text);
  else if (kind === 'csv') summaries = loadFrameworkCsv(file, text) ?? loadCsvResult(file, text);
  else if (kind === 'json') summaries = loadJson(file, text, siblings);
  else summaries = [unusable(guessFormat(file), file, 'not a result file: neither JSON, JSON lines nor CSV')];
  return summaries.map((s) => withProblems(s, decoded.problems, true));
}

function loadJson(file: string, text: string, siblings: SiblingReader): BacktestSummary[] {
  const read = readJson(text);
  if (read.value === undefined) {
    // JSON lines with several epochs do not parse as one document: hyperopt without .fthypt.
    const firstLine = readJson(text.split('\n', 1)[0]);
    if (looksLikeHyperoptLine(firstLine.value)) return loadFreqtradeHyperopt(file, text);
    const s = unusable(guessFormat(file), file, read.problems[0]?.message ?? 'malformed JSON', read.problems[0]?.offset !== undefined ? { offset: read.problems[0].offset, length: read.problems[0].length ?? 1 } : undefined);
    return [s];
  }
  const value = read.value;
  const { keys, depth } = indexKeysAndDepth(text);
  if (!keys || depth > MAX_JSON_DEPTH) return [unusable(guessFormat(file), file, `JSON nested ${depth} levels deep (more than ${MAX_JSON_DEPTH}): not a result file`)];
  const name = path.basename(file).toLowerCase();
  let summaries: BacktestSummary[];
  if (looksLikeStrategyLintJson(value)) summaries = loadStrategyLintJson(file, value, keys);
  else if (looksLikeLastResult(value)) summaries = loadLastResult(file, value, keys);
  else if (looksLikeFreqtradeBacktest(value)) summaries = loadFreqtradeBacktest(file, value, keys);
  else if (name.endsWith('.meta.json') || looksLikeFreqtradeMeta(value)) {
    summaries = looksLikeFreqtradeMeta(value) ? loadFreqtradeMeta(file, value, keys) : [unusable('freqtrade-meta', file, 'meta file without strategy entries ({Name: {run_id, ...}})')];
  } else if (looksLikeBacktestingPyStats(value)) summaries = loadBacktestingPyStats(file, value, keys);
  else if (looksLikeZiplinePerfJson(value)) summaries = loadZiplinePerfJson(file, value, keys);
  else if (looksLikeLeanBacktest(value)) summaries = loadLeanBacktest(file, value, keys).map((s) => completeLeanRun(s, siblings));
  else if (looksLikeLeanConfig(value)) summaries = loadLeanConfig(file, value, keys);
  else if (looksLikeHyperoptLine(value)) summaries = loadFreqtradeHyperopt(file, text);
  else summaries = [unusable(guessFormat(file), file, 'JSON is not a recognised result: expected freqtrade, LEAN or strategy-lint/v1 keys')];
  if (summaries.length === 0) summaries = [unusable(guessFormat(file), file, 'result holds no strategy')];
  return summaries.map((s) => withProblems(s, read.problems, true));
}

function withProblems(s: BacktestSummary, extra: ResultProblem[], first = false): BacktestSummary {
  if (extra.length) s.problems = first ? [...extra, ...s.problems] : [...s.problems, ...extra];
  return s;
}

