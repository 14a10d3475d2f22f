import * as assert from 'node:assert/strict';
import { loadFixture, textAt } from './fixtures';

describe('results: zipline perf', () => {
  it('reads perf.to_csv(): session returns, drawdown, cumulative return, fills not counted as trades', () => {
    const { summaries, text } = loadFixture('zipline/perf.csv');
    const s = summaries[0];
    assert.equal(s.format, 'zipline-perf');
    assert.deepEqual(s.periodReturns, [0, 0.0042, -0.003, 0.0048, -0.001]);
    assert.deepEqual(s.period, { start: '2024-03-01', end: '2024-03-07' });
    assert.equal(s.periodsPerYear, 252);
    assert.equal(s.maxDrawdown, 0.003);
    assert.equal(s.totalReturn, 0.004987);
    assert.equal(s.reportedSharpe, 3.12);
    assert.equal(s.tradeCount, undefined);
    assert.equal(textAt(text, s.locations.returns), 'returns');
    assert.ok(s.problems.some((p) => /2 fill\(s\)/.test(p.message)));
  });

  it('reads perf.to_json() columns keyed by epoch milliseconds', () => {
    const s = loadFixture('zipline/perf.json').summaries[0];
    assert.equal(s.format, 'zipline-perf');
    assert.deepEqual(s.periodReturns, [0, 0.0042, -0.003]);
    assert.deepEqual(s.period, { start: '2024-03-01', end: '2024-03-05' });
  });

  it('reads a binary frame dump as binary, never as data', () => {
    const s = loadFixture('zipline/perf.pickle').summaries[0];
    assert.equal(s.recognized, false);
    assert.match(s.problems[0].message, /binary content/);
  });
});
