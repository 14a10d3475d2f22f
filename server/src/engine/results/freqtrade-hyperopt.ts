// freqtrade hyperopt results (`strategy_<Name>_<date>.fthypt`): JSON lines, one epoch each:
// {"loss", "params_dict", "results_metrics": {...}, "current_epoch", "is_best", ...}.
// One summary: the best epoch's figures, with all epochs counted as trials.
import type { BacktestSummary, ResultProblem, TrialSet } from './summary';
import { alignDaily, epochDailyReturns, type EpochDaily } from './freqtrade-epoch-returns';
import { effectiveTrials } from '../stats/effective-trials';
import { emptySummary, problem, unusable } from './problems';
import { indexKeys, isRecord, readJson } from './json-read';
import { fillFromStats } from './freqtrade-backtest';
import { isFiniteNumber } from './numbers';
import { sampleSharpe } from './sample-sharpe';

interface Epoch {
  value: Record<string, unknown>;
  /** Character offset of the line in the file. */
  offset: number;
  text: string;
}

export function looksLikeHyperoptLine(v: unknown): boolean {
  return isRecord(v) && 'results_metrics' in v && ('params_dict' in v || 'loss' in v);
}

export function loadFreqtradeHyperopt(file: string, text: string): BacktestSummary[] {
  const problems: ResultProblem[] = [];
  const epochs = readEpochs(text, problems);
  if (epochs.length === 0) {
    const s = unusable('freqtrade-hyperopt', file, 'no readable hyperopt epoch in the file');
    s.problems.push(...problems);
    return [s];
  }
  const s = emptySummary('freqtrade-hyperopt', file);
  s.problems.push(...problems);
  const bestIndex = chooseBest(epochs, s.problems);
  const best = epochs[bestIndex];
  const keys = indexKeys(best.text, best.offset, 3);
  const metrics = isRecord(best.value.results_metrics) ? best.value.results_metrics : {};

  s.strategy = strategyName(file, metrics);
  const nameAt = keys.get('results_metrics/strategy_name');
  if (nameAt) s.locations.strategy = nameAt;
  fillFromStats(s, metrics, (k) => keys.get(`results_metrics/${k}`));
  if (isRecord(best.value.params_dict)) s.parameters = best.value.params_dict;
  const spaces = settingSpaces(best.value);
  if (spaces) s.optimisedSpaces = spaces;
  const paramsAt = keys.get('params_dict');
  if (paramsAt) s.locations.params = paramsAt;
  const bestAt = keys.get('is_best') ?? keys.get('loss');
  if (bestAt) s.locations.best_epoch = bestAt;

  s.trials = { count: epochs.length, best: epochNumber(best, bestIndex), ...trialSharpes(epochs) };
  return [s];
}

/** Dimensions of the strategy-setting spaces in params_dict (freqtrade's names). */
const SPACE_KEYS: [string, RegExp][] = [
  ['roi', /^roi_[tp]\d+$/],
  ['stoploss', /^stoploss$/],
  ['trailing', /^trailing_/],
];

/**
 * Which of roi / stoploss / trailing were optimised: in `params_details` and not listed (with
 * content) in `params_not_optimized`; older files without params_details: present in params_dict.
 */
function settingSpaces(epoch: Record<string, unknown>): Record<string, number> | undefined {
  const dict = isRecord(epoch.params_dict) ? epoch.params_dict : {};
  const details = isRecord(epoch.params_details) ? epoch.params_details : undefined;
  const frozen = isRecord(epoch.params_not_optimized) ? epoch.params_not_optimized : {};
  const out: Record<string, number> = {};
  for (const [space, key] of SPACE_KEYS) {
    const dims = Object.keys(dict).filter((k) => key.test(k)).length;
    const notOptimised = space in frozen && !(isRecord(frozen[space]) && Object.keys(frozen[space] as object).length === 0);
    const optimised = details ? space in details && !notOptimised : dims > 0;
    if (optimised) out[space] = Math.max(1, dims);
  }
  return Object.keys(out).length ? out : undefined;
}

function readEpochs(text: string, problems: ResultProblem[]): Epoch[] {
  const epochs: Epoch[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    const read = readJson(line, start);
    if (read.value === undefined) {
      // Typical when hyperopt was interrupted mid-write: keep the other epochs.
      problems.push(...read.problems.map((p) => ({ ...p, message: `epoch line skipped: ${p.message}` })));
      continue;
    }
    problems.push(...read.problems);
    if (!looksLikeHyperoptLine(read.value)) {
      problems.push(problem('line is not a hyperopt epoch (no results_metrics); skipped', 'warning', { offset: start, length: Math.min(line.length, 80) }));
      continue;
    }
    epochs.push({ value: read.value as Record<string, unknown>, offset: start, text: line });
  }
  return epochs;
}

