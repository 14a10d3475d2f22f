// Our own result format, `strategy-lint/v1` (schema: docs/result-schema.json), for tools that
// can export returns/trades/trials themselves. Checked by hand against the schema's rules so a
// bad file gets precise messages instead of a generic "invalid".
import type { BacktestSummary, DateSpan, KeyLocation, ResultProblem } from './summary';
import { emptySummary, problem } from './problems';
import { isRecord } from './json-read';
import { describe, finiteList, isFiniteNumber, readNumber } from './numbers';
import { isoDate } from './dates';

export const STRATEGY_LINT_FORMAT = 'strategy-lint/v1';

export const STRATEGY_LINT_KEYS: ReadonlySet<string> = new Set([
  '$schema', 'format', 'strategy', 'period', 'inSample', 'outOfSample', 'returns', 'periodsPerYear',
  'trades', 'tradeCount', 'trials', 'trialMatrix', 'parameters', 'metrics',
]);

export function looksLikeStrategyLintJson(v: unknown): boolean {
  return isRecord(v) && typeof v.format === 'string' && v.format.startsWith('strategy-lint/');
}

export function loadStrategyLintJson(file: string, value: unknown, keys: Map<string, KeyLocation>): BacktestSummary[] {
  const s = emptySummary('strategy-lint-json', file);
  if (!isRecord(value)) return [s];
  const p = s.problems;
  const at = (k: string) => keys.get(k);
  for (const k of ['strategy', 'returns', 'trades', 'trials', 'period', 'outOfSample', 'parameters']) {
    const l = at(k);
    if (l) s.locations[k === 'outOfSample' ? 'out_of_sample' : k] = l;
  }
  if (value.format !== STRATEGY_LINT_FORMAT) {
    p.push(problem(`format "${String(value.format)}" is not supported; this version reads ${STRATEGY_LINT_FORMAT}`, 'error', at('format')));
    return [s];
  }
  for (const k of Object.keys(value)) {
    if (!STRATEGY_LINT_KEYS.has(k)) p.push(problem(`unknown key "${k}" ignored`, 'info', at(k)));
  }
  if (value.strategy !== undefined) {
    if (typeof value.strategy === 'string') s.strategy = value.strategy;
    else p.push(problem(`strategy should be a string but is ${describe(value.strategy)}`, 'warning', at('strategy')));
  }
  s.period = span(value.period, 'period', p, at('period'));
  s.inSample = span(value.inSample, 'inSample', p, at('inSample'));
  s.outOfSample = span(value.outOfSample, 'outOfSample', p, at('outOfSample'));
  s.periodReturns = numberList(value.returns, 'returns', p, at('returns'));
  s.periodsPerYear = readNumber(value.periodsPerYear, 'periodsPerYear', p, at('periodsPerYear'));
  if (s.periodsPerYear !== undefined && s.periodsPerYear <= 0) {
    p.push(problem('periodsPerYear must be positive; ignored', 'warning', at('periodsPerYear')));
    s.periodsPerYear = undefined;
  }
  readTrades(s, value.trades, at('trades'));
  const count = readNumber(value.tradeCount, 'tradeCount', p, at('tradeCount'));
  if (count !== undefined) s.tradeCount = count;
  readTrials(s, value.trials, at('trials'));
  readMatrix(s, value.trialMatrix, at('trialMatrix'));
  if (value.parameters !== undefined) {
    if (isRecord(value.parameters)) s.parameters = value.parameters;
    else p.push(problem(`parameters should be an object but is ${describe(value.parameters)}`, 'warning', at('parameters')));
  }
  if (isRecord(value.metrics)) {
    const m = value.metrics;
    const mAt = (k: string) => keys.get(`metrics/${k}`);
    s.reportedSharpe = readNumber(m.sharpe, 'metrics.sharpe', p, mAt('sharpe'));
    s.maxDrawdown = readNumber(m.maxDrawdown, 'metrics.maxDrawdown', p, mAt('maxDrawdown'));
    if (s.maxDrawdown !== undefined) s.maxDrawdown = Math.abs(s.maxDrawdown);
    s.winRate = readNumber(m.winRate, 'metrics.winRate', p, mAt('winRate'));
    s.profitFactor = readNumber(m.profitFactor, 'metrics.profitFactor', p, mAt('profitFactor'));
    s.totalReturn = readNumber(m.totalReturn, 'metrics.totalReturn', p, mAt('totalReturn'));
    for (const [k, stable] of [['sharpe', 'sharpe'], ['maxDrawdown', 'max_drawdown'], ['winRate', 'winrate'], ['profitFactor', 'profit_factor']]) {
      const l = mAt(k);
      if (l) s.locations[stable] = l;
    }
  } else if (value.metrics !== undefined) {
    p.push(problem(`metrics should be an object but is ${describe(value.metrics)}`, 'warning', at('metrics')));
  }
  return [s];
}

