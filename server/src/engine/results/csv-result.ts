// CSV results. The kind is decided from the header row (rules in docs/result-formats.md):
//   1. a trade column (pair, symbol, open_date, close_date, trade_id, profit_ratio, ...) together
//      with a profit column                                   -> csv-trades
//   2. a column named return/returns/ret/daily_return/pnl      -> csv-returns
//   3. otherwise the numeric columns (a leading date column aside):
//      exactly one -> csv-returns; two or more -> csv-trial-matrix (rows = periods).
import type { BacktestSummary, KeyLocation } from './summary';
import { emptySummary, problem, unusable } from './problems';
import { parseCsv, type CsvRow } from './csv-parse';
import { displayRatio, parseDisplayNumber, percentToRatio } from './numbers';
import { isoDate, isoFromEpoch } from './dates';
import { sampleSharpe } from './sample-sharpe';
import { loadTradingViewTrades, tradingViewColumns } from './tradingview-trades';

const DATE_NAMES = new Set(['date', 'time', 'timestamp', 'datetime', 'day', 'period', 'dt', 'close_date', 'exit_date', 'close_time', 'exit_time']);
const TRADE_MARKERS = new Set([
  'pair', 'symbol', 'ticker', 'instrument', 'open_date', 'close_date', 'open_time', 'close_time', 'entry_time',
  'exit_time', 'entry_date', 'exit_date', 'entry_price', 'exit_price', 'open_rate', 'close_rate', 'trade', 'trade_id',
  'profit_ratio', 'profit_abs', 'profit_pct',
]);
/** Trade profit columns in order of preference, and how to read them. */
const TRADE_PROFIT: { names: string[]; kind: 'ratio' | 'percent' | 'abs' }[] = [
  { names: ['profit_ratio', 'return', 'returns', 'ret', 'return_ratio'], kind: 'ratio' },
  { names: ['profit_pct', 'profit_percent', 'return_pct'], kind: 'percent' },
  { names: ['profit_abs', 'profit', 'pnl', 'net_profit', 'pnl_abs'], kind: 'abs' },
];
const RETURN_NAMES = ['return', 'returns', 'ret', 'daily_return', 'daily_returns', 'pnl'];

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');
const isNumberCell = (c: string) => parseDisplayNumber(c) !== undefined;
const dateOf = (c: string): string | undefined => isoDate(c.replace(/\//g, '-')) ?? (/^\d{9,13}$/.test(c.trim()) ? isoFromEpoch(Number(c)) : undefined);

export function loadCsvResult(file: string, text: string): BacktestSummary[] {
  const rows = parseCsv(text);
  if (rows.length === 0) return [unusable('csv-returns', file, 'empty CSV: no rows')];
  const first = rows[0].cells;
  const hasHeader = first.some((c) => c.trim() !== '' && !isNumberCell(c) && !dateOf(c));
  const header = hasHeader ? first.map(norm) : first.map((_, i) => `column ${i + 1}`);
  const data = hasHeader ? rows.slice(1) : rows;
  const headerAt = (i: number): KeyLocation | undefined =>
    hasHeader ? { offset: rows[0].offsets[i], length: Math.max(1, first[i].length) } : undefined;
  if (data.length === 0) return [unusable('csv-returns', file, 'CSV has a header but no data rows')];

  // TradingView's Strategy Tester list of trades: entry and exit rows per trade.
  const tradingView = hasHeader ? tradingViewColumns(first) : undefined;
  if (tradingView) return [loadTradingViewTrades(file, { header: first, rows: data, headerOffsets: rows[0].offsets }, tradingView)];
  const dateCol = findDateColumn(header, hasHeader, data);
  if (hasHeader && header.some((h) => TRADE_MARKERS.has(h))) {
    for (const group of TRADE_PROFIT) {
      const col = header.findIndex((h) => group.names.includes(h));
      if (col >= 0) return [tradesSummary(file, data, col, group.kind, header[col], headerAt(col), dateCol)];
    }
  }
  const returnCol = hasHeader ? header.findIndex((h) => RETURN_NAMES.includes(h)) : -1;
  if (returnCol >= 0) {
    const s = returnsSummary(file, data, returnCol, headerAt(returnCol), dateCol);
    if (header[returnCol] === 'pnl') {
      s.problems.push(problem("column 'pnl' is read as per-period returns (ratios); if it holds money amounts, convert it", 'info', headerAt(returnCol)));
    }
    return [s];
  }
  const numeric = header.map((_, i) => i).filter((i) => i !== dateCol && data.some((r) => isNumberCell(r.cells[i] ?? '')));
  if (numeric.length === 1) return [returnsSummary(file, data, numeric[0], headerAt(numeric[0]), dateCol)];
  if (numeric.length >= 2) return [matrixSummary(file, data, numeric, header, headerAt(numeric[0]), dateCol)];
  return [unusable('csv-returns', file, 'CSV has no numeric column to read as returns, trades or trials')];
}

/** A date column: named like one, or the first column when its cells are dates. */
function findDateColumn(header: string[], hasHeader: boolean, data: CsvRow[]): number {
  const named = hasHeader ? header.findIndex((h) => DATE_NAMES.has(h)) : -1;
  if (named >= 0) return named;
  const sample = data.slice(0, 5).map((r) => r.cells[0] ?? '');
  return sample.every((c) => dateOf(c) !== undefined) ? 0 : -1;
}

/** Read one numeric column; blank or unreadable cells are dropped and reported once. */
function column(s: BacktestSummary, data: CsvRow[], col: number, name: string, percent = false): { values: number[]; rows: CsvRow[] } {
  const values: number[] = [];
  const rows: CsvRow[] = [];
  let dropped = 0;
  let firstBad = -1;
  data.forEach((r, i) => {
    const v = displayRatio(r.cells[col] ?? '');
    if (v === undefined || !Number.isFinite(v)) { dropped++; if (firstBad < 0) firstBad = i; return; }
    // "1.2%" already came back as 0.012; plain numbers in a percent column are converted here.
    values.push((r.cells[col] ?? '').trim().endsWith('%') || !percent ? v : percentToRatio(v));
    rows.push(r);
  });
  if (dropped) {
    const off = data[firstBad].offsets[col] ?? data[firstBad].offsets[0];
    s.problems.push(problem(`${name}: dropped ${dropped} of ${data.length} cell(s) that are not numbers (first on data row ${firstBad + 1})`, 'warning', { offset: off, length: Math.max(1, (data[firstBad].cells[col] ?? '').length) }));
  }
  return { values, rows };
}

function fillDates(s: BacktestSummary, rows: CsvRow[], dateCol: number): void {
  if (dateCol < 0) return;
  const dates = rows.map((r) => dateOf(r.cells[dateCol] ?? '')).filter((d): d is string => d !== undefined);
  if (dates.length < 2) return;
  const sorted = [...dates].sort();
  s.period = { start: sorted[0], end: sorted[sorted.length - 1] };
  const ppy = periodsPerYearFromDates(sorted);
  if (ppy !== undefined && s.format !== 'csv-trades') s.periodsPerYear = ppy;
}

/** From the median spacing of dates: daily (365 with weekend dates, else 252), weekly, monthly... */
export function periodsPerYearFromDates(sortedDates: string[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < sortedDates.length; i++) gaps.push((Date.parse(sortedDates[i]) - Date.parse(sortedDates[i - 1])) / 86400000);
  gaps.sort((a, b) => a - b);
  const g = gaps[Math.floor(gaps.length / 2)];
  if (!(g > 0)) return undefined;
  if (g >= 0.9 && g <= 1.5) {
    const weekend = sortedDates.some((d) => [0, 6].includes(new Date(Date.parse(d)).getUTCDay()));
    return weekend ? 365 : 252;
  }
  if (g >= 6 && g <= 8) return 52;
  if (g >= 27 && g <= 32) return 12;
  if (g >= 88 && g <= 93) return 4;
  if (g >= 360 && g <= 367) return 1;
  return undefined;
}

function returnsSummary(file: string, data: CsvRow[], col: number, at: KeyLocation | undefined, dateCol: number): BacktestSummary {
  const s = emptySummary('csv-returns', file);
  if (at) s.locations.returns = at;
  const { values, rows } = column(s, data, col, "returns");
  s.periodReturns = values;
  fillDates(s, rows, dateCol);
  if (s.periodsPerYear === undefined) {
    s.problems.push(problem('periods per year unknown (no regular daily/weekly/monthly date column)', 'info', at));
  }
  return s;
}

function tradesSummary(file: string, data: CsvRow[], col: number, kind: 'ratio' | 'percent' | 'abs', name: string, at: KeyLocation | undefined, dateCol: number): BacktestSummary {
  const s = emptySummary('csv-trades', file);
  if (at) s.locations.trades = at;
  const { values, rows } = column(s, data, col, name, kind === 'percent');
  if (kind === 'abs') s.tradeProfits = values;
  else s.tradeReturns = values;
  s.tradeCount = data.length;
  fillDates(s, rows, dateCol);
  return s;
}

function matrixSummary(file: string, data: CsvRow[], cols: number[], header: string[], at: KeyLocation | undefined, dateCol: number): BacktestSummary {
  const s = emptySummary('csv-trial-matrix', file);
  if (at) s.locations.trial_matrix = at;
  // Whole rows are dropped when a cell is unreadable, so the columns stay aligned in time.
  const matrix: number[][] = [];
  const kept: CsvRow[] = [];
  let dropped = 0;
  for (const r of data) {
    const row = cols.map((c) => displayRatio(r.cells[c] ?? ''));
    if (row.every((v): v is number => v !== undefined && Number.isFinite(v))) { matrix.push(row); kept.push(r); }
    else dropped++;
  }
  if (dropped) s.problems.push(problem(`trial matrix: dropped ${dropped} of ${data.length} row(s) with a missing or non-numeric cell`, 'warning', at));
  s.trialMatrix = matrix;
  const sharpes = cols.map((_, j) => sampleSharpe(matrix.map((row) => row[j]))).filter((v): v is number => v !== undefined);
  s.trials = {
    count: cols.length,
    sharpes: sharpes.length ? sharpes : undefined,
    sharpeSource: `per-period Sharpe (mean / sd) of each column (${cols.map((c) => header[c]).slice(0, 5).join(', ')}${cols.length > 5 ? ', ...' : ''}), not annualised` +
      (sharpes.length < cols.length ? `; ${cols.length - sharpes.length} column(s) with no spread left out` : ''),
  };
  fillDates(s, kept, dateCol);
  return s;
}

