import * as assert from 'node:assert/strict';
import { displayNumber, displayPercentRatio, displayRatio, parseDisplayNumber } from '../../../server/src/engine/results/numbers';

describe('results: display-string numbers', () => {
  it('parses LEAN statistics strings', () => {
    assert.deepEqual(parseDisplayNumber('18.213%'), { value: 18.213, percent: true });
    assert.equal(displayNumber('-2.036'), -2.036);
    assert.equal(displayNumber('$1,234.56'), 1234.56);
    assert.equal(displayNumber('-$6.00'), -6);
    assert.equal(displayNumber('$-6.00'), -6);
    assert.equal(displayNumber('(1,000)'), -1000);
    assert.equal(displayNumber('$3.9M'), 3.9e6);
    assert.equal(displayNumber('1.5e-3'), 0.0015);
    assert.equal(displayRatio('-1.33%'), -0.0133);
    assert.equal(displayRatio(' 25% '), 0.25);
  });

  it('refuses what is not a number', () => {
    for (const bad of ['', 'N/A', 'ETHBTC 2MN', '1,23', '12.3.4', '%', '$', 'NaN', 'Infinity', '1'.repeat(100)]) {
      assert.equal(parseDisplayNumber(bad), undefined, bad);
    }
    assert.equal(displayPercentRatio('$12'), undefined);
    assert.equal(displayPercentRatio('12%'), 0.12);
  });
});
