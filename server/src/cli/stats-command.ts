// `strategy-lint stats`: Sharpe statistics (PSR, MinTRL, DSR, MinBTL) of a return series
// or of summary figures. A pure function over injected I/O so the CLI wiring, tests and
// other front ends share it. Exit codes: 0 success, 2 bad input (one line on stderr).

import { computeSharpeStats, type SharpeStats, type SharpeStatsInput } from '../engine/stats/summary';
import type { BacktestSummary } from '../engine/results/summary';
import { parseCsv } from '../engine/results/csv-parse';
import { LineIndex } from '../engine/text';

/** Returns read from a result file, with the periods per year the file's own series has. */
export interface LoadedReturns {
  returns: number[];
  periodsPerYear?: number;
  /** What the returns are, for messages ("daily returns of Swing"). */
  what?: string;
}

export interface StatsIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (p: string) => Buffer;
  /** Loader for non-CSV result files (freqtrade, LEAN, ...): returns (with their periods per year) or an error. */
  loadReturns?: (path: string, strategy?: string) => number[] | LoadedReturns | { error: string };
}

export const STATS_HELP = `usage: strategy-lint stats FILE [options]
       strategy-lint stats --sharpe SR --observations T [--skewness G3] [--kurtosis G4] [options]

Sharpe statistics with the corrections of Bailey & Lopez de Prado: Probabilistic Sharpe
Ratio (PSR), Minimum Track Record Length (MinTRL), and with --trials the expected maximum
Sharpe, Deflated Sharpe Ratio (DSR) and Minimum Backtest Length (MinBTL).

FILE is a CSV of per-period excess returns as ratios (0.01 = +1 %): one column, or the
column named return, returns or ret; the header row is optional. Other result files
(freqtrade, LEAN, strategy-lint JSON) are read with the periods per year of their own series
(freqtrade daily_profit: 365; LEAN: 252, or 365 when the equity moves on weekends; trade
returns: trades per year over the backtest period); a file holding several strategies needs
--strategy NAME.

Every Sharpe figure given or printed is PER PERIOD (not annualised) unless its name says
annualized. Without FILE, --skewness defaults to 0 and --kurtosis (raw, normal = 3) to 3.

options:
  --periods-per-year P        periods in a year, for annualising (default: the result
                              file's own, else 252: daily equities; 365 daily crypto,
                              52 weekly, 12 monthly)
  --strategy NAME             the strategy to read from a multi-strategy result file
  --trials N                  number of configurations tried (enables DSR and MinBTL)
  --trial-sharpe-variance V   variance of the per-period Sharpe ratios across the trials
                              (needed for the expected maximum Sharpe and the DSR)
  --benchmark-sharpe SR       per-period Sharpe to beat in PSR and MinTRL (default 0)
  --format json|text          output format (default text)
  -h, --help                  show this help

JSON keys: observations, sharpe, sharpe_annualized, skewness, kurtosis, psr, min_trl and,
with --trials, expected_max_sharpe, dsr, min_btl_years. min_trl is in periods,
min_btl_years in years; a figure that cannot be computed is null.
`;

/** Collapse a message to a single line (the contract is ONE stderr line). */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Thrown inside the command for bad input; turned into exit code 2 and one stderr line. */
class UsageError extends Error {}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Strict decimal number parsing ("1e-3", "-0.5"); anything else -> null. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export interface CsvTable {
  /** Header cells, when the first row has a non-numeric cell. */
  header: string[] | null;
  /** Data rows as trimmed, unquoted cells. */
  rows: string[][];
  /** 1-based file line number of each data row, for messages. */
  lines: number[];
}

/** Is this a missing-value cell (empty, NaN, NA)? Such cells become NaN where allowed. */
export function isMissingCell(cell: string): boolean {
  return cell === '' || /^(nan|na|null)$/i.test(cell);
}

/**
 * A numeric table from CSV text, read with the engine's CSV reader (RFC 4180 quoting, delimiter
 * ',', ';' or tab, blank and '#' comment lines skipped), with an optional header: the first row
 * when one of its cells is neither a number nor a missing value.
 */
export function parseCsvTable(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const parsed = parseCsv(clean);
  if (parsed.length === 0) return { header: null, rows: [], lines: [] };
  const lines = new LineIndex(clean);
  const cells = parsed.map((row) => row.cells.map((c) => c.trim()));
  const isHeader = cells[0].some((c) => parseNumber(c) === null && !isMissingCell(c));
  const body = isHeader ? parsed.slice(1) : parsed;
  return {
    header: isHeader ? cells[0] : null,
    rows: isHeader ? cells.slice(1) : cells,
    lines: body.map((row) => lines.positionAt(row.offsets[0] ?? 0).line + 1),
  };
}

