// result_stats, pbo and check_claim: thin calls into engine/stats (every formula lives there, with
// its source) over a result file the engine's loaders read, a return series, or summary figures.
import type { ResultFileCache } from '../engine/results/attach';
import {
  computeSharpeStats,
  deannualizeSharpe,
  deflatedSharpeRatio,
  largestEvenSplits,
  minTrackRecordLength,
  probabilityOfBacktestOverfitting,
  sharpeStandardError,
  type PboMetric,
  type SharpeStatsWithTrials,
} from '../engine/stats';
import { DEFAULT_MAX_RESULT_BYTES } from '../engine/results/load-result';
import { readSourceFile } from '../cli/files';
import { matrixFromCsv } from '../cli/pbo-command';
import { UsageError } from '../cli/stats-command';
import { displayPath, existingFile, type Workspace } from './paths';
import { ToolError } from './tool-result';

export interface StatsContext {
  workspace: Workspace;
  cache: ResultFileCache;
}

const DEFAULT_PERIODS_PER_YEAR = 252;

/**
 * Variance of the trials' per-period Sharpe ratios when nobody measured it: under the null of the
 * deflated Sharpe ratio (trials without skill), the trials' estimates differ only by sampling
 * error, whose variance is the Sharpe estimator's at SR = 0: 1 / (T - 1) (Bailey & Lopez de Prado
 * 2014; the same unit-variance assumption as the Minimum Backtest Length of Bailey et al. 2014).
 */
function noSkillTrialVariance(observations: number): number | null {
  const se = sharpeStandardError({ sharpe: 0, observations });
  return se === null ? null : se * se;
}

interface TrialInputs {
  trials?: number;
  trial_sharpe_variance?: number;
}

type Source = 'input' | 'result file' | 'assumed' | 'default';

/** N and V with where each came from; V assumed (see above) only when N is known and V is not. */
function trialFigures(request: TrialInputs, observations: number | null, fromFile: { trials?: number; variance?: number | null } = {}) {
  const trials = request.trials ?? fromFile.trials;
  const trialsSource: Source | null = request.trials !== undefined ? 'input' : fromFile.trials !== undefined ? 'result file' : null;
  let variance: number | undefined = request.trial_sharpe_variance ?? fromFile.variance ?? undefined;
  let varianceSource: Source | null = request.trial_sharpe_variance !== undefined ? 'input' : variance !== undefined ? 'result file' : null;
  if (trials !== undefined && variance === undefined && observations !== null) {
    const assumed = noSkillTrialVariance(observations);
    if (assumed !== null) {
      variance = assumed;
      varianceSource = 'assumed';
    }
  }
  return { trials, trialsSource, variance, varianceSource };
}

const ASSUMED_VARIANCE_NOTE = 'trial_sharpe_variance was not given: assumed 1/(T-1), the spread of Sharpe estimates of trials without skill; give the measured variance of the trials\' per-period Sharpe ratios for a sharper DSR';

