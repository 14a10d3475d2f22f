// TradingView Strategy Tester "List of trades" exports (CSV, or the sheet of the XLSX export).
// Two header generations exist:
//   Trade #,Type,Signal,Date/Time,Price USD,Contracts,Profit USD,Profit %,Cum. Profit USD,...
//   Trade number,Type,Date and time,Signal,Price USD,Size (qty),Net PnL USD,Net PnL %,...
// with any currency after Price/Profit, and older files with "Profit $" or no currency at all.
// Each trade has an entry row and an exit row under one trade number; the trade's profit is read
// from its exit row. A still-open trade's exit row says "Open" and is not a closed trade.
import type { BacktestSummary, KeyLocation } from './summary';
import { emptySummary, problem } from './problems';
import { isoDate } from './dates';
import { parseDisplayNumber, percentToRatio } from './numbers';

export interface Table {
  header: string[];
  rows: { cells: string[]; offsets: number[] }[];
  /** Offsets of the header cells in the file (CSV only). */
  headerOffsets?: number[];
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

interface Columns {
  trade: number;
  type: number;
  date: number;
  profit: number;
  profitPercent: number;
}

/** The columns of a TradingView list of trades, or undefined when the header is another format. */
export function tradingViewColumns(header: string[]): Columns | undefined {
  const h = header.map(norm);
  const find = (test: (name: string) => boolean) => h.findIndex(test);
  const trade = find((n) => n === 'trade #' || n === 'trade number' || n === 'trade no.');
  const type = find((n) => n === 'type' || n.startsWith('type ('));
  const signal = find((n) => n === 'signal');
  const date = find((n) => n === 'date/time' || n === 'date and time' || n === 'date');
  if (trade < 0 || type < 0 || signal < 0 || date < 0) return undefined;
  const profit = find((n) => /^(net )?(profit|p&l|pnl)( [a-z$€£¥]{1,4})?$/.test(n) && !n.endsWith('%'));
  const profitPercent = find((n) => /^(net )?(profit|p&l|pnl) %$/.test(n));
  return { trade, type, date, profit, profitPercent };
}

function number(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  // TradingView prints negatives with U+2212 in some locales and exports.
  const d = parseDisplayNumber(cell.replace(/\u2212/g, '-'));
  return d?.value;
}

/** "2024-03-01 14:30" (or an ISO timestamp) -> ISO; other styles are left unread. */
function dateOf(cell: string | undefined): string | undefined {
  return cell ? isoDate(cell.trim().replace(/\//g, '-')) : undefined;
}

export function loadTradingViewTrades(file: string, table: Table, columns: Columns): BacktestSummary {
  const s = emptySummary('tradingview-trades', file);
  const at = (col: number): KeyLocation | undefined =>
    table.headerOffsets && col >= 0 ? { offset: table.headerOffsets[col], length: Math.max(1, table.header[col].length) } : undefined;
  const profitAt = at(columns.profitPercent >= 0 ? columns.profitPercent : columns.profit) ?? at(columns.trade);
  if (profitAt) s.locations.trades = profitAt;
  const exits = new Map<number, { percent?: number; profit?: number; row: number }>();
  const dates: string[] = [];
  let open = 0;
  let unreadable = 0;
  table.rows.forEach((r, i) => {
    const type = (r.cells[columns.type] ?? '').trim().toLowerCase();
    const date = (r.cells[columns.date] ?? '').trim();
    const d = dateOf(date);
    if (d) dates.push(d);
    if (!type.startsWith('exit')) return;
    if (date.toLowerCase() === 'open') { open++; return; }
    const id = number(r.cells[columns.trade]);
    const percent = columns.profitPercent >= 0 ? number(r.cells[columns.profitPercent]) : undefined;
    const profit = columns.profit >= 0 ? number(r.cells[columns.profit]) : undefined;
    if (id === undefined || (percent === undefined && profit === undefined)) { unreadable++; return; }
    exits.set(id, { percent, profit, row: i });
  });
  // In trade-number order, which is the order trades were opened (and, one position at a time, closed).
  const trades = [...exits.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  s.tradeCount = trades.length;
  if (trades.every((t) => t.percent !== undefined)) s.tradeReturns = trades.map((t) => percentToRatio(t.percent!));
  if (trades.every((t) => t.profit !== undefined)) s.tradeProfits = trades.map((t) => t.profit!);
  if (trades.length) {
    const wins = trades.filter((t) => (t.profit ?? t.percent ?? 0) > 0).length;
    s.winRate = wins / trades.length;
    if (s.tradeProfits) {
      const gain = s.tradeProfits.filter((p) => p > 0).reduce((a, b) => a + b, 0);
      const loss = -s.tradeProfits.filter((p) => p < 0).reduce((a, b) => a + b, 0);
      if (loss > 0) s.profitFactor = gain / loss;
    }
  }
  if (dates.length >= 2) {
    dates.sort();
    s.period = { start: dates[0], end: dates[dates.length - 1] };
  }
  if (open) s.problems.push(problem(`${open} trade(s) still open in the export ("Open" exit rows) are not counted`, 'info', at(columns.date)));
  if (unreadable) s.problems.push(problem(`${unreadable} exit row(s) without a readable trade number or profit were dropped`, 'warning', profitAt));
  if (trades.length === 0) s.problems.push(problem('the list of trades holds no closed trade', 'warning', at(columns.trade)));
  return s;
}
