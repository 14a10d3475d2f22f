import * as assert from 'node:assert/strict';
import { loadFixture, textAt } from './fixtures';

describe('results: nautilus_trader reports', () => {
  it('reads the positions report: closed positions are trades, the strategy id names the class', () => {
    const { summaries, text } = loadFixture('nautilus/positions.csv');
    const s = summaries[0];
    assert.equal(s.format, 'nautilus-positions');
    assert.equal(s.strategy, 'EMACross');
    assert.equal(s.tradeCount, 2);
    assert.deepEqual(s.tradeReturns, [0.00929, -0.004414]);
    assert.deepEqual(s.tradeProfits, [309.97, -159.43]);
    assert.deepEqual(s.period, { start: '2024-03-01T00:05:00Z', end: '2024-03-01T10:46:40Z' });
    assert.equal(textAt(text, s.locations.trades), 'realized_return');
    assert.ok(s.problems.some((p) => /1 of 3 position\(s\) are still open/.test(p.message)));
  });

  it('reads the account report as daily returns of the balance, carried over days without events', () => {
    const s = loadFixture('nautilus/account.csv').summaries[0];
    assert.equal(s.format, 'nautilus-account');
    // Friday 1st to Monday 4th; an event on Saturday 2nd makes it a 7-day market, so Sunday counts (a zero return).
    assert.deepEqual(s.period, { start: '2024-03-01', end: '2024-03-04' });
    assert.equal(s.periodReturns?.length, 3);
    assert.ok(Math.abs(s.periodReturns![0] - (100136.79 / 100303.15 - 1)) < 1e-12);
    assert.equal(s.periodReturns![1], 0);
    assert.equal(s.periodsPerYear, 365);
    assert.ok(Math.abs(s.maxDrawdown! - (1 - 100133.33 / 100303.15)) < 1e-12);
    assert.ok(s.problems.some((p) => /not marked to market/.test(p.message)));
  });

  it('reads the fills report as an execution record, not as trades', () => {
    const s = loadFixture('nautilus/fills.csv').summaries[0];
    assert.equal(s.format, 'nautilus-fills');
    assert.equal(s.tradeCount, undefined);
    assert.equal(s.strategy, 'EMACross');
    assert.ok(s.problems.some((p) => /fills are not round-trip trades/.test(p.message)));
  });
});
