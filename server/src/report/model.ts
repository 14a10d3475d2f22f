// The overfitting report's data model: everything the charts draw and every verdict, computed
// from one lint of a strategy (its facts and attached results). Pure: no I/O, no LSP, no DOM,
// so the CLI, the language server and the tests share it; the renderer only draws it.
import { ruleContextOf, type LintOutput } from '../engine/lint';
import { sampleVariance } from '../engine/stats/moments';
import type { AttachedResult, RuleContext } from '../engine/rules/rule';
import { fileName, resultsByStrategy, trialCount, type StrategyResults } from '../engine/rules/helpers/attached-results';
import * as nodePath from 'node:path';
import { optimisedSettingSpaces } from '../engine/rules/helpers/optimised-spaces';
import { deflationFor, seriesBasis } from '../engine/rules/helpers/deflation';
import { RULES } from '../engine/rules/registry';
import type { DateSpan } from '../engine/results/summary';
import { getTerm } from '../engine/glossary/glossary';
import {
  annualizeSharpe,
  deflatedSharpeRatio,
  expectedMaxSharpe,
  minBacktestLengthYears,
  minTrackRecordLength,
  moments,
  probabilisticSharpeRatio,
} from '../engine/stats';

export const REPORT_DATA_VERSION = 1;

export type VerdictLevel = 'ok' | 'warn' | 'bad' | 'info';

/** One plain-words sentence under a chart, with the glossary terms it rests on. */
export interface Verdict {
  level: VerdictLevel;
  text: string;
  terms: string[];
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface EquityPoint {
  /** ISO date (YYYY-MM-DD) when the series is dated, else the 1-based observation number. */
  x: string | number;
  /** Growth of 1 (1.10 = +10 %). */
  equity: number;
  /** Drawdown from the running peak, <= 0 (-0.08 = 8 % below the peak). */
  drawdown: number;
}

export interface PeriodSpan {
  kind: 'in-sample' | 'out-of-sample';
  start: string;
  end: string;
  /** Where the span comes from, in words. */
  source: string;
}

export interface EquityChart {
  source: string;
  series: 'period returns' | 'trade returns';
  /** x is a date ('date') or the observation / trade number ('index'). */
  xKind: 'date' | 'index';
  /** True when the file gives only the period, so observations are spread evenly over it. */
  datesApproximate: boolean;
  points: EquityPoint[];
  spans: PeriodSpan[];
  totalReturn: number;
  /** Largest drawdown as a positive ratio. */
  maxDrawdown: number;
  /** Return over the part of the curve inside in-sample / out-of-sample spans (dated curves only). */
  inSampleReturn: number | null;
  outOfSampleReturn: number | null;
  verdict: Verdict;
}

export interface DsrChart {
  /** N: configurations tried. */
  trials: number;
  trialsSource: string;
  observations: number;
  /** The chosen strategy's per-period (or per-trade) Sharpe. */
  sharpe: number;
  sharpeAnnualized: number | null;
  /** Per-period unit of `sharpe`, for labels ('day', 'period', 'trade'). */
  unit: string;
  chosenLabel: string;
  /** E[max SR] over N skill-less trials (per period). */
  expectedMax: number;
  variance: number;
  varianceSource: 'trials' | 'null';
  dsr: number | null;
  psr: number | null;
  /** The trials' own Sharpe ratios, when the results carry them, with their histogram. */
  trialSharpes: number[] | null;
  histogram: HistogramBin[] | null;
  /** Without trial Sharpes: the null distribution N(0, V) the deflation assumes. */
  nullDensity: { x: number; density: number }[] | null;
  verdict: Verdict;
}

export interface PboChart {
  source: string;
  pbo: number;
  splits: number;
  combinations: number;
  trials: number;
  observations: number;
  metric: string;
  logitBins: HistogramBin[];
  logitCount: number;
  /** In-sample vs out-of-sample metric of the in-sample best, per split (sampled when many). */
  pairs: { is: number; oos: number }[];
  pairsTotal: number;
  /** Least-squares line OOS = intercept + slope * IS over all pairs. */
  degradation: { slope: number; intercept: number } | null;
  /** Share of splits where the in-sample best lost money (metric < 0) out of sample. */
  probabilityOfLoss: number;
  verdict: Verdict;
}

export interface SampleBar {
  id: 'trades-per-parameter' | 'trades' | 'observations-mintrl' | 'years-minbtl' | 'parameters';
  label: string;
  value: number;
  threshold: number;
  /** 'at-least': value should reach the threshold; 'at-most': stay below it. */
  direction: 'at-least' | 'at-most';
  unit: string;
  pass: boolean;
  note: string;
}

export interface SampleChart {
  bars: SampleBar[];
  verdict: Verdict;
}

export interface StrategyReport {
  name: string;
  files: { file: string; format: string; reason: string }[];
  headline: string[];
  equity: EquityChart | null;
  dsr: DsrChart | null;
  pbo: PboChart | null;
  sample: SampleChart;
  /** Why a chart is missing, by chart id. */
  missing: Partial<Record<'equity' | 'dsr' | 'pbo', string>>;
}

export interface ReportTerm {
  id: string;
  title: string;
  definition: string;
  source: string;
}

export interface ReportData {
  version: number;
  /** Strategy file, as given (absolute in the editor, as typed in the CLI). */
  file: string;
  title: string;
  strategies: StrategyReport[];
  /** Report-wide notes (no results attached, refused result paths). */
  notes: string[];
  terms: ReportTerm[];
}

export interface ReportOptions {
  /** Shown instead of the absolute path (e.g. workspace-relative). */
  displayPath?: string;
  /** Result file paths are shown relative to this folder (default: the strategy file's folder); never absolute. */
  workspaceRoot?: string;
  /** Rule option overrides, as in LintConfig.options. */
  ruleOptions?: Record<string, Record<string, number>>;
  /** Most IS/OOS pairs kept for the scatter (default 1,500). */
  maxPairs?: number;
}

const DAY_MS = 86_400_000;

function option(rule: string, name: string, overrides?: ReportOptions['ruleOptions']): number {
  return overrides?.[rule]?.[name] ?? RULES.find((r) => r.name === rule)?.options?.[name]?.default ?? NaN;
}

/** Equal-width bins over [min, max] (padded when all values are equal); counts sum to values.length. */
export function histogram(values: readonly number[], binCount?: number, domain?: [number, number]): HistogramBin[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  let lo = domain?.[0] ?? Math.min(...finite);
  let hi = domain?.[1] ?? Math.max(...finite);
  if (!(hi > lo)) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 0.5;
    lo -= pad;
    hi += pad;
  }
  const k = Math.max(1, Math.min(60, binCount ?? Math.ceil(Math.log2(finite.length) + 1) * 2));
  const width = (hi - lo) / k;
  const bins: HistogramBin[] = Array.from({ length: k }, (_, i) => ({ x0: lo + i * width, x1: i === k - 1 ? hi : lo + (i + 1) * width, count: 0 }));
  for (const v of finite) {
    const i = Math.min(k - 1, Math.max(0, Math.floor((v - lo) / width)));
    bins[i].count++;
  }
  return bins;
}