const RETURN_COLUMN_NAMES = ['return', 'returns', 'ret'];

/** Per-period returns from CSV text (see STATS_HELP for the accepted shapes). */
export function returnsFromCsv(text: string, file: string): number[] {
  const table = parseCsvTable(text);
  if (table.rows.length === 0) throw new UsageError(`${file}: no data rows`);
  const width = table.header?.length ?? table.rows[0].length;
  let col = 0;
  if (width > 1) {
    const names = (table.header ?? []).map((h) => h.toLowerCase());
    col = names.findIndex((h) => RETURN_COLUMN_NAMES.includes(h));
    if (col < 0) throw new UsageError(`${file}: ${width} columns and none named return, returns or ret`);
  }
  return table.rows.map((cells, i) => {
    const cell = cells[col];
    const v = cell === undefined ? null : parseNumber(cell);
    if (v === null) throw new UsageError(`${file}:${table.lines[i]}: '${cell ?? ''}' is not a number`);
    return v;
  });
}

/** Split argv into positionals and --options (both `--opt value` and `--opt=value`). */
export function parseArgs(args: readonly string[], known: ReadonlySet<string>, flags: ReadonlySet<string> = new Set()): { positionals: string[]; options: Map<string, string> } {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      options.set('help', '');
      continue;
    }
    if (!a.startsWith('--') || a === '--') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!known.has(name)) throw new UsageError(`unknown option --${name} (see --help)`);
    if (options.has(name)) throw new UsageError(`--${name} given twice`);
    if (flags.has(name)) {
      options.set(name, '');
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else value = args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positionals, options };
}

/** Numeric option with a range check; undefined when absent. */
export function numberOption(options: Map<string, string>, name: string, check: (v: number) => boolean, what: string): number | undefined {
  const raw = options.get(name);
  if (raw === undefined) return undefined;
  const v = parseNumber(raw);
  if (v === null || !check(v)) throw new UsageError(`--${name} must be ${what}, got '${raw}'`);
  return v;
}

export function formatOption(options: Map<string, string>): 'json' | 'text' {
  const f = options.get('format') ?? 'text';
  if (f !== 'json' && f !== 'text') throw new UsageError(`--format must be json or text, got '${f}'`);
  return f;
}

/** Number for text output: 6 significant digits, n/a for null. */
export function formatValue(v: number | null): string {
  if (v === null) return 'n/a';
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(6)).toString();
}

const STATS_OPTIONS = new Set([
  'periods-per-year',
  'strategy',
  'trials',
  'trial-sharpe-variance',
  'benchmark-sharpe',
  'format',
  'sharpe',
  'observations',
  'skewness',
  'kurtosis',
]);

const TEXT_LABELS: Record<string, string> = {
  observations: 'observations (periods)',
  sharpe: 'Sharpe (per period)',
  sharpe_annualized: 'Sharpe (annualized)',
  skewness: 'skewness',
  kurtosis: 'kurtosis (raw, normal = 3)',
  psr: 'PSR',
  min_trl: 'MinTRL (periods)',
  expected_max_sharpe: 'expected max Sharpe (per period)',
  dsr: 'DSR',
  min_btl_years: 'MinBTL (years)',
};

export function renderStatsText(stats: SharpeStats): string {
  const entries = Object.entries(stats) as [string, number | null][];
  const width = Math.max(...entries.map(([k]) => (TEXT_LABELS[k] ?? k).length));
  return entries.map(([k, v]) => `${(TEXT_LABELS[k] ?? k).padEnd(width)}  ${formatValue(v)}`).join('\n') + '\n';
}

