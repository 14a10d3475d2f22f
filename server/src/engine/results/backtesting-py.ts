// backtesting.py results. `Backtest.run()` returns a `stats` Series (keys "Start", "End",
// "# Trades", "Return [%]", "Sharpe Ratio", ..., "_strategy", "_equity_curve", "_trades"),
// `optimize(return_heatmap=True)` a heatmap Series indexed by the swept parameters. Users save them
// as JSON (`stats.to_dict()` with `_trades` / `_equity_curve` as records or columns), as CSV
// (`stats.to_csv()`, `stats._trades.to_csv()`, `stats._equity_curve.to_csv()`,
// `heatmap.to_csv()`). Keys: https://kernc.github.io/backtesting.py/doc/backtesting/backtesting.html#backtesting.backtesting.Backtest.run
import { parseCsv, type CsvRow } from './csv-parse';
import { isoDate } from './dates';
import { isRecord } from './json-read';
import { dailyReturnsFromEquity, periodsPerYearFromDays, type EquityPoint } from './lean-equity';
import { displayNumber } from './numbers';
import { emptySummary, problem } from './problems';
import type { BacktestSummary, KeyLocation } from './summary';

/** Keys of backtesting.py's stats Series that no other tool writes. */
const STATS_KEYS = ['# Trades', 'Return [%]', 'Sharpe Ratio', 'Max. Drawdown [%]', 'Equity Final [$]', 'Exposure Time [%]', 'Win Rate [%]', 'SQN', 'Buy & Hold Return [%]'];
/** Metrics `optimize(maximize=...)` may name: the value column of a saved heatmap. */
const METRIC_KEYS = new Set([...STATS_KEYS, 'Return (Ann.) [%]', 'Volatility (Ann.) [%]', 'Sortino Ratio', 'Calmar Ratio', 'Profit Factor', 'Expectancy [%]', 'Best Trade [%]', 'Worst Trade [%]', 'Avg. Trade [%]', 'Avg. Drawdown [%]', 'Kelly Criterion', 'CAGR [%]', 'Alpha [%]', 'Beta']);

export function looksLikeBacktestingPyStats(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && STATS_KEYS.filter((k) => k in v).length >= 2;
}

// ---- JSON ------------------------------------------------------------------------------------

export function loadBacktestingPyStats(file: string, v: Record<string, unknown>, keys: Map<string, KeyLocation>): BacktestSummary[] {
  const s = emptySummary('backtesting-py-stats', file);
  const at = (k: string) => keys.get(k);
  readFigures(s, (k) => v[k], at);
  if (v._trades !== undefined) readTrades(s, records(v._trades), at('_trades'));
  if (v._equity_curve !== undefined) readEquity(s, equityPoints(v._equity_curve), at('_equity_curve'));
  for (const k of ['# Trades', 'Sharpe Ratio', 'Max. Drawdown [%]', '_trades', '_equity_curve']) {
    const loc = at(k);
    if (loc) s.locations[LOCATION_NAMES[k]] = loc;
  }
  return [s];
}

const LOCATION_NAMES: Record<string, string> = { '# Trades': 'trades', 'Sharpe Ratio': 'sharpe', 'Max. Drawdown [%]': 'max_drawdown', _trades: 'trades', _equity_curve: 'returns' };

