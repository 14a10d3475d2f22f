// Issue 18: the report places freqtrade daily returns at their own dates and shows result paths
// relative to the workspace, never absolute.
import * as assert from 'node:assert/strict';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { computeResultStatistics } from '../../../server/src/engine/results/statistics';
import type { AttachedResults } from '../../../server/src/engine/rules/rule';
import { buildReportData } from '../../../server/src/report/model';

const STRATEGY = 'from freqtrade.strategy import IStrategy\n\n\nclass Late(IStrategy):\n    timeframe = "1h"\n';

function results(): AttachedResults {
  // Backtest over all of 2024, but the trades close only on 10 days in July: freqtrade's
  // daily_profit lists those days (resampled from the first to the last close), +1 % each.
  const daily = Array.from({ length: 10 }, (_, i) => [`2024-07-${String(i + 1).padStart(2, '0')}`, 10 * 1.01 ** i]);
  const backtest = { strategy: { Late: { starting_balance: 1000, total_trades: 10, backtest_start: '2024-01-01 00:00:00', backtest_end: '2024-12-31 00:00:00', daily_profit: daily } }, strategy_comparison: [] };
  const epoch = JSON.stringify({ loss: 1, params_dict: {}, results_metrics: { strategy_name: 'Late', backtest_start: '2024-01-01 00:00:00', backtest_end: '2024-06-30 00:00:00' }, current_epoch: 1, is_best: true });
  const summaries = [
    ...loadResultFile('/ws/user_data/backtest_results/backtest-result-2025-01-02.json', Buffer.from(JSON.stringify(backtest))),
    ...loadResultFile('/ws/user_data/hyperopt_results/strategy_Late_2024-07-01.fthypt', Buffer.from(epoch + '\n' + epoch.replace('"current_epoch":1', '"current_epoch":2'))),
  ];
  return {
    summaries,
    attached: summaries.map((s) => ({ summary: s, reason: 'test', statistics: computeResultStatistics(s, 252), keyRanges: {} })),
    refused: [{ file: '/ws/user_data/backtest_results/broken.json', reason: 'cannot read result file' }],
  };
}

describe('issue 18: report dates and paths', () => {
  before(() => initPythonParser());

  it('daily returns sit at their own dates, so the in-sample / out-of-sample split is right', () => {
    const output = lintPython({ path: '/ws/user_data/strategies/late.py', text: STRATEGY, results: results() });
    try {
      const data = buildReportData(output, '/ws/user_data/strategies/late.py', { workspaceRoot: '/ws' });
      const e = data.strategies[0].equity!;
      // 10 returns of +1 % (10 * 1.01^i over a balance growing by the same factor) on July 1-10.
      assert.deepEqual(e.points.map((p) => p.x), ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04', '2024-07-05', '2024-07-06', '2024-07-07', '2024-07-08', '2024-07-09', '2024-07-10']);
      assert.equal(e.datesApproximate, false);
      // All of July is after the optimisation window (to 2024-06-30): nothing in-sample; spread
      // evenly over 2024 (the old behaviour) half of them fell before July.
      assert.equal(e.inSampleReturn, null);
      assert.ok(Math.abs(e.outOfSampleReturn! - (1.01 ** 10 - 1)) < 1e-12, String(e.outOfSampleReturn));
      // Paths relative to the workspace.
      assert.deepEqual(data.strategies[0].files.map((f) => f.file), ['user_data/backtest_results/backtest-result-2025-01-02.json', 'user_data/hyperopt_results/strategy_Late_2024-07-01.fthypt']);
      assert.deepEqual(data.notes, ['Result file user_data/backtest_results/broken.json was not read: cannot read result file.']);
      const text = JSON.stringify(data);
      const at = text.indexOf('"/ws/');
      assert.equal(at, -1, `absolute path in: ${text.slice(Math.max(0, at - 200), at + 80)}`);
    } finally {
      output.release();
    }
  });
});
