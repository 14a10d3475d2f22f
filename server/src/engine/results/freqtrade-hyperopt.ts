// freqtrade hyperopt results (`strategy_<Name>_<date>.fthypt`): JSON lines, one epoch each:
// {"loss", "params_dict", "results_metrics": {...}, "current_epoch", "is_best", ...}.
// One summary: the best epoch's figures, with all epochs counted as trials.
import type { BacktestSummary, ResultProblem } from './summary';
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
  const paramsAt = keys.get('params_dict');
  if (paramsAt) s.locations.params = paramsAt;
  const bestAt = keys.get('is_best') ?? keys.get('loss');
  if (bestAt) s.locations.best_epoch = bestAt;

  s.trials = { count: epochs.length, best: epochNumber(best, bestIndex), ...trialSharpes(epochs) };
  return [s];
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
 * Per-trial Sharpe values. freqtrade's per-epoch `sharpe` uses its own daily conventions and
 * is absent in older files, so it is not used; when epochs carry their trades, a per-trade
 * Sharpe (mean / sd of profit_ratio) is computed instead. Epochs with < 2 trades or no spread
 * have no defined Sharpe and are left out, which the source text says.
 */
function trialSharpes(epochs: Epoch[]): { sharpes?: number[]; sharpeSource: string } {
  const withTrades = epochs.filter((e) => isRecord(e.value.results_metrics) && Array.isArray(e.value.results_metrics.trades));
  if (withTrades.length < epochs.length) {
    return {
      sharpeSource: `not derivable: ${epochs.length - withTrades.length} of ${epochs.length} epochs carry no trade list, and freqtrade's own per-epoch sharpe is not a textbook Sharpe`,
    };
  }
  const sharpes: number[] = [];
  for (const e of epochs) {
    const trades = (e.value.results_metrics as Record<string, unknown>).trades as unknown[];
    const returns = trades.map((t) => (isRecord(t) ? t.profit_ratio : undefined)).filter(isFiniteNumber);
    const sr = sampleSharpe(returns);
    if (sr !== undefined) sharpes.push(sr);
  }
  const left = epochs.length - sharpes.length;
  return {
    sharpes: sharpes.length ? sharpes : undefined,
    sharpeSource:
      `per-trade Sharpe (mean / sd of profit_ratio) of each epoch's trades, not annualised` +
      (left ? `; ${left} of ${epochs.length} epochs had fewer than 2 trades or no spread and are left out` : ''),
  };
}

