import * as assert from 'node:assert/strict';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { loadFixture, textAt } from './fixtures';

describe('results: backtesting.py', () => {
  it('reads a stats Series saved with to_csv, "# Trades" row included', () => {
    const { summaries, text } = loadFixture('backtesting-py/stats.csv');
    const s = summaries[0];
    assert.equal(s.format, 'backtesting-py-stats');
    assert.equal(s.strategy, 'RsiPullback');
    assert.deepEqual(s.parameters, { rsi_len: 9, entry: 28 });
    assert.equal(s.tradeCount, 27);
    assert.equal(s.reportedSharpe, 0.737);
    assert.ok(Math.abs(s.maxDrawdown! - 0.129004) < 1e-9);
    assert.ok(Math.abs(s.winRate! - 0.444444) < 1e-9);
    assert.ok(Math.abs(s.totalReturn! - 0.348211) < 1e-9);
    assert.deepEqual(s.period, { start: '2021-01-04T00:00:00Z', end: '2023-12-29T00:00:00Z' });
    assert.equal(textAt(text, s.locations.trades), '# Trades');
    assert.ok(s.problems.some((p) => /save them on their own/.test(p.message)));
  });

  it('reads stats._trades.to_csv() as trades in exit order, reporting the open trade', () => {
    const { summaries, text } = loadFixture('backtesting-py/trades.csv');
    const s = summaries[0];
    assert.equal(s.format, 'backtesting-py-trades');
    assert.equal(s.tradeCount, 4);
    assert.deepEqual(s.tradeReturns, [0.048335, -0.031057, 0.078102]);
    assert.deepEqual(s.tradeProfits, [477.29, -311.55, 771.48]);
    assert.equal(textAt(text, s.locations.trades), 'ReturnPct');
    assert.ok(s.problems.some((p) => /1 of 4 trade/.test(p.message)));
  });

  it('reads stats._equity_curve.to_csv() as daily returns, not as a trial matrix', () => {
    const s = loadFixture('backtesting-py/equity.csv').summaries[0];
    assert.equal(s.format, 'backtesting-py-equity');
    assert.equal(s.periodReturns?.length, 5);
    assert.ok(Math.abs(s.periodReturns![0] - 0.00125) < 1e-12);
    assert.equal(s.periodsPerYear, 252);
    assert.ok(Math.abs(s.maxDrawdown! - 0.0073) < 1e-12);
  });

  it('reads an optimisation heatmap as N trials, blank results included, without inventing Sharpe ratios', () => {
    const { summaries, text } = loadFixture('backtesting-py/heatmap.csv');
    const s = summaries[0];
    assert.equal(s.format, 'backtesting-py-heatmap');
    assert.equal(s.trials?.count, 9);
    assert.equal(s.trials?.sharpes, undefined);
    assert.equal(s.trialMatrix, undefined);
    assert.equal(textAt(text, s.locations.trial_matrix), 'Sharpe Ratio');
    assert.ok(s.problems.some((p) => /1 of 9 combination/.test(p.message)));
  });

  it('reads stats saved as JSON with _trades records and an _equity_curve in columns', () => {
    const s = loadFixture('backtesting-py/stats.json').summaries[0];
    assert.equal(s.format, 'backtesting-py-stats');
    assert.equal(s.strategy, 'RsiPullback');
    assert.equal(s.tradeCount, 2);
    assert.deepEqual(s.tradeReturns, [0.0058, -0.0027]);
    assert.equal(s.periodReturns?.length, 5);
    assert.equal(s.periodsPerYear, 252);
  });

  it('reports a figure that is not a number and keeps NaN figures silent', () => {
    const s = loadResultFile('/ws/s.json', Buffer.from('{"# Trades": 0, "Sharpe Ratio": "NaN", "Return [%]": "abc"}'))[0];
    assert.equal(s.format, 'backtesting-py-stats');
    assert.equal(s.reportedSharpe, undefined);
    assert.equal(s.problems.filter((p) => /Return \[%\]/.test(p.message)).length, 1);
    assert.ok(!s.problems.some((p) => /Sharpe/.test(p.message)));
  });

  it('leaves ordinary CSVs to the generic reader', () => {
    const s = loadResultFile('/ws/r.csv', Buffer.from('date,fast10,fast20\n2024-01-02,0.01,0.02\n2024-01-03,-0.01,0.00\n'))[0];
    assert.equal(s.format, 'csv-trial-matrix');
  });
});
