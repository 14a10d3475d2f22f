// `strategy-lint pbo`: Probability of Backtest Overfitting (CSCV) of a trial matrix CSV.
// Pure function over injected I/O. Exit codes: 0 success, 2 bad input (one stderr line).

import { largestEvenSplits, probabilityOfBacktestOverfitting, type PboMetric } from '../engine/stats/pbo';
import { UsageError, formatOption, formatValue, isMissingCell, numberOption, oneLine, parseArgs, parseCsvTable, parseNumber, type StatsIo } from './stats-command';

export type PboIo = Pick<StatsIo, 'stdout' | 'stderr' | 'readFile'>;

const DEFAULT_SPLITS = 16;
/** Rows per block below which the default S is reduced. */
const MIN_BLOCK_ROWS = 2;

export const PBO_HELP = `usage: strategy-lint pbo MATRIX.csv [--splits S] [--metric sharpe|mean] [--format json|text]

Probability of Backtest Overfitting by combinatorially symmetric cross-validation
(Bailey, Borwein, Lopez de Prado & Zhu 2017). MATRIX.csv holds per-period returns: one
row per period in time order, one column per configuration tried. A header row is
optional; a first column that is not numeric (dates) is ignored. Empty or NaN cells are
rejected.

The rows are cut into S equal contiguous blocks (the last T mod S rows are dropped); every
choice of S/2 blocks is an in-sample set and the rest out-of-sample. PBO is the share of
choices where the best in-sample configuration ranks at or below the out-of-sample median.

options:
  --splits S              even number of blocks (default 16, or the largest even S that
                          leaves at least ${MIN_BLOCK_ROWS} rows per block when the matrix is shorter)
  --metric sharpe|mean    per-configuration performance (default sharpe: per-period mean
                          over standard deviation, ddof 1)
  --format json|text      output format (default text)
  -h, --help              show this help

JSON keys: pbo, splits, combinations, trials (configurations), observations (rows), logits.
`;

/** Numeric matrix from CSV text; a non-numeric first column (dates) is dropped. */
export function matrixFromCsv(text: string, file: string): number[][] {
  const table = parseCsvTable(text);
  if (table.rows.length === 0) throw new UsageError(`${file}: no data rows`);
  const hasIndex = table.rows.some((r) => r.length > 0 && parseNumber(r[0]) === null && !isMissingCell(r[0]));
  return table.rows.map((cells, i) => {
    const values = hasIndex ? cells.slice(1) : cells;
    return values.map((cell, j) => {
      if (isMissingCell(cell)) return NaN; // reported by the PBO as a non-finite value
      const v = parseNumber(cell);
      if (v === null) throw new UsageError(`${file}:${table.lines[i]}: column ${j + 1 + (hasIndex ? 1 : 0)} '${cell}' is not a number`);
      return v;
    });
  });
}

const PBO_OPTIONS = new Set(['splits', 'metric', 'format']);

export function runPboCommand(args: string[], io: PboIo): number {
  try {
    const rest = args[0] === 'pbo' ? args.slice(1) : args;
    const { positionals, options } = parseArgs(rest, PBO_OPTIONS);
    if (options.has('help')) {
      io.stdout(PBO_HELP);
      return 0;
    }
    const format = formatOption(options);
    const metric = (options.get('metric') ?? 'sharpe') as PboMetric;
    if (metric !== 'sharpe' && metric !== 'mean') throw new UsageError(`--metric must be sharpe or mean, got '${String(metric)}'`);
    const explicitSplits = numberOption(options, 'splits', (v) => Number.isInteger(v) && v >= 2 && v % 2 === 0, 'an even integer >= 2');
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing MATRIX.csv; see --help' : `expected one MATRIX.csv, got ${positionals.length}`);
    const file = positionals[0];
    let text: string;
    try {
      text = io.readFile(file).toString('utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const matrix = matrixFromCsv(text, file);
    const splits = explicitSplits ?? largestEvenSplits(matrix.length, DEFAULT_SPLITS, MIN_BLOCK_ROWS);
    if (splits === null) throw new UsageError(`${file}: ${matrix.length} rows are too few for PBO (need at least ${2 * MIN_BLOCK_ROWS})`);
    const result = probabilityOfBacktestOverfitting(matrix, { splits, metric });
    if (!result.ok) throw new UsageError(`${file}: ${result.error}`);
    if (format === 'json') {
      const { pbo, combinations, trials, observations, logits } = result;
      io.stdout(JSON.stringify({ pbo, splits: result.splits, combinations, trials, observations, logits }, null, 2) + '\n');
    } else {
      const lines = [
        `PBO                ${formatValue(result.pbo)}`,
        `splits (S)         ${result.splits}${explicitSplits === undefined && result.splits !== DEFAULT_SPLITS ? ` (reduced from ${DEFAULT_SPLITS}: few rows)` : ''}`,
        `combinations       ${result.combinations}`,
        `configurations (N) ${result.trials}`,
        `periods (T)        ${result.observations}${result.rowsDropped > 0 ? ` (last ${result.rowsDropped} dropped for equal blocks)` : ''}`,
        `metric             ${result.metric}`,
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    return 0;
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    io.stderr(`strategy-lint pbo: ${oneLine(message)}\n`);
    return 2;
  }
}