/** The scalar figures of the stats, read through `get` (JSON values or CSV cells). */
function readFigures(s: BacktestSummary, get: (key: string) => unknown, at: (key: string) => KeyLocation | undefined): void {
  const num = (key: string): number | undefined => {
    const raw = get(key);
    if (raw === undefined || raw === null || raw === '') return undefined;
    const n = typeof raw === 'number' ? raw : displayNumber(raw);
    if (n === undefined || !Number.isFinite(n)) {
      // backtesting.py writes NaN for figures that need trades when there were none.
      if (!(typeof raw === 'string' && /^nan$/i.test(raw.trim())) && raw !== null) s.problems.push(problem(`"${key}" is not a number (${String(raw).slice(0, 40)}); ignored`, 'warning', at(key)));
      return undefined;
    }
    return n;
  };
  const start = isoDate(String(get('Start') ?? ''));
  const end = isoDate(String(get('End') ?? ''));
  if (start && end) s.period = { start, end };
  s.tradeCount = num('# Trades');
  const win = num('Win Rate [%]');
  if (win !== undefined) s.winRate = win / 100;
  s.profitFactor = num('Profit Factor');
  const dd = num('Max. Drawdown [%]');
  if (dd !== undefined) s.maxDrawdown = Math.abs(dd) / 100;
  const ret = num('Return [%]');
  if (ret !== undefined) s.totalReturn = ret / 100;
  s.reportedSharpe = num('Sharpe Ratio');
  const strategy = get('_strategy');
  if (typeof strategy === 'string') {
    // "SmaCross(n1=10,n2=20)": the class name and the parameters of the run.
    const m = /^\s*([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*$/s.exec(strategy);
    if (m) {
      s.strategy = m[1];
      const params: Record<string, unknown> = {};
      for (const part of (m[2] ?? '').split(',')) {
        const kv = /^\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*$/.exec(part);
        if (kv) params[kv[1]] = Number.isFinite(Number(kv[2])) ? Number(kv[2]) : kv[2];
      }
      if (Object.keys(params).length) s.parameters = params;
    }
  }
}

/** Rows of a frame saved as records (`[{...}, ...]`), columns (`{"col": {"0": v}}`) or lists (`{"col": [v]}`). */
function records(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isRecord);
  if (!isRecord(v)) return [];
  const columns = Object.entries(v);
  if (columns.length === 0) return [];
  const first = columns[0][1];
  if (Array.isArray(first)) {
    return first.map((_, i) => Object.fromEntries(columns.map(([c, values]) => [c, Array.isArray(values) ? values[i] : undefined])));
  }
  if (!isRecord(first)) return [];
  return Object.keys(first).map((row) => ({ index: row, ...Object.fromEntries(columns.map(([c, values]) => [c, isRecord(values) ? values[row] : undefined])) }));
}

const TRADE_TIME = ['ExitTime', 'exit_time'];

function readTrades(s: BacktestSummary, rows: Record<string, unknown>[], at?: KeyLocation): void {
  const sorted = [...rows].sort((a, b) => timeOf(a, TRADE_TIME) - timeOf(b, TRADE_TIME));
  const returns: number[] = [];
  const profits: number[] = [];
  let dropped = 0;
  for (const r of sorted) {
    const ret = cellNumber(r.ReturnPct);
    const pnl = cellNumber(r.PnL);
    if (ret === undefined && pnl === undefined) dropped++;
    if (ret !== undefined) returns.push(ret);
    if (pnl !== undefined) profits.push(pnl);
  }
  if (dropped) s.problems.push(problem(`_trades: ${dropped} of ${rows.length} trade(s) have neither ReturnPct nor PnL`, 'warning', at));
  if (returns.length) s.tradeReturns = returns;
  if (profits.length) s.tradeProfits = profits;
  s.tradeCount ??= rows.length;
  if (s.tradeCount !== rows.length) s.problems.push(problem(`"# Trades" says ${s.tradeCount} but _trades lists ${rows.length}`, 'warning', at));
}

function timeOf(r: Record<string, unknown>, names: string[]): number {
  for (const n of names) {
    const t = Date.parse(isoDate(String(r[n] ?? '')) ?? '');
    if (Number.isFinite(t)) return t;
  }
  const bar = cellNumber(r.ExitBar);
  return bar ?? 0;
}

function cellNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? displayNumber(v) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** Equity points with their timestamps; rows without a readable time are left out. */
function equityPoints(v: unknown): { points: EquityPoint[]; rows: number } {
  const rows = records(v);
  const points: EquityPoint[] = [];
  for (const r of rows) {
    const equity = cellNumber(r.Equity);
    const time = ['index', 'Date', 'date', 'Datetime', 'datetime', 'Time', 'time', 'timestamp'].map((k) => r[k]).find((x) => x !== undefined);
    const t = typeof time === 'number' ? (time > 1e11 ? time / 1000 : time) : Date.parse(isoDate(String(time ?? '')) ?? '') / 1000;
    if (equity !== undefined && Number.isFinite(t)) points.push({ t, v: equity });
  }
  return { points, rows: rows.length };
}

function readEquity(s: BacktestSummary, equity: { points: EquityPoint[]; rows: number }, at?: KeyLocation): void {
  if (equity.rows && equity.points.length < equity.rows) {
    s.problems.push(problem(`_equity_curve: ${equity.rows - equity.points.length} of ${equity.rows} row(s) without a timestamp or an Equity number were left out`, 'warning', at));
  }
  const daily = dailyReturnsFromEquity(equity.points);
  if (!daily) {
    if (equity.rows) s.problems.push(problem('_equity_curve: fewer than two days of positive equity with timestamps; no per-period returns', 'info', at));
    return;
  }
  s.periodReturns = daily.returns;
  s.periodsPerYear = periodsPerYearFromDays(daily.days);
  if (!s.period) s.period = { start: daily.days[0], end: daily.days[daily.days.length - 1] };
}

// ---- CSV -------------------------------------------------------------------------------------

/** Recognises the CSV files backtesting.py users save; undefined when the file is none of them. */
export function loadBacktestingPyCsv(file: string, text: string): BacktestSummary[] | undefined {
  // `# Trades` starts a line of a saved stats Series: hide the '#' from the CSV reader's comments
  // with a one-character stand-in, so offsets stay exact.
  const rows = parseCsv(text.replace(/^(\s*"?)#/gm, '$1\u2116'));
  if (rows.length < 2) return undefined;
  const cell = (r: CsvRow, i: number) => (r.cells[i] ?? '').replace(/^\u2116/, '#').trim();
  const header = rows[0].cells.map((c) => c.trim());
  const lower = header.map((h) => h.toLowerCase());
  const headerAt = (i: number): KeyLocation => ({ offset: rows[0].offsets[i], length: Math.max(1, header[i].length) });
  // stats.to_csv(): one key per row.
  const keyed = new Map<string, { value: string; at: KeyLocation }>();
  for (const r of rows) keyed.set(cell(r, 0), { value: cell(r, 1), at: { offset: r.offsets[0], length: Math.max(1, cell(r, 0).length) } });
  if (STATS_KEYS.filter((k) => keyed.has(k)).length >= 2) {
    const s = emptySummary('backtesting-py-stats', file);
    readFigures(s, (k) => keyed.get(k)?.value, (k) => keyed.get(k)?.at);
    for (const k of ['# Trades', 'Sharpe Ratio', 'Max. Drawdown [%]']) {
      const loc = keyed.get(k)?.at;
      if (loc) s.locations[LOCATION_NAMES[k]] = loc;
    }
    if (keyed.has('_trades') || keyed.has('_equity_curve')) {
      s.problems.push(problem('_trades and _equity_curve are DataFrames printed into the CSV; save them on their own (stats._trades.to_csv(...)) to read the trades and returns', 'info', keyed.get('_trades')?.at ?? keyed.get('_equity_curve')?.at));
    }
    return [s];
  }
  const data = rows.slice(1);
  const col = (name: string) => lower.indexOf(name.toLowerCase());
  // stats._trades.to_csv()
  if (col('EntryBar') >= 0 && col('ExitBar') >= 0 && (col('ReturnPct') >= 0 || col('PnL') >= 0)) {
    const s = emptySummary('backtesting-py-trades', file);
    const names = header;
    const recordsOf = data.map((r) => Object.fromEntries(names.map((n, i) => [n, cell(r, i)])));
    readTrades(s, recordsOf, headerAt(col('ReturnPct') >= 0 ? col('ReturnPct') : col('PnL')));
    s.locations.trades = headerAt(col('ReturnPct') >= 0 ? col('ReturnPct') : col('PnL'));
    const times = recordsOf.map((r) => isoDate(String(r.EntryTime ?? ''))).concat(recordsOf.map((r) => isoDate(String(r.ExitTime ?? '')))).filter((d): d is string => !!d).sort();
    if (times.length >= 2) s.period = { start: times[0], end: times[times.length - 1] };
    return [s];
  }
  // stats._equity_curve.to_csv(): the time index, Equity, DrawdownPct, DrawdownDuration.
  if (col('Equity') >= 0 && col('DrawdownPct') >= 0) {
    const s = emptySummary('backtesting-py-equity', file);
    const e = col('Equity');
    const recordsOf = data.map((r) => ({ index: cell(r, 0), Equity: cell(r, e) }));
    s.locations.returns = headerAt(e);
    readEquity(s, equityPoints(recordsOf), headerAt(e));
    const dd = Math.max(0, ...data.map((r) => Math.abs(displayNumber(cell(r, col('DrawdownPct'))) ?? 0)));
    if (Number.isFinite(dd)) s.maxDrawdown = dd;
    return [s];
  }
  // heatmap.to_csv(): the swept parameters, then the metric `optimize` maximised.
  const metric = header[header.length - 1];
  if (header.length >= 2 && METRIC_KEYS.has(metric)) {
    const s = emptySummary('backtesting-py-heatmap', file);
    s.locations.trial_matrix = headerAt(header.length - 1);
    const values = data.map((r) => cell(r, header.length - 1));
    const tried = data.length;
    const withResult = values.filter((v) => cellNumber(v) !== undefined).length;
    s.trials = {
      count: tried,
      sharpeSource: `the ${tried} parameter combinations of a backtesting.py heatmap (${header.slice(0, -1).join(', ')}); it holds one "${metric}" per run, not the runs' returns, so no trial Sharpe variance or PBO comes from it`,
    };
    if (withResult < tried) s.problems.push(problem(`${tried - withResult} of ${tried} combination(s) have no ${metric} (runs without trades); they were still tried and count as trials`, 'info', s.locations.trial_matrix));
    return [s];
  }
  return undefined;
}
