// The XLSX export of TradingView's Strategy Tester: the "List of trades" sheet is read like the
// CSV export (see tradingview-trades.ts); dates stored as Excel serials are turned back into text.
import type { BacktestSummary } from './summary';
import { unusable } from './problems';
import { loadTradingViewTrades, tradingViewColumns } from './tradingview-trades';
import { excelSerialDate, readXlsx, type Sheet } from './xlsx-read';

export function loadTradingViewXlsx(file: string, bytes: Uint8Array, maxBytes: number): BacktestSummary[] {
  let sheets: Sheet[];
  try {
    sheets = readXlsx(bytes, maxBytes);
  } catch (e) {
    return [unusable('tradingview-trades', file, `not a readable XLSX workbook: ${(e as Error).message}`)];
  }
  // The sheet is named "List of trades"; any sheet with that header will do.
  const ordered = [...sheets].sort((a, b) => Number(/list of trades/i.test(b.name)) - Number(/list of trades/i.test(a.name)));
  for (const sheet of ordered) {
    const headerRow = sheet.rows.findIndex((r) => tradingViewColumns(r) !== undefined);
    if (headerRow < 0) continue;
    const header = sheet.rows[headerRow];
    const columns = tradingViewColumns(header)!;
    const rows = sheet.rows.slice(headerRow + 1).filter((r) => r.some((c) => c.trim() !== '')).map((r) => {
      const cells = [...r];
      const serial = excelSerialDate(cells[columns.date] ?? '');
      if (serial) cells[columns.date] = serial;
      return { cells, offsets: [] };
    });
    const summary = loadTradingViewTrades(file, { header, rows }, columns);
    summary.problems.unshift({ message: `read from the "${sheet.name}" sheet`, severity: 'info' });
    return [summary];
  }
  return [unusable('tradingview-trades', file, `XLSX workbook without a TradingView "List of trades" sheet (sheets: ${sheets.map((s) => s.name).join(', ') || 'none'})`)];
}