function seriesOf(context: StatsContext, request: { path: string; strategy?: string }) {
  const file = existingFile(context.workspace, request.path);
  const loaded = context.cache.load(file);
  const named = (name: string) => {
    const exact = loaded.results.filter((r) => r.summary.strategy === name);
    return exact.length ? exact : loaded.results.filter((r) => r.summary.strategy === undefined && r.summary.strategies?.includes(name));
  };
  const candidates = request.strategy ? named(request.strategy) : loaded.results;
  if (request.strategy && candidates.length === 0) {
    const names = loaded.results.map((r) => r.summary.strategy).filter(Boolean);
    throw new ToolError(`${request.path}: no result for strategy '${request.strategy}'${names.length ? ` (the file holds ${names.join(', ')})` : ''}`);
  }
  const usable = candidates.find((r) => (r.summary.periodReturns?.length ?? 0) >= 2 || (r.summary.tradeReturns?.length ?? 0) >= 2);
  if (!usable) {
    const problem = loaded.problems.find((p) => p.severity === 'error') ?? loaded.problems[0];
    throw new ToolError(`${request.path}: ${problem?.message ?? 'the file holds no return series with at least 2 observations'}`);
  }
  const { summary, statistics } = usable;
  // The loader keeps what it can (it drops NaN cells, with a warning): statistics need the series whole.
  const damaged = summary.problems.filter((p) => p.severity !== 'info');
  if (damaged.length) throw new ToolError(`${request.path}: ${damaged.map((p) => p.message).join('; ')}; statistics need the whole series (fix the file, or pass the returns)`);
  const period = (summary.periodReturns?.length ?? 0) >= 2;
  return {
    returns: period ? summary.periodReturns! : summary.tradeReturns!,
    source: {
      file: displayPath(context.workspace, file),
      format: summary.format,
      ...(summary.strategy ? { strategy: summary.strategy } : {}),
      series: period ? 'period returns' : 'trade returns',
      ...(loaded.results.length > 1 ? { strategies: loaded.results.map((r) => r.summary.strategy ?? null) } : {}),
    },
    periodsPerYear: period ? summary.periodsPerYear : statistics.periodsPerYear ?? undefined,
    trials: summary.trials?.count,
    variance: statistics.trialSharpeVariance,
    notes: summary.problems.map((p) => p.message),
  };
}

export interface ResultStatsRequest extends TrialInputs {
  path?: string;
  returns?: number[];
  strategy?: string;
  periods_per_year?: number;
  benchmark_sharpe?: number;
}

export function resultStats(context: StatsContext, request: ResultStatsRequest) {
  if ((request.path === undefined) === (request.returns === undefined)) throw new ToolError('give exactly one of path (a result file under the root) or returns (a series of per-period returns)');
  if (request.returns !== undefined && request.strategy !== undefined) throw new ToolError('strategy picks a result inside a file; it goes with path, not returns');
  const series = request.path !== undefined ? seriesOf(context, { path: request.path, strategy: request.strategy }) : undefined;
  const returns = series?.returns ?? request.returns!;
  const bad = returns.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new ToolError(`return ${bad + 1} is not a finite number`);
  const periodsPerYear = request.periods_per_year ?? series?.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const periodsSource: Source = request.periods_per_year !== undefined ? 'input' : series?.periodsPerYear !== undefined ? 'result file' : 'default';
  const trial = trialFigures(request, returns.length, { trials: series?.trials, variance: series?.variance });
  const stats = computeSharpeStats({ returns, periodsPerYear, trials: trial.trials, trialSharpeVariance: trial.variance, benchmarkSharpe: request.benchmark_sharpe });
  const notes: string[] = [...(series?.notes ?? [])];
  if (stats.sharpe === null) notes.push('the Sharpe ratio is undefined: the series is constant (zero standard deviation)');
  if (trial.trials === undefined) notes.push('give trials (the number of configurations tried) for the expected maximum Sharpe, the DSR and MinBTL');
  if (trial.varianceSource === 'assumed') notes.push(ASSUMED_VARIANCE_NOTE);
  return {
    source: series?.source ?? { returns: returns.length },
    periods_per_year: periodsPerYear,
    periods_per_year_source: periodsSource,
    benchmark_sharpe: request.benchmark_sharpe ?? 0,
    trials: trial.trials ?? null,
    trials_source: trial.trialsSource,
    trial_sharpe_variance: trial.variance ?? null,
    trial_sharpe_variance_source: trial.varianceSource,
    ...stats,
    backtest_years: returns.length / periodsPerYear,
    units: 'sharpe, expected_max_sharpe and benchmark_sharpe per period; sharpe_annualized per year; min_trl in periods; min_btl_years in years; kurtosis raw (normal = 3)',
    notes,
  };
}

export interface PboRequest {
  matrix?: number[][];
  path?: string;
  splits?: number;
  metric?: PboMetric;
  include_logits?: boolean;
}

const MAX_PBO_CELLS = 2_000_000;

