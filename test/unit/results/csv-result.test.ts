import * as assert from 'node:assert/strict';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import { loadFixture, textAt } from './fixtures';

const csv = (text: string, name = '/ws/r.csv') => loadResultFile(name, Buffer.from(text))[0];

describe('results: CSV', () => {
  it('reads per-period returns with a date column (weekdays -> 252 a year)', () => {
    const { summaries, text } = loadFixture('csv/daily-returns.csv');
    const s = summaries[0];
    assert.equal(s.format, 'csv-returns');
    assert.equal(s.periodReturns?.length, 10);
    assert.equal(s.periodReturns?.[0], 0.0042);
    assert.equal(s.periodReturns?.[9], -0.002);
    assert.deepEqual(s.period, { start: '2024-03-01', end: '2024-03-14' });
    assert.equal(s.periodsPerYear, 252);
    assert.equal(textAt(text, s.locations.returns), 'return');
  });

  it('reads a headerless single column as returns with unknown periods per year', () => {
    const s = loadFixture('csv/headerless-returns.csv').summaries[0];
    assert.equal(s.format, 'csv-returns');
    assert.deepEqual(s.periodReturns, [0.01, -0.02, 0.005, 0.0125, -0.0075]);
    assert.equal(s.periodsPerYear, undefined);
    assert.ok(s.problems.some((p) => /periods per year unknown/.test(p.message)));
  });

  it('reads a trades list by its profit_ratio column and reports the blank cell', () => {
    const { summaries, text } = loadFixture('csv/trades.csv');
    const s = summaries[0];
    assert.equal(s.format, 'csv-trades');
    assert.equal(s.tradeCount, 5);
    assert.deepEqual(s.tradeReturns, [0.0123, -0.021, 0.0345, 0.0071]);
    assert.equal(textAt(text, s.locations.trades), 'profit_ratio');
    assert.ok(s.problems.some((p) => /dropped 1 of 5/.test(p.message)));
  });

  it('reads absolute and percent trade profit columns', () => {
    const abs = csv('symbol,pnl\nAAPL,120.5\nMSFT,-40\n');
    assert.equal(abs.format, 'csv-trades');
    assert.deepEqual(abs.tradeProfits, [120.5, -40]);
    const pct = csv('pair,profit_pct\nBTC/USDT,1.5\nETH/USDT,-2%\n');
    assert.deepEqual(pct.tradeReturns, [0.015, -0.02]);
  });

  it('reads a trial matrix for PBO (leading date column, 4 configurations)', () => {
    const { summaries, text } = loadFixture('csv/trial-matrix.csv');
    const s = summaries[0];
    assert.equal(s.format, 'csv-trial-matrix');
    assert.equal(s.trialMatrix?.length, 8);
    assert.deepEqual(s.trialMatrix?.[0], [0.012, 0.01, -0.004, 0.002]);
    assert.equal(s.trials?.count, 4);
    assert.equal(s.trials?.sharpes?.length, 4);
    assert.equal(s.periodsPerYear, 12);
    assert.equal(textAt(text, s.locations.trial_matrix), 'fast10_slow50');
  });

  it('drops matrix rows with a bad cell to keep columns aligned', () => {
    const s = csv('a,b\n0.1,0.2\n0.3,NaN\n0.5,0.6\n');
    assert.deepEqual(s.trialMatrix, [[0.1, 0.2], [0.5, 0.6]]);
    assert.ok(s.problems.some((p) => /dropped 1 of 3 row/.test(p.message)));
  });

  it('reads semicolon-separated files, quoted cells and CRLF line ends', () => {
    const s = csv('Date;Returns\r\n2024-01-06;"0,5"\r\n2024-01-07;0.01\r\n2024-01-08;0.02\r\n');
    assert.equal(s.format, 'csv-returns');
    // "0,5" is not a number in the invariant format: dropped and reported, not read as 5.
    assert.deepEqual(s.periodReturns, [0.01, 0.02]);
    assert.equal(s.periodsPerYear, 365); // weekend dates present
  });

  it('reports a CSV with no numbers and an empty CSV', () => {
    assert.equal(csv('name,comment\nfoo,bar\n').recognized, false);
    assert.equal(csv('\n\n').recognized, false);
  });
});