/** Equity (growth of 1) and drawdown of a return series. */
export function equityCurve(returns: readonly number[]): { equity: number[]; drawdown: number[] } {
  const equity: number[] = [];
  const drawdown: number[] = [];
  let value = 1;
  let peak = 1;
  for (const r of returns) {
    value *= 1 + (Number.isFinite(r) ? r : 0);
    peak = Math.max(peak, value);
    equity.push(value);
    drawdown.push(value / peak - 1);
  }
  return { equity, drawdown };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

function pct(x: number, digits = 1): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)} %`;
}

function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits);
}

/** The backtest the report draws: the first backtest with a usable return series. */
function chosenBacktest(group: StrategyResults): AttachedResult | undefined {
  const usable = (a: AttachedResult) => (a.summary.periodReturns?.length ?? 0) >= 2 || (a.summary.tradeReturns?.length ?? 0) >= 2;
  return group.backtests.find(usable) ?? group.backtests[0];
}

/** The best column of a trial matrix by full-sample Sharpe (what a sweep picks), with its returns. */
function bestMatrixColumn(result: AttachedResult): { column: number; returns: number[]; sharpe: number } | undefined {
  const matrix = result.summary.trialMatrix;
  if (!matrix || matrix.length < 2) return undefined;
  const cols = matrix[0].length;
  let best: { column: number; returns: number[]; sharpe: number } | undefined;
  for (let j = 0; j < cols; j++) {
    const returns = matrix.map((row) => row[j]);
    const m = moments(returns);
    if (!m || !(m.std > 0)) continue;
    const sharpe = m.mean / m.std;
    if (!best || sharpe > best.sharpe) best = { column: j, returns, sharpe };
  }
  return best;
}

/**
 * Trial matrices may hold returns in percent or basis points (Sharpe and PBO do not care, an
 * equity curve does): a column with a return of 100 % or more in one period is rescaled to the
 * unit that makes its largest move plausible.
 */
export function asRatios(returns: number[]): { returns: number[]; unit?: 'percent' | 'basis points' } {
  const largest = Math.max(0, ...returns.filter(Number.isFinite).map(Math.abs));
  if (largest < 1) return { returns };
  const divisor = largest / 100 < 0.5 ? 100 : 10_000;
  return { returns: returns.map((r) => r / divisor), unit: divisor === 100 ? 'percent' : 'basis points' };
}

function spansFor(group: StrategyResults, backtest: AttachedResult | undefined): PeriodSpan[] {
  const spans: PeriodSpan[] = [];
  const seen = new Set<string>();
  const add = (span: PeriodSpan) => {
    const key = `${span.kind}|${span.start.slice(0, 10)}|${span.end.slice(0, 10)}`;
    if (seen.has(key)) return;
    seen.add(key);
    spans.push(span);
  };
  for (const result of group.all) {
    const s = result.summary;
    if (s.inSample) add({ kind: 'in-sample', start: s.inSample.start, end: s.inSample.end, source: `in-sample period recorded in ${fileName(result)}` });
    if (s.outOfSample) add({ kind: 'out-of-sample', start: s.outOfSample.start, end: s.outOfSample.end, source: `out-of-sample period recorded in ${fileName(result)}` });
  }
  for (const optimisation of group.optimisations) {
    const p = optimisation.summary.period;
    if (p) add({ kind: 'in-sample', start: p.start, end: p.end, source: `optimisation period of ${fileName(optimisation)}` });
  }
  // The backtest's days after the last optimisation period are out-of-sample.
  const period = backtest?.summary.period;
  const optimised = group.optimisations.map((o) => o.summary.period).filter((p): p is DateSpan => !!p);
  if (period && optimised.length && !spans.some((s) => s.kind === 'out-of-sample')) {
    const lastEnd = Math.max(...optimised.map((p) => dayMs(p.end)));
    const start = Math.max(dayMs(period.start), lastEnd + DAY_MS);
    if (start <= dayMs(period.end)) add({ kind: 'out-of-sample', start: isoDay(start), end: period.end.slice(0, 10), source: `days of ${fileName(backtest!)} after the optimisation period` });
  }
  return spans;
}

function buildEquity(group: StrategyResults, backtest: AttachedResult | undefined): { chart: EquityChart | null; missing?: string } {
  let returns: number[] | undefined;
  let series: EquityChart['series'] = 'period returns';
  let source = '';
  let period: DateSpan | undefined;
  if (backtest) {
    const s = backtest.summary;
    source = fileName(backtest);
    period = s.period;
    if (s.periodReturns && s.periodReturns.length >= 2) returns = s.periodReturns;
    else if (s.tradeReturns && s.tradeReturns.length >= 2) {
      returns = s.tradeReturns;
      series = 'trade returns';
    }
  }
  if (!returns) {
    const matrix = group.all.find((a) => (a.summary.trialMatrix?.length ?? 0) >= 2);
    const best = matrix ? bestMatrixColumn(matrix) : undefined;
    if (matrix && best) {
      const scaled = asRatios(best.returns);
      returns = scaled.returns;
      source = `${fileName(matrix)}, configuration ${best.column + 1} (best Sharpe of ${matrix.summary.trialMatrix![0].length})${scaled.unit ? `, values read as ${scaled.unit}` : ''}`;
      period = matrix.summary.period;
    }
  }
  if (!returns) return { chart: null, missing: backtest ? `${fileName(backtest)} holds no return series to draw.` : 'No backtest with a return series is attached.' };
  const { equity, drawdown } = equityCurve(returns);
  const start = period ? dayMs(period.start) : NaN;
  const end = period ? dayMs(period.end) : NaN;
  // Returns the file dates itself (freqtrade daily_profit) sit at their own dates; otherwise
  // they are spread evenly over the period, which the chart says.
  const ownDates = series === 'period returns' && backtest?.summary.periodReturns === returns ? backtest.summary.periodDates : undefined;
  const exact = !!ownDates && ownDates.length === returns.length && ownDates.every((d) => Number.isFinite(dayMs(d)));
  const dated = exact || (series === 'period returns' && Number.isFinite(start) && Number.isFinite(end) && end > start);
  const step = dated && !exact ? (end - start) / Math.max(1, returns.length - 1) : 0;
  const times = exact ? ownDates!.map(dayMs) : returns.map((_, i) => start + i * step);
  const points: EquityPoint[] = returns.map((_, i) => ({ x: dated ? isoDay(times[i]) : i + 1, equity: equity[i], drawdown: drawdown[i] }));
  const spans = dated ? spansFor(group, backtest) : [];
  const returnWithin = (kind: PeriodSpan['kind']): number | null => {
    const mine = spans.filter((s) => s.kind === kind);
    if (!mine.length) return null;
    let growth = 1;
    let any = false;
    returns!.forEach((r, i) => {
      if (mine.some((s) => times[i] >= dayMs(s.start) && times[i] <= dayMs(s.end) + DAY_MS - 1)) {
        growth *= 1 + r;
        any = true;
      }
    });
    return any ? growth - 1 : null;
  };
  const totalReturn = equity[equity.length - 1] - 1;
  const maxDrawdown = -Math.min(0, ...drawdown);
  const inSampleReturn = returnWithin('in-sample');
  const outOfSampleReturn = returnWithin('out-of-sample');
  const terms = ['drawdown', 'in-sample', 'out-of-sample', 'holdout'];
  let verdict: Verdict;
  const dd = `worst drawdown ${(maxDrawdown * 100).toFixed(1)} %`;
  if (!dated) {
    verdict = { level: 'info', text: `Growth over ${returns.length} ${series === 'trade returns' ? 'trades' : 'observations'}: ${pct(totalReturn)}, ${dd}. The file has no dates, so no in-sample or out-of-sample period can be shown.`, terms };
  } else if (inSampleReturn !== null && outOfSampleReturn !== null) {
    const worse = outOfSampleReturn < inSampleReturn / 2;
    verdict = {
      level: worse ? 'warn' : 'ok',
      text: `In-sample the strategy made ${pct(inSampleReturn)}; on data the optimiser never saw it made ${pct(outOfSampleReturn)}${worse ? ', far less' : ''}; ${dd}.`,
      terms,
    };
  } else if (inSampleReturn !== null) {
    const recorded = spans.find((s) => s.kind === 'out-of-sample');
    const oos = recorded
      ? `an out-of-sample period is recorded (${recorded.start.slice(0, 10)} to ${recorded.end.slice(0, 10)}) but this result holds no returns from it`
      : 'no out-of-sample period exists';
    verdict = { level: 'bad', text: `Every point of this curve was available to the optimiser (${pct(inSampleReturn)} in-sample) and ${oos}: it shows how well the parameters fit this history, not how they trade; ${dd}.`, terms };
  } else if (outOfSampleReturn !== null) {
    verdict = { level: 'ok', text: `The whole curve is out of sample (${pct(outOfSampleReturn)} on data the optimiser never saw); ${dd}.`, terms };
  } else {
    verdict = { level: 'warn', text: `${pct(totalReturn)} with a ${dd}, but no in-sample or out-of-sample period is recorded: nothing here shows how the strategy does on data it was not tuned on.`, terms };
  }
  return {
    chart: { source, series, xKind: dated ? 'date' : 'index', datesApproximate: dated && !exact, points, spans, totalReturn, maxDrawdown, inSampleReturn, outOfSampleReturn, verdict },
  };
}

function normalPdf(x: number, sd: number): number {
  return Math.exp(-0.5 * (x / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
}

function buildDsr(context: RuleContext, group: StrategyResults, backtest: AttachedResult | undefined, ruleOptions?: ReportOptions['ruleOptions']): { chart: DsrChart | null; missing?: string } {
  // The same thresholds as SL603 and SL604, with the same overrides.
  const psrLevel = option('insignificant-sharpe', 'psr-level', ruleOptions);
  const dsrLevel = option('deflated-sharpe', 'dsr-level', ruleOptions);
  const trials = trialCount(context, group, backtest);
  // The trials' Sharpe ratios only when they are on the chosen series' basis (deflation.ts).
  const deflation = backtest ? deflationFor(context, group, backtest) : null;
  const matrixSharpes = group.all.map((a) => (a.summary.trials?.sharpeBasis === undefined ? a.summary.trials?.sharpes : undefined)).find((s): s is number[] => !!s && s.filter(Number.isFinite).length >= 2) ?? null;
  const trialSharpes = deflation ? deflation.trialSharpes : matrixSharpes;
  const trialVariance = deflation ? (deflation.trialSharpes ? deflation.variance : null) : matrixSharpes ? sampleVariance(matrixSharpes.filter(Number.isFinite)) ?? null : null;
  let sharpe: number | null = null;
  let observations: number | null = null;
  let skew = 0;
  let kurt = 3;
  let chosenLabel = '';
  let unit = 'period';
  let periodsPerYear: number | null = null;
  if (backtest && backtest.statistics.sharpe !== null && backtest.statistics.observations !== null) {
    const s = backtest.statistics;
    sharpe = s.sharpe;
    observations = s.observations;
    skew = s.skewness ?? 0;
    kurt = s.kurtosis ?? 3;
    periodsPerYear = s.periodsPerYear;
    unit = seriesBasis(backtest);
    chosenLabel = `${group.name} (${fileName(backtest)})`;
  } else {
    const matrix = group.all.find((a) => (a.summary.trialMatrix?.length ?? 0) >= 2);
    const best = matrix ? bestMatrixColumn(matrix) : undefined;
    const m = best ? moments(best.returns) : null;
    if (matrix && best && m) {
      sharpe = best.sharpe;
      observations = m.observations;
      skew = m.skewness;
      kurt = m.kurtosis;
      periodsPerYear = matrix.summary.periodsPerYear ?? 252;
      unit = 'day';
      chosenLabel = `configuration ${best.column + 1}, the best of ${fileName(matrix)}`;
    }
  }
  if (sharpe === null || observations === null || observations < 2) return { chart: null, missing: 'No Sharpe ratio can be computed from the attached results.' };
  const variance = trialVariance ?? 1 / (observations - 1);
  // With a backtest, the figures SL603 / SL604 judged; for the best column of a trial matrix
  // (no backtest to judge), the same statistics computed for that column.
  const fromRules = backtest && deflation;
  const expectedMax = (fromRules ? deflation.expectedMax : expectedMaxSharpe(trials.n, variance)) ?? 0;
  const dsr = fromRules ? deflation.dsr : deflatedSharpeRatio({ sharpe, skewness: skew, kurtosis: kurt, observations, trials: trials.n, trialSharpeVariance: variance });
  const psr = backtest && backtest.statistics.psr !== null ? backtest.statistics.psr : probabilisticSharpeRatio({ sharpe, skewness: skew, kurtosis: kurt, observations });
  const sd = Math.sqrt(variance);
  let histogramBins: HistogramBin[] | null = null;
  let nullDensity: DsrChart['nullDensity'] = null;
  if (trialSharpes) {
    const finite = trialSharpes.filter(Number.isFinite);
    const lo = Math.min(...finite, sharpe, expectedMax);
    const hi = Math.max(...finite, sharpe, expectedMax);
    histogramBins = histogram(finite, Math.min(30, Math.max(8, Math.ceil(Math.sqrt(finite.length)) * 2)), [lo, hi]);
  } else if (sd > 0) {
    const lo = Math.min(-4 * sd, sharpe - sd);
    const hi = Math.max(4 * sd, sharpe + sd, expectedMax + sd);
    nullDensity = Array.from({ length: 121 }, (_, i) => {
      const x = lo + ((hi - lo) * i) / 120;
      return { x, density: normalPdf(x, sd) };
    });
  }
  const terms = ['deflated-sharpe-ratio', 'multiple-testing', 'trial-count', 'sharpe-ratio', 'probabilistic-sharpe-ratio'];
  const per = `per ${unit}`;
  let verdict: Verdict;
  if (trials.n <= 1) {
    verdict = {
      level: psr !== null && psr >= psrLevel ? 'ok' : 'warn',
      text: `No record of other trials, so nothing is deflated: the chosen Sharpe ${num(sharpe, 3)} ${per} is above zero with ${psr === null ? 'unknown' : `${Math.round(psr * 100)} %`} probability (PSR). If more configurations were tried, say how many with a trials= directive.`,
      terms,
    };
  } else if (dsr !== null && dsr >= dsrLevel) {
    verdict = { level: 'ok', text: `The chosen Sharpe ${num(sharpe, 3)} ${per} clears ${num(expectedMax, 3)}, what the best of ${num(trials.n, 0)} skill-less trials is expected to reach: DSR ${num(dsr)} — selection bias alone does not explain it.`, terms };
  } else {
    const below = sharpe < expectedMax;
    verdict = {
      level: dsr !== null && dsr < 0.5 ? 'bad' : 'warn',
      text: below
        ? `The best of ${num(trials.n, 0)} skill-less trials is expected to reach a Sharpe of ${num(expectedMax, 3)} ${per}, more than the chosen ${num(sharpe, 3)}: DSR ${num(dsr ?? NaN)} — this result is what luck alone produces after so many tries.`
        : `The chosen Sharpe ${num(sharpe, 3)} ${per} is only a little above the ${num(expectedMax, 3)} expected from the best of ${num(trials.n, 0)} skill-less trials: DSR ${num(dsr ?? NaN)}, below ${num(dsrLevel)} — not enough to rule out luck.`,
      terms,
    };
  }
  return {
    chart: {
      trials: trials.n,
      trialsSource: trials.source,
      observations,
      sharpe,
      sharpeAnnualized: periodsPerYear ? annualizeSharpe(sharpe, periodsPerYear) : null,
      unit,
      chosenLabel,
      expectedMax,
      variance,
      varianceSource: trialVariance !== null ? 'trials' : 'null',
      dsr,
      psr,
      trialSharpes,
      histogram: histogramBins,
      nullDensity,
      verdict,
    },
  };
}

function buildPbo(group: StrategyResults, maxPairs: number): { chart: PboChart | null; missing?: string } {
  const result = group.all.find((a) => a.statistics.pbo?.ok);
  const pbo = result?.statistics.pbo;
  if (!result || !pbo || !pbo.ok) {
    const failed = group.all.map((a) => a.statistics.pbo).find((p) => p && !p.ok);
    return { chart: null, missing: failed && !failed.ok ? `PBO could not be computed: ${failed.error}.` : 'No trial matrix (returns of every configuration tried) is attached, so PBO cannot be computed.' };
  }
  const logits = pbo.logits.filter(Number.isFinite);
  const extent = Math.max(1, ...logits.map(Math.abs));
  const logitBins = histogram(logits, 24, [-extent, extent]);
  const stride = Math.max(1, Math.ceil(pbo.pairs.length / maxPairs));
  const pairs = pbo.pairs.filter((_, i) => i % stride === 0).map((p) => ({ is: p.inSample, oos: p.outOfSample })).filter((p) => Number.isFinite(p.is) && Number.isFinite(p.oos));
  const finitePairs = pbo.pairs.filter((p) => Number.isFinite(p.inSample) && Number.isFinite(p.outOfSample));
  let degradation: PboChart['degradation'] = null;
  if (finitePairs.length >= 2) {
    const mx = finitePairs.reduce((a, p) => a + p.inSample, 0) / finitePairs.length;
    const my = finitePairs.reduce((a, p) => a + p.outOfSample, 0) / finitePairs.length;
    let sxy = 0;
    let sxx = 0;
    for (const p of finitePairs) {
      sxy += (p.inSample - mx) * (p.outOfSample - my);
      sxx += (p.inSample - mx) ** 2;
    }
    if (sxx > 0) degradation = { slope: sxy / sxx, intercept: my - (sxy / sxx) * mx };
  }
  const probabilityOfLoss = finitePairs.length ? finitePairs.filter((p) => p.outOfSample < 0).length / finitePairs.length : 0;
  const terms = ['probability-of-backtest-overfitting', 'cscv', 'overfitting', 'out-of-sample'];
  const share = Math.round(pbo.pbo * 100);
  const errorLevel = option('backtest-overfitting', 'pbo-level');
  const warnLevel = option('backtest-overfitting', 'pbo-warn-level');
  const level: VerdictLevel = pbo.pbo > errorLevel ? 'bad' : pbo.pbo > warnLevel ? 'warn' : 'ok';
  const tail =
    level === 'bad'
      ? 'picking the backtest winner is worse than picking a configuration at random'
      : level === 'warn'
        ? 'the backtest winner often disappoints on unseen data'
        : 'the backtest winner usually stays above the median on unseen data';
  const slope = !degradation
    ? ''
    : degradation.slope < 0
      ? `; and the better a configuration looked in-sample, the worse it did out of sample (slope ${num(degradation.slope)})`
      : degradation.slope < 1
        ? `; out of sample keeps only about ${num(degradation.slope * 100, 0)} % of each extra unit of in-sample ${pbo.metric}`
        : '';
  const verdict: Verdict = { level, text: `In ${share} % of ${num(pbo.combinations, 0)} splits the in-sample best of ${pbo.trials} configurations ranked at or below the median out of sample: ${tail}${slope}.`, terms };
  return {
    chart: {
      source: fileName(result),
      pbo: pbo.pbo,
      splits: pbo.splits,
      combinations: pbo.combinations,
      trials: pbo.trials,
      observations: pbo.observations,
      metric: pbo.metric,
      logitBins,
      logitCount: logits.length,
      pairs,
      pairsTotal: pbo.pairs.length,
      degradation,
      probabilityOfLoss,
      verdict,
    },
  };
}

function tunedParameters(context: RuleContext, group: StrategyResults): number {
  // Counted as too-many-parameters counts them: repeats of a hidden threshold once, plus the
  // roi / stoploss / trailing dimensions an attached hyperopt result shows optimised.
  const params = context.facts.parameters.filter((p) => p.optimized && !p.repeat);
  if (!group.strategy) return params.length;
  const spaces = [...optimisedSettingSpaces(context, group.strategy.name).values()].reduce((a, b) => a + b, 0);
  const tuned = params.filter((p) => p.className === group.strategy!.name).length;
  return tuned + spaces + (context.facts.strategies.length === 1 ? params.filter((p) => p.className === undefined).length : 0);
}

function buildSample(context: RuleContext, group: StrategyResults, backtest: AttachedResult | undefined, dsr: DsrChart | null, ruleOptions?: ReportOptions['ruleOptions']): SampleChart {
  const bars: SampleBar[] = [];
  const params = tunedParameters(context, group);
  const maxParameters = option('too-many-parameters', 'max-parameters', ruleOptions);
  const perParameter = option('too-many-parameters', 'min-trades-per-parameter', ruleOptions);
  const minTrades = option('tiny-sample', 'min-trades', ruleOptions);
  if (params > 0) {
    bars.push({ id: 'parameters', label: 'Tuned parameters', value: params, threshold: maxParameters, direction: 'at-most', unit: 'parameters', pass: params <= maxParameters, note: `limit ${maxParameters}` });
  }
  const trades = backtest?.summary.tradeCount ?? backtest?.summary.tradeReturns?.length;
  if (trades !== undefined) {
    bars.push({ id: 'trades', label: 'Trades', value: trades, threshold: minTrades, direction: 'at-least', unit: 'trades', pass: trades >= minTrades, note: `at least ${minTrades} before the figures mean anything` });
    if (params > 0) {
      const need = params * perParameter;
      bars.push({ id: 'trades-per-parameter', label: `Trades for ${params} tuned parameters`, value: trades, threshold: need, direction: 'at-least', unit: 'trades', pass: trades >= need, note: `${perParameter} per parameter = ${need}` });
    }
  }
  if (dsr) {
    const stats = backtest?.statistics;
    const minTrl = stats && stats.sharpe !== null ? stats.minTrl : minTrackRecordLength({ sharpe: dsr.sharpe });
    if (minTrl !== null && minTrl !== undefined) {
      const unit = dsr.unit === 'trade' ? 'trades' : 'observations';
      bars.push({ id: 'observations-mintrl', label: `Track record vs MinTRL`, value: dsr.observations, threshold: Math.ceil(minTrl), direction: 'at-least', unit, pass: dsr.observations >= minTrl, note: `MinTRL at 95 % for a Sharpe of ${num(dsr.sharpe, 3)} per ${dsr.unit}` });
    }
    const years = backtest?.statistics.years ?? group.all.map((a) => a.statistics.years).find((y): y is number => y !== null) ?? null;
    if (dsr.trials > 1 && dsr.sharpeAnnualized !== null && years !== null) {
      const minBtl = minBacktestLengthYears(dsr.trials, dsr.sharpeAnnualized);
      if (minBtl !== null) {
        bars.push({ id: 'years-minbtl', label: `Backtest length vs MinBTL`, value: years, threshold: minBtl, direction: 'at-least', unit: 'years', pass: years >= minBtl, note: `MinBTL for ${num(dsr.trials, 0)} trials at an annual Sharpe of ${num(dsr.sharpeAnnualized)}` });
      }
    }
  }
  const failing = bars.filter((b) => !b.pass);
  const terms = ['degrees-of-freedom', 'sample-size', 'minimum-track-record-length', 'minimum-backtest-length'];
  const describe = (b: SampleBar): string => {
    switch (b.id) {
      case 'parameters':
        return `${b.value} tuned parameters (limit ${b.threshold})`;
      case 'trades':
        return `only ${b.value} trades (at least ${b.threshold} needed)`;
      case 'trades-per-parameter':
        return `${num(b.value / params, 1)} trades per tuned parameter (${perParameter} needed: ${b.threshold} trades)`;
      case 'observations-mintrl':
        return `${num(b.value, 0)} ${b.unit} where the Sharpe needs ${num(b.threshold, 0)} to be told apart from zero`;
      case 'years-minbtl':
        return `${num(b.value, 1)} years of history where ${num(b.threshold, 1)} are needed after ${num(dsr!.trials, 0)} trials`;
    }
  };
  let verdict: Verdict;
  if (bars.length === 0) verdict = { level: 'info', text: 'Neither tuned parameters nor a trade count or return series were found to compare with their minimums.', terms };
  else if (failing.length === 0) verdict = { level: 'ok', text: `Every measure clears its threshold: the sample is large enough for the number of parameters and the Sharpe claimed.`, terms };
  else verdict = { level: failing.length >= 2 ? 'bad' : 'warn', text: `Too little data for what was fitted: ${failing.map(describe).join('; ')}.`, terms };
  return { bars, verdict };
}

/** The report's data for one linted strategy file (must be called before `output.release()`). */
export function buildReportData(output: LintOutput, path: string, options: ReportOptions = {}): ReportData {
  // The evidence the rules judged, read the same way (results per strategy, trials, deflation).
  const context = ruleContextOf(output, path);
  const root = options.workspaceRoot ?? nodePath.dirname(path);
  const shown = (file: string) => nodePath.relative(root, nodePath.resolve(root, file)).split(nodePath.sep).join('/') || nodePath.basename(file);
  const displayPath = options.displayPath ?? (options.workspaceRoot ? shown(path) : path);
  const strategies: StrategyReport[] = [];
  const notes: string[] = [];
  for (const group of resultsByStrategy(context)) {
    const backtest = chosenBacktest(group);
    const equity = buildEquity(group, backtest);
    const dsr = buildDsr(context, group, backtest, options.ruleOptions);
    const pbo = buildPbo(group, options.maxPairs ?? 1500);
    const sample = buildSample(context, group, backtest, dsr.chart, options.ruleOptions);
    const headline: string[] = [];
    const trades = backtest?.summary.tradeCount ?? backtest?.summary.tradeReturns?.length;
    if (trades !== undefined) headline.push(`${trades} trades`);
    if (dsr.chart?.sharpeAnnualized != null) headline.push(`Sharpe ${num(dsr.chart.sharpeAnnualized)} (annual)`);
    if (dsr.chart?.psr != null) headline.push(`PSR ${num(dsr.chart.psr)}`);
    if (dsr.chart && dsr.chart.trials > 1 && dsr.chart.dsr !== null) headline.push(`DSR ${num(dsr.chart.dsr)} (N=${num(dsr.chart.trials, 0)})`);
    if (pbo.chart) headline.push(`PBO ${num(pbo.chart.pbo)}`);
    const missing: StrategyReport['missing'] = {};
    if (equity.missing) missing.equity = equity.missing;
    if (dsr.missing) missing.dsr = dsr.missing;
    if (pbo.missing) missing.pbo = pbo.missing;
    strategies.push({
      name: group.name,
      files: group.all.map((a) => ({ file: shown(a.summary.file), format: a.summary.format, reason: a.reason })),
      headline,
      equity: equity.chart,
      dsr: dsr.chart,
      pbo: pbo.chart,
      sample,
      missing,
    });
  }
  if (strategies.length === 0) {
    notes.push('No backtest results are attached to this file. Attach them with a `# strategy-lint: results=PATH` directive, a sidecar file, or the result folders of freqtrade / LEAN (see the README).');
  }
  for (const refused of output.results?.refused ?? []) notes.push(`Result file ${shown(refused.file)} was not read: ${refused.reason}.`);
  const ids = new Set<string>();
  for (const s of strategies) {
    for (const v of [s.equity?.verdict, s.dsr?.verdict, s.pbo?.verdict, s.sample.verdict]) for (const t of v?.terms ?? []) ids.add(t);
  }
  const terms: ReportTerm[] = [];
  for (const id of ids) {
    const term = getTerm(id);
    if (term) terms.push({ id: term.id, title: term.title, definition: term.definition, source: term.source });
  }
  // Verdicts link only to terms the page defines.
  const known = new Set(terms.map((t) => t.id));
  for (const s of strategies) for (const v of [s.equity?.verdict, s.dsr?.verdict, s.pbo?.verdict, s.sample.verdict]) if (v) v.terms = v.terms.filter((t) => known.has(t));
  const base = displayPath.split(/[\\/]/).pop() ?? displayPath;
  return { version: REPORT_DATA_VERSION, file: displayPath, title: `Overfitting report: ${base}`, strategies, notes, terms };
}