export function pbo(context: StatsContext, request: PboRequest) {
  if ((request.path === undefined) === (request.matrix === undefined)) throw new ToolError('give exactly one of matrix (rows = periods, columns = configurations) or path (a CSV trial matrix under the root)');
  let matrix: number[][];
  if (request.path !== undefined) {
    const file = existingFile(context.workspace, request.path);
    const read = readSourceFile(file, DEFAULT_MAX_RESULT_BYTES);
    if ('error' in read) throw new ToolError(`${request.path}: ${read.error}`);
    try {
      matrix = matrixFromCsv(read.text, request.path);
    } catch (error) {
      if (error instanceof UsageError) throw new ToolError(error.message);
      throw error;
    }
  } else matrix = request.matrix!;
  const cells = matrix.reduce((n, row) => n + row.length, 0);
  if (cells > MAX_PBO_CELLS) throw new ToolError(`the matrix has ${cells} cells; the limit is ${MAX_PBO_CELLS}`);
  // The CLI's default: 16 blocks, fewer when the matrix is short (at least 2 rows per block).
  const splits = request.splits ?? largestEvenSplits(matrix.length, 16, 2);
  if (splits === null) throw new ToolError(`${matrix.length} rows are too few for PBO (need at least 4)`);
  const result = probabilityOfBacktestOverfitting(matrix, { splits, metric: request.metric ?? 'sharpe' });
  if (!result.ok) throw new ToolError(result.error);
  const overfit = result.logits.filter((l) => l <= 0).length;
  return {
    pbo: result.pbo,
    splits: result.splits,
    combinations: result.combinations,
    configurations: result.trials,
    periods: result.observations,
    rows_dropped: result.rowsDropped,
    metric: result.metric,
    in_sample_best_below_median: overfit,
    ...(request.include_logits ? { logits: result.logits } : {}),
    interpretation: `In ${overfit} of ${result.combinations} in-sample / out-of-sample splits the configuration that was best in sample ranked at or below the median out of sample (PBO ${result.pbo.toFixed(3)}). Near 0.5 or above: selecting on this backtest is no better than chance.`,
  };
}

export interface CheckClaimRequest extends TrialInputs {
  sharpe: number;
  annualized?: boolean;
  periods: number;
  trials: number;
  periods_per_year?: number;
  skewness?: number;
  kurtosis?: number;
  confidence?: number;
}

/** Largest track record searched for the history needed (a billion periods). */
const MAX_SEARCH_PERIODS = 1e9;

/**
 * Smallest T at which the DSR reaches `confidence` when V is the no-skill 1/(T-1): V shrinks as T
 * grows, so this is searched (the DSR rises with T for a positive Sharpe) rather than read off
 * MinTRL at today's benchmark. Evaluates the stats module's DSR only.
 */
function periodsForDeflatedConfidence(input: { sharpe: number; skewness: number; kurtosis: number; trials: number }, confidence: number): number | null {
  const dsrAt = (t: number) => deflatedSharpeRatio({ ...input, observations: t, trialSharpeVariance: noSkillTrialVariance(t) ?? NaN }) ?? -1;
  if (!(input.sharpe > 0)) return null;
  let high = 2;
  while (dsrAt(high) < confidence) {
    high *= 2;
    if (high > MAX_SEARCH_PERIODS) return null;
  }
  let low = Math.max(2, Math.floor(high / 2));
  if (dsrAt(low) >= confidence) return low;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (dsrAt(mid) >= confidence) high = mid;
    else low = mid;
  }
  return high;
}

const round = (v: number, digits = 2) => Number(v.toFixed(digits));