function span(v: unknown, what: string, p: ResultProblem[], at?: KeyLocation): DateSpan | undefined {
  if (v === undefined) return undefined;
  const start = isRecord(v) ? isoDate(v.start) : undefined;
  const end = isRecord(v) ? isoDate(v.end) : undefined;
  if (!start || !end) {
    p.push(problem(`${what} should be {"start": date, "end": date} with ISO 8601 dates`, 'warning', at));
    return undefined;
  }
  if (start > end) p.push(problem(`${what} starts after it ends`, 'warning', at));
  return { start, end };
}

function numberList(v: unknown, what: string, p: ResultProblem[], at?: KeyLocation): number[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    p.push(problem(`${what} should be a list of numbers but is ${describe(v)}`, 'warning', at));
    return undefined;
  }
  return finiteList(v, what, p, (x) => x, at);
}

/** trades: a list of returns, or of {"return", "profit"} objects (either or both). */
function readTrades(s: BacktestSummary, v: unknown, at?: KeyLocation): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    s.problems.push(problem(`trades should be a list but is ${describe(v)}`, 'warning', at));
    return;
  }
  if (v.every((t) => !isRecord(t))) {
    s.tradeReturns = finiteList(v, 'trades', s.problems, (x) => x, at);
  } else {
    const objs = v.filter(isRecord);
    if (objs.length < v.length) s.problems.push(problem('trades mixes numbers and objects; only the objects are read', 'warning', at));
    if (objs.some((t) => 'return' in t)) s.tradeReturns = finiteList(objs, 'trades[].return', s.problems, (t) => t.return, at);
    if (objs.some((t) => 'profit' in t)) s.tradeProfits = finiteList(objs, 'trades[].profit', s.problems, (t) => t.profit, at);
  }
  s.tradeCount = v.length;
}

function readTrials(s: BacktestSummary, v: unknown, at?: KeyLocation): void {
  if (v === undefined) return;
  if (!isRecord(v) || !isFiniteNumber(v.count) || v.count < 1 || !Number.isInteger(v.count)) {
    s.problems.push(problem('trials should be {"count": positive integer, "sharpes"?: [numbers], "sharpeSource"?: text}', 'warning', at));
    return;
  }
  s.trials = { count: v.count };
  if (v.sharpes !== undefined) s.trials.sharpes = numberList(v.sharpes, 'trials.sharpes', s.problems, at);
  if (typeof v.sharpeSource === 'string') s.trials.sharpeSource = v.sharpeSource;
  if (s.trials.sharpes && s.trials.sharpes.length > v.count) {
    s.problems.push(problem(`trials.sharpes has ${s.trials.sharpes.length} values but count is ${v.count}`, 'warning', at));
  }
}

function readMatrix(s: BacktestSummary, v: unknown, at?: KeyLocation): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || !v.every(Array.isArray)) {
    s.problems.push(problem('trialMatrix should be a list of rows (lists of numbers)', 'warning', at));
    return;
  }
  const width = (v[0] as unknown[] | undefined)?.length ?? 0;
  const rows = (v as unknown[][]).filter((r) => r.length === width && r.every(isFiniteNumber)) as number[][];
  if (rows.length < v.length) {
    s.problems.push(problem(`trialMatrix: dropped ${v.length - rows.length} row(s) with non-finite values or a different width`, 'warning', at));
  }
  if (width < 2) s.problems.push(problem('trialMatrix needs at least 2 columns (configurations)', 'warning', at));
  s.trialMatrix = rows;
}
