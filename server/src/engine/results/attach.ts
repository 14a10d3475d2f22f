// Finds, loads and summarises the result files that belong to a strategy. Each file is read,
// parsed and its statistics (PBO included) computed once per modification, then cached:
// the keystroke path only re-associates (cheap stats of a few paths) and reuses the cache.
import * as fs from 'fs';
import { associateResults, isRefused } from './association';
import type { ResultsDirective } from './strategy-directives';
import type { ResultFs } from './result-fs';
import { loadResultFile, DEFAULT_MAX_RESULT_BYTES } from './load-result';
import type { BacktestSummary } from './summary';
import { computeResultStatistics } from './statistics';
import type { AttachedResult, AttachedResults } from '../rules/rule';
import { LineIndex } from '../text';
import type { Range } from '../types';

export interface ResultFileProblem {
  range: Range;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface LoadedResultFile {
  file: string;
  mtimeMs: number;
  size: number;
  results: Omit<AttachedResult, 'reason'>[];
  problems: ResultFileProblem[];
}

export interface AttachOptions {
  workspaceRoot: string;
  settingsGlobs?: string[];
  /** Periods per year for return series whose format does not say (configuration; default 252). */
  periodsPerYear?: number;
  maxBytes?: number;
  /** File access for association (default: node fs); the CLI passes a memoizing one. */
  fs?: ResultFs;
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class ResultFileCache {
  private readonly files = new Map<string, LoadedResultFile>();

  /** `kept`: at most this many files stay loaded, the least recently used dropped first. */
  constructor(readonly periodsPerYear = 252, private readonly maxBytes = DEFAULT_MAX_RESULT_BYTES, private readonly kept = Infinity) {}

  /** The loaded file, re-read only when its size or modification time changed. */
  load(file: string): LoadedResultFile {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      stat = undefined;
    }
    const cached = this.files.get(file);
    // Re-inserted on every use: the map's order is the order of last use.
    this.files.delete(file);
    const loaded = cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size ? cached : stat ? this.read(file, stat) : missing(file);
    this.files.set(file, loaded);
    if (this.files.size > this.kept) this.files.delete(this.files.keys().next().value as string);
    return loaded;
  }

  forget(file?: string): void {
    if (file) this.files.delete(file);
    else this.files.clear();
  }

  cachedFiles(): LoadedResultFile[] {
    return [...this.files.values()];
  }

  private read(file: string, stat: fs.Stats): LoadedResultFile {
    let bytes: Uint8Array;
    if (stat.size > this.maxBytes) {
      // Do not even read it: one problem, bounded memory.
      const message = `skipped: too large (${stat.size} bytes; the limit is ${this.maxBytes})`;
      return { file, mtimeMs: stat.mtimeMs, size: stat.size, results: [], problems: [{ range: ORIGIN, message, severity: 'warning' }] };
    }
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      return { ...missing(file), problems: [{ range: ORIGIN, message: `cannot read result file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, severity: 'error' }] };
    }
    const summaries = loadResultFile(file, bytes, { maxBytes: this.maxBytes });
    // Offsets from loaders are in the decoded text; decode the same way to place them.
    const lines = new LineIndex(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    const rangeOf = (offset: number, length: number): Range => lines.rangeOf(offset, offset + Math.max(0, length));
    const problems: ResultFileProblem[] = [];
    const results = summaries.map((summary) => {
      for (const p of summary.problems) problems.push({ range: p.offset !== undefined ? rangeOf(p.offset, p.length ?? 1) : ORIGIN, message: p.message, severity: p.severity });
      const keyRanges: Record<string, Range> = {};
      for (const [key, at] of Object.entries(summary.locations)) keyRanges[key] = rangeOf(at.offset, at.length);
      return { summary, statistics: computeResultStatistics(summary, this.periodsPerYear), keyRanges };
    });
    return { file, mtimeMs: stat.mtimeMs, size: stat.size, results, problems };
  }
}

/**
 * Statistics under the configured periods per year, for series whose format does not state its
 * own (freqtrade daily returns do; a bare CSV of returns may not). PBO does not depend on it
 * and is kept from the cache rather than recomputed.
 */
function withPeriodsPerYear(result: Omit<AttachedResult, 'reason'>, configured: number | undefined, cacheDefault: number): AttachedResult['statistics'] {
  if (configured === undefined || configured === cacheDefault || result.summary.periodsPerYear !== undefined) return result.statistics;
  if (result.statistics.series !== 'period returns') return result.statistics;
  return { ...computeResultStatistics({ ...result.summary, trialMatrix: undefined }, configured), pbo: result.statistics.pbo };
}

function missing(file: string): LoadedResultFile {
  return { file, mtimeMs: 0, size: 0, results: [], problems: [{ range: ORIGIN, message: 'result file not found', severity: 'error' }] };
}

export interface AttachInput {
  path: string;
  /** The strategy's `results=` directives. */
  directives: ResultsDirective[];
  classNames: string[];
}

export interface Attachment extends AttachedResults {
  /** Result files involved (for diagnostics placed in them). */
  files: LoadedResultFile[];
}

export function attachResults(input: AttachInput, options: AttachOptions, cache: ResultFileCache): Attachment {
  const candidates = associateResults({
    strategyPath: input.path,
    directives: input.directives,
    classNames: input.classNames,
    workspaceRoot: options.workspaceRoot,
    settingsGlobs: options.settingsGlobs,
  }, options.fs);
  const attached: AttachedResult[] = [];
  const refused: AttachedResults['refused'] = [];
  const files: LoadedResultFile[] = [];
  for (const candidate of candidates) {
    if (isRefused(candidate)) {
      refused.push({ file: candidate.file, reason: candidate.refused, at: candidate.at });
      continue;
    }
    const loaded = cache.load(candidate.file);
    files.push(loaded);
    for (const result of loaded.results) {
      attached.push({ ...result, statistics: withPeriodsPerYear(result, options.periodsPerYear, cache.periodsPerYear), reason: candidate.reason });
    }
  }
  const summaries: BacktestSummary[] = attached.map((a) => a.summary);
  return { summaries, attached, refused, files };
}
