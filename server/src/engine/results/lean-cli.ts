// A LEAN CLI backtest folder (`backtests/<yyyy-MM-dd_HH-mm-ss>/`) holds several files per run
// `<id>`: `<id>.json` (charts, statistics, algorithmConfiguration whose name is "local"),
// `<id>-summary.json` (statistics, totalPerformance, algorithmConfiguration) and
// `<id>-order-events.json` (every order event). One summary per run: the main file's figures,
// completed from the summary file, with trades rebuilt from the order events when no closed
// trades are listed. Sibling files are read only from the same folder, never through a symlink.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BacktestSummary } from './summary';
import { problem } from './problems';
import { readJson } from './json-read';
import { loadLeanBacktest, looksLikeLeanBacktest } from './lean-backtest';
import { looksLikeOrderEvents, tradesFromOrderEvents } from './lean-order-events';

/** `<id>.json` or `<id>-summary.json` with a numeric LEAN backtest id. */
const RUN_FILE = /^(\d+)(-summary)?\.json$/;

export type SiblingReader = (file: string) => Uint8Array | undefined;

export function leanRunId(file: string): { id: string; isSummary: boolean } | undefined {
  const m = RUN_FILE.exec(path.basename(file));
  return m ? { id: m[1], isSummary: m[2] !== undefined } : undefined;
}

/** Reads a regular file of at most `maxBytes` next to the result; symlinks are refused. */
export function nodeSiblingReader(maxBytes: number): SiblingReader {
  return (file) => {
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || st.size > maxBytes) return undefined;
      return fs.readFileSync(file);
    } catch {
      return undefined;
    }
  };
}

function readSibling(read: SiblingReader, file: string): unknown {
  const bytes = read(file);
  if (!bytes) return undefined;
  return readJson(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')).value;
}

/** Completes the summary of `<id>.json` (or `<id>-summary.json`) from its siblings. */
export function completeLeanRun(s: BacktestSummary, read: SiblingReader): BacktestSummary {
  const run = leanRunId(s.file);
  if (!run) return s;
  const dir = path.dirname(s.file);
  if (!run.isSummary) {
    const summaryFile = path.join(dir, `${run.id}-summary.json`);
    const value = readSibling(read, summaryFile);
    if (looksLikeLeanBacktest(value)) {
      const [extra] = loadLeanBacktest(summaryFile, value, new Map());
      fillMissing(s, extra);
    }
  }
  if (s.tradeProfits === undefined) {
    const eventsFile = path.join(dir, `${run.id}-order-events.json`);
    const events = readSibling(read, eventsFile);
    if (Array.isArray(events) && (events.length === 0 || looksLikeOrderEvents(events))) {
      const trades = tradesFromOrderEvents(events);
      s.tradeProfits = trades.profits;
      s.tradeReturns = trades.returns;
      if (s.tradeCount === undefined) s.tradeCount = trades.profits.length;
      const open = trades.open ? `; ${trades.open} position(s) still open at the end are not trades` : '';
      s.problems.push(problem(`${trades.profits.length} closed trade(s) rebuilt from ${path.basename(eventsFile)} (${trades.fills} fills, flat-to-flat)${open}`, 'info'));
      if (trades.skipped) s.problems.push(problem(`${path.basename(eventsFile)}: ${trades.skipped} filled event(s) without a readable fill price or quantity were skipped`, 'warning'));
    }
  }
  return s;
}

const FIELDS = ['tradeCount', 'winRate', 'profitFactor', 'maxDrawdown', 'totalReturn', 'reportedSharpe', 'parameters', 'period', 'inSample', 'outOfSample', 'tradeProfits', 'tradeReturns', 'periodReturns', 'periodsPerYear', 'strategy'] as const;

function fillMissing(s: BacktestSummary, from: BacktestSummary): void {
  const target = s as unknown as Record<string, unknown>;
  const source = from as unknown as Record<string, unknown>;
  for (const k of FIELDS) if (target[k] === undefined && source[k] !== undefined) target[k] = source[k];
}
