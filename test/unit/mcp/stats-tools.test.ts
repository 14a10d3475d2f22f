// The MCP statistics tools over the fixture result files: N and V taken from a file that records
// them, a strategy picked in a multi-strategy file, damaged series and non-finite figures refused.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ResultFileCache } from '../../../server/src/engine/results/attach';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { computeSharpeStats } from '../../../server/src/engine/stats';
import { openWorkspace, type Workspace } from '../../../server/src/mcp/paths';
import { checkClaim, resultStats } from '../../../server/src/mcp/stats-tools';
import { ToolError } from '../../../server/src/mcp/tool-result';

const RESULTS = path.join(__dirname, '..', '..', 'fixtures', 'results');

describe('mcp/stats-tools', () => {
  const workspace = openWorkspace(RESULTS) as Workspace;
  const context = () => ({ workspace, cache: new ResultFileCache() });

  it('takes N and the trials\' Sharpe variance from a hyperopt file, and the DSR from the stats module', () => {
    const file = 'freqtrade/hyperopt_results/strategy_SampleStrategy.fthypt';
    const result = resultStats(context(), { path: file });
    const [summary] = loadResultFile(path.join(RESULTS, file), fs.readFileSync(path.join(RESULTS, file)));
    assert.equal(result.trials, summary.trials!.count);
    assert.equal(result.trials_source, 'result file');
    assert.equal(result.trial_sharpe_variance_source, 'result file');
    const expected = computeSharpeStats({ returns: summary.tradeReturns!, periodsPerYear: result.periods_per_year, trials: summary.trials!.count, trialSharpeVariance: result.trial_sharpe_variance! }) as unknown as Record<string, unknown>;
    for (const key of ['observations', 'sharpe', 'psr', 'min_trl', 'expected_max_sharpe', 'dsr', 'min_btl_years']) assert.equal((result as Record<string, unknown>)[key], expected[key], key);
    assert.equal((result.source as { series?: string }).series, 'trade returns');
  });

  it('arguments override what the file records', () => {
    const result = resultStats(context(), { path: 'own/SmaCross.strategy-lint.json', trials: 3, trial_sharpe_variance: 0.02 });
    assert.equal(result.trials, 3);
    assert.equal(result.trials_source, 'input');
    assert.equal(result.trial_sharpe_variance, 0.02);
  });

  it('picks a strategy in a multi-strategy file and names the others when it is not there', () => {
    const file = 'freqtrade/backtest_results/backtest-result_multistrat.json';
    const second = resultStats(context(), { path: file, strategy: 'TestStrategy' });
    assert.equal((second.source as { strategy?: string }).strategy, 'TestStrategy');
    assert.throws(() => resultStats(context(), { path: file, strategy: 'Nope' }), (e: unknown) => e instanceof ToolError && /holds StrategyTestV2, TestStrategy/.test(e.message));
  });

  it('refuses a series the loader had to repair (a non-numeric cell dropped)', () => {
    assert.throws(() => resultStats(context(), { path: 'csv/trades.csv' }), (e: unknown) => e instanceof ToolError && /dropped 1 of 5 cell/.test(e.message));
  });

  it('refuses non-finite figures that reach the handler past the schema', () => {
    assert.throws(() => resultStats(context(), { returns: [0.01, Number.NaN, 0.02] }), (e: unknown) => e instanceof ToolError && /return 2 is not a finite number/.test(e.message));
    assert.throws(() => checkClaim({ sharpe: Number.POSITIVE_INFINITY, periods: 100, trials: 2 }), (e: unknown) => e instanceof ToolError && /finite/.test(e.message));
  });

  it('a constant series has no Sharpe ratio, and says why', () => {
    const result = resultStats(context(), { returns: [0.01, 0.01, 0.01] });
    assert.equal(result.sharpe, null);
    assert.ok(result.notes.some((n) => /constant/.test(n)));
  });

  it('a negative Sharpe never survives and no history makes it', () => {
    const result = checkClaim({ sharpe: -0.5, periods: 1000, trials: 20 });
    assert.equal(result.survives, false);
    assert.equal(result.history.periods_needed, null);
    assert.match(result.verdict, /No length of history/);
  });
});