/** The lowest finite loss (what freqtrade reports as best); is_best is only "best so far". */
function chooseBest(epochs: Epoch[], problems: ResultProblem[]): number {
  let best = -1;
  epochs.forEach((e, i) => {
    const loss = e.value.loss;
    if (isFiniteNumber(loss) && (best < 0 || loss < (epochs[best].value.loss as number))) best = i;
  });
  if (best < 0) {
    problems.push(problem('no epoch has a finite loss; the last epoch marked is_best (or the last epoch) is used', 'warning'));
    const flagged = epochs.map((e, i) => (e.value.is_best === true ? i : -1)).filter((i) => i >= 0);
    return flagged.length ? flagged[flagged.length - 1] : epochs.length - 1;
  }
  if (epochs[best].value.is_best === false) {
    problems.push(problem('the lowest-loss epoch is not marked is_best; using the lowest loss', 'info'));
  }
  return best;
}

function epochNumber(e: Epoch, index: number): number {
  return isFiniteNumber(e.value.current_epoch) ? e.value.current_epoch : index + 1;
}

function strategyName(file: string, metrics: Record<string, unknown>): string | undefined {
  if (typeof metrics.strategy_name === 'string') return metrics.strategy_name;
  // freqtrade names the file strategy_<Name>_<date>.fthypt (older: strategy_<Name>.fthypt).
  const m = /(?:^|[\\/])strategy_([A-Za-z_][A-Za-z0-9_]*?)(?:_\d{4}-\d{2}-\d{2}.*)?\.fthypt$/.exec(file);
  return m?.[1];
}

/**
 * Per-trial Sharpe values on the basis of a backtest's `daily_profit`: per day, from each epoch's
 * own `daily_profit` or, failing that, its trades summed per close day (freqtrade-epoch-returns).
 * The per-trade Sharpe (mean / sd of profit_ratio) is kept as the alternative basis for backtests
 * that have trades but no daily profits. freqtrade's own per-epoch `sharpe` divides a daily mean
 * by a per-trade deviation, so it is on neither basis and is not used. Epochs with no defined
 * Sharpe (fewer than 2 days or trades, no spread) are left out, which the source text says.
 */
function trialSharpes(epochs: Epoch[]): Pick<TrialSet, 'sharpes' | 'sharpeBasis' | 'sharpeSource' | 'alternative' | 'effective'> {
  const metrics = epochs.map((e) => (isRecord(e.value.results_metrics) ? e.value.results_metrics : {}));
  const daily = metrics.map(epochDailyReturns);
  const out: ReturnType<typeof trialSharpes> = {};
  const withDaily = daily.filter((d): d is EpochDaily => d !== undefined);
  if (withDaily.length === epochs.length) {
    const sharpes = withDaily.map((d) => sampleSharpe(d.returns)).filter((v): v is number => v !== undefined);
    const from = withDaily.every((d) => d.from === 'daily_profit') ? 'daily_profit' : 'trades summed per close day, as freqtrade builds daily_profit';
    const left = epochs.length - sharpes.length;
    out.sharpeBasis = 'day';
    out.sharpes = sharpes.length ? sharpes : undefined;
    out.sharpeSource = `per-day Sharpe of each epoch (daily returns from its ${from}), not annualised` + (left ? `; ${left} of ${epochs.length} epochs had fewer than 2 days or no spread and are left out` : '');
    const clustered = effectiveTrials(alignDaily(withDaily));
    if (clustered) {
      const rho = Number.isFinite(clustered.averageCorrelation) ? clustered.averageCorrelation.toFixed(2) : 'n/a';
      out.effective = {
        count: clustered.effective,
        method: `${clustered.distinct} distinct daily return series among ${epochs.length} epochs, average correlation ${rho}; N_eff = rho + (1 - rho) * K (Bailey and Lopez de Prado 2014)`,
      };
    }
  } else {
    out.sharpeSource = `not derivable per day: ${epochs.length - withDaily.length} of ${epochs.length} epochs carry neither daily_profit nor a dated trade list (and freqtrade's own per-epoch sharpe mixes a daily mean with a per-trade deviation)`;
  }
  const withTrades = metrics.filter((m) => Array.isArray(m.trades));
  if (withTrades.length === epochs.length) {
    const sharpes: number[] = [];
    for (const m of metrics) {
      const returns = (m.trades as unknown[]).map((t) => (isRecord(t) ? t.profit_ratio : undefined)).filter(isFiniteNumber);
      const sr = sampleSharpe(returns);
      if (sr !== undefined) sharpes.push(sr);
    }
    const left = epochs.length - sharpes.length;
    out.alternative = {
      sharpeBasis: 'trade',
      sharpes: sharpes.length ? sharpes : undefined,
      sharpeSource: `per-trade Sharpe (mean / sd of profit_ratio) of each epoch's trades, not annualised` + (left ? `; ${left} of ${epochs.length} epochs had fewer than 2 trades or no spread and are left out` : ''),
    };
  }
  return out;
}