export function checkClaim(request: CheckClaimRequest) {
  const periodsPerYear = request.periods_per_year ?? DEFAULT_PERIODS_PER_YEAR;
  const annualized = request.annualized ?? true;
  const perPeriod = annualized ? deannualizeSharpe(request.sharpe, periodsPerYear) : request.sharpe;
  if (perPeriod === null) throw new ToolError('the Sharpe ratio and periods_per_year must be finite numbers');
  const skewness = request.skewness ?? 0;
  const kurtosis = request.kurtosis ?? 3;
  const confidence = request.confidence ?? 0.95;
  const trial = trialFigures(request, request.periods);
  const stats = computeSharpeStats({ sharpe: perPeriod, observations: request.periods, skewness, kurtosis, periodsPerYear, trials: trial.trials, trialSharpeVariance: trial.variance }) as SharpeStatsWithTrials;
  const distribution = { sharpe: perPeriod, skewness, kurtosis };
  if (stats.psr === null) throw new ToolError(`these figures have no Sharpe distribution: 1 - skewness*SR + (kurtosis-1)/4*SR^2 must be positive (skewness ${skewness}, kurtosis ${kurtosis}, per-period Sharpe ${perPeriod})`);
  const dsr = stats.dsr;
  const survives = dsr !== null && dsr >= confidence;
  // History needed with the same Sharpe: MinTRL against the deflated benchmark when V is measured;
  // searched when V is the no-skill 1/(T-1), which itself shrinks with more history.
  const periodsNeeded =
    trial.varianceSource === 'assumed'
      ? periodsForDeflatedConfidence({ ...distribution, trials: request.trials }, confidence)
      : stats.expected_max_sharpe === null
        ? null
        : minTrackRecordLength({ ...distribution, benchmarkSharpe: stats.expected_max_sharpe, confidence });
  const needed = periodsNeeded === null ? null : Math.ceil(periodsNeeded);
  const years = request.periods / periodsPerYear;
  const annual = stats.sharpe_annualized ?? perPeriod * Math.sqrt(periodsPerYear);
  const expectedMaxAnnual = stats.expected_max_sharpe === null ? null : stats.expected_max_sharpe * Math.sqrt(periodsPerYear);
  const history = {
    periods_needed: needed,
    additional_periods: needed === null ? null : Math.max(0, needed - request.periods),
    years_needed: needed === null ? null : needed / periodsPerYear,
    additional_years: needed === null ? null : Math.max(0, needed - request.periods) / periodsPerYear,
  };
  const claim = `an annualised Sharpe of ${round(annual)} over ${request.periods} periods (${round(years, 1)} years) after ${request.trials} trial${request.trials === 1 ? '' : 's'}`;
  const luck = expectedMaxAnnual === null ? '' : `; the best of ${request.trials} trials without skill would show about ${round(expectedMaxAnnual)} annualised`;
  const more =
    needed === null
      ? ' No length of history with this Sharpe would pass: it does not beat what the trials alone would produce.'
      : survives
        ? ''
        : ` With the same Sharpe it needs ${needed} periods (${round(needed / periodsPerYear, 1)} years), ${needed - request.periods} more.`;
  const verdict = survives
    ? `Survives deflation: ${claim} has DSR ${round(dsr!, 3)} >= ${confidence}${luck}.`
    : `Does not survive deflation: ${claim} has DSR ${dsr === null ? 'n/a' : round(dsr, 3)} < ${confidence}${luck}.${more}`;
  const notes: string[] = [];
  if (trial.varianceSource === 'assumed') notes.push(ASSUMED_VARIANCE_NOTE);
  if (request.skewness === undefined || request.kurtosis === undefined) notes.push('skewness 0 and kurtosis 3 (normal returns) were assumed where not given; fat tails and negative skew lower PSR and DSR');
  return {
    survives,
    verdict,
    confidence,
    sharpe_per_period: perPeriod,
    sharpe_annualized: annual,
    periods: request.periods,
    periods_per_year: periodsPerYear,
    years,
    trials: request.trials,
    trial_sharpe_variance: trial.variance ?? null,
    trial_sharpe_variance_source: trial.varianceSource,
    skewness,
    kurtosis,
    psr: stats.psr,
    expected_max_sharpe: stats.expected_max_sharpe,
    expected_max_sharpe_annualized: expectedMaxAnnual,
    dsr,
    min_trl_periods: stats.min_trl,
    min_btl_years: stats.min_btl_years,
    additional_years_for_min_btl: stats.min_btl_years === null ? null : Math.max(0, stats.min_btl_years - years),
    history,
    notes,
  };
}