function loadFileReturns(file: string, io: StatsIo, strategy?: string): LoadedReturns {
  if (/\.csv$/i.test(file)) {
    let text: string;
    try {
      text = io.readFile(file).toString('utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { returns: returnsFromCsv(text, file) };
  }
  if (!io.loadReturns) throw new UsageError(`${file}: only CSV return files are supported here`);
  let loaded: number[] | LoadedReturns | { error: string };
  try {
    loaded = io.loadReturns(file, strategy);
  } catch (e) {
    throw new UsageError(`cannot load ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if ('error' in loaded) throw new UsageError(`${file}: ${loaded.error}`);
  const result = Array.isArray(loaded) ? { returns: loaded } : loaded;
  const bad = result.returns.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new UsageError(`${file}: return ${bad + 1} is not a finite number`);
  return result;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * The return series `stats FILE` analyses from a loaded result file: the chosen strategy's
 * per-period returns (with the file's periods per year), else its trade returns (annualised by
 * trades per year over the backtest period). Several strategies and no --strategy: an error
 * listing them, never a silent pick.
 */
export function returnsFromSummaries(summaries: BacktestSummary[], strategy?: string): LoadedReturns | { error: string } {
  const names = [...new Set(summaries.map((s) => s.strategy).filter((n): n is string => !!n))];
  let pool = summaries;
  if (strategy !== undefined) {
    pool = summaries.filter((s) => s.strategy === strategy);
    if (!pool.length) return { error: `no strategy named ${strategy} in the file${names.length ? ` (it holds ${names.join(', ')})` : ''}` };
  }
  const usable = pool.filter((s) => (s.periodReturns?.length ?? 0) > 1 || (s.tradeReturns?.length ?? 0) > 1);
  const usableNames = [...new Set(usable.map((s) => s.strategy ?? ''))];
  if (strategy === undefined && usableNames.length > 1) {
    return { error: `the file holds ${usableNames.length} strategies (${usableNames.join(', ')}): choose one with --strategy NAME` };
  }
  const s = usable[0];
  if (!s) {
    const problem = pool.flatMap((x) => x.problems).find((p) => p.severity === 'error');
    return { error: problem?.message ?? 'the file holds no return series' };
  }
  const who = s.strategy ? ` of ${s.strategy}` : '';
  if (s.periodReturns && s.periodReturns.length > 1) return { returns: s.periodReturns, periodsPerYear: s.periodsPerYear, what: `period returns${who}` };
  const span = s.period ? Date.parse(s.period.end) - Date.parse(s.period.start) : NaN;
  const perYear = Number.isFinite(span) && span > 0 ? s.tradeReturns!.length / (span / YEAR_MS) : undefined;
  return { returns: s.tradeReturns!, periodsPerYear: perYear, what: `trade returns${who}` };
}

function buildInput(args: readonly string[], io: StatsIo): { input: SharpeStatsInput; format: 'json' | 'text' } | 'help' {
  const rest = args[0] === 'stats' ? args.slice(1) : args;
  const { positionals, options } = parseArgs(rest, STATS_OPTIONS);
  if (options.has('help')) return 'help';
  const format = formatOption(options);
  const givenPeriodsPerYear = numberOption(options, 'periods-per-year', (v) => v > 0, 'a positive number');
  const strategy = options.get('strategy');
  const trials = numberOption(options, 'trials', (v) => Number.isInteger(v) && v >= 1, 'a whole number >= 1');
  const trialSharpeVariance = numberOption(options, 'trial-sharpe-variance', (v) => v >= 0, 'a number >= 0');
  const benchmarkSharpe = numberOption(options, 'benchmark-sharpe', () => true, 'a number');
  if (trialSharpeVariance !== undefined && trials === undefined) throw new UsageError('--trial-sharpe-variance needs --trials');
  const common = { periodsPerYear: givenPeriodsPerYear ?? 252, trials, trialSharpeVariance, benchmarkSharpe };

  const summaryGiven = ['sharpe', 'observations', 'skewness', 'kurtosis'].filter((k) => options.has(k));
  if (positionals.length > 1) throw new UsageError(`expected one FILE, got ${positionals.length} (${positionals.join(' ')})`);
  if (positionals.length === 1) {
    if (summaryGiven.length > 0) throw new UsageError(`give either FILE or --${summaryGiven[0]} and friends, not both`);
    const loaded = loadFileReturns(positionals[0], io, strategy);
    return { input: { returns: loaded.returns, ...common, periodsPerYear: givenPeriodsPerYear ?? loaded.periodsPerYear ?? 252 }, format };
  }
  if (strategy !== undefined) throw new UsageError('--strategy needs a result FILE');
  if (summaryGiven.length === 0) throw new UsageError('missing FILE (or --sharpe SR --observations T); see --help');
  const sharpe = numberOption(options, 'sharpe', () => true, 'a number');
  const observations = numberOption(options, 'observations', (v) => Number.isInteger(v) && v >= 2, 'an integer >= 2');
  if (sharpe === undefined || observations === undefined) throw new UsageError('--sharpe and --observations go together');
  const skewness = numberOption(options, 'skewness', () => true, 'a number');
  const kurtosis = numberOption(options, 'kurtosis', (v) => v >= 1, 'a raw kurtosis >= 1 (normal = 3)');
  return { input: { sharpe, observations, skewness, kurtosis, ...common }, format };
}

export function runStatsCommand(args: string[], io: StatsIo): number {
  try {
    const built = buildInput(args, io);
    if (built === 'help') {
      io.stdout(STATS_HELP);
      return 0;
    }
    const stats = computeSharpeStats(built.input);
    io.stdout(built.format === 'json' ? JSON.stringify(stats, null, 2) + '\n' : renderStatsText(stats));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`strategy-lint stats: ${oneLine(e.message)}\n`);
      return 2;
    }
    io.stderr(`strategy-lint stats: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  }
}

export { UsageError };
