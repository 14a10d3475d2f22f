// Issue 18: PBO ties rank the same way in the fast and the reference implementation; identical
// configurations give "undefined"; dropped rows are stated.
import * as assert from 'node:assert/strict';
import { probabilityOfBacktestOverfitting as fast, probabilityOfBacktestOverfittingReference as reference, type PboSuccess } from '../../../server/src/engine/stats';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { attach, summary } from '../../helpers/synthetic-results';

/** Minimal-standard LCG (Park & Miller), returns rounded to 4 decimals like a CSV export. */
function lcgMatrix(seed: number, rows: number): number[][] {
  let x = seed;
  const r = () => +((((x = (x * 16807) % 2147483647) / 2147483647) - 0.5) * 0.02).toFixed(4);
  const m: number[][] = [];
  for (let t = 0; t < rows; t++) {
    const a = r();
    // Columns 1 and 2 are the same configuration outcome (same trades) except in row 1.
    m.push([a, a, r(), r()]);
  }
  m[0][1] = m[0][0] + 0.0037;
  return m;
}

describe('issue 18: PBO ties, undefined cases, dropped rows', () => {
  before(() => initPythonParser());

  it('fast and reference give the same logits when configurations tie (199 seeded matrices)', () => {
    // Before the fix the fast version took OOS = totals - IS with per-column centres, so the two
    // tied columns differed in the last bits and ranked differently in 122 of these 199 cases.
    for (let seed = 1; seed < 200; seed++) {
      const m = lcgMatrix(seed, 16);
      const a = fast(m, { splits: 4 }) as PboSuccess;
      const b = reference(m, { splits: 4 }) as PboSuccess;
      assert.deepEqual(a.logits, b.logits, `seed ${seed}`);
      assert.deepEqual(a.bestInSample, b.bestInSample, `seed ${seed}`);
    }
  });

  it('seed 4 by hand: the first split ties n* with its twin at an OOS Sharpe of 0 -> averaged rank', () => {
    // Split 1: IS = blocks 0,1 (rows 1-8), OOS = blocks 2,3 (rows 9-16). IS Sharpes (mean/sd, ddof 1):
    // -0.1988, -0.1401, -0.3523, -0.2332 -> n* = column 2. OOS rows of columns 1 and 2 are the same and
    // sum to 0.0000 exactly -> Sharpe 0 for both; column 3: -0.2017, column 4: +0.2263.
    // Rank of n* = 1 + 1 below (column 3) + (2 tied - 1)/2 = 2.5 of N = 4: w = 2.5/5 = 0.5, logit 0
    // (counted as overfit). The old fast code saw column 1 at about -1e-19, rank 3, logit ln(0.6/0.4) = 0.405.
    const a = fast(lcgMatrix(4, 16), { splits: 4 }) as PboSuccess;
    assert.equal(a.bestInSample[0], 1);
    assert.equal(a.pairs[0].outOfSample, 0);
    assert.equal(a.logits[0], 0);
  });

  it('identical configurations or an all-zero matrix: undefined, not PBO = 1', () => {
    const zero = Array.from({ length: 32 }, () => [0, 0, 0]);
    for (const impl of [fast, reference]) {
      const z = impl(zero, { splits: 4 });
      assert.equal(z.ok, false);
      assert.match((z as { error: string }).error, /all 3 configurations have identical returns in every row \(all zero\): there is nothing to select, so PBO is undefined/);
      const same = impl(Array.from({ length: 32 }, (_, t) => [t % 3 / 100, t % 3 / 100]), { splits: 4 });
      assert.equal(same.ok, false);
    }
  });

  it('SL605 states which rows are dropped when T is not a multiple of S', () => {
    // T = 35, S = 16: blocks of floor(35/16) = 2 rows use 32 rows; rows 33-35 are dropped.
    // Columns: the IS winner is noise, so PBO is high.
    let x = 7;
    const u = () => ((x = (x * 16807) % 2147483647) / 2147483647 - 0.5) / 50;
    const matrix = Array.from({ length: 35 }, () => Array.from({ length: 12 }, u));
    const results = attach(summary({ format: 'csv-trial-matrix', file: '/ws/sweep.csv', trialMatrix: matrix }));
    const pbo = results.attached[0].statistics.pbo as PboSuccess;
    assert.equal(pbo.rowsDropped, 3);
    const out = lintPython({ path: '/ws/sweep.py', text: 'import vectorbt as vbt\n', results, config: { select: ['backtest-overfitting'], options: { 'backtest-overfitting': { 'pbo-warn-level': 0 } } } as never });
    out.release();
    assert.equal(out.findings.length, 1, 'finding');
    assert.match(out.findings[0].message, /Rows 33-35 \(the last 3 of 35\) are left out so the 16 blocks have 2 rows each\./);
  });
});
