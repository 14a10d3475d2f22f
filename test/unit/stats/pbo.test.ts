import assert from 'node:assert/strict';
import fc from 'fast-check';
import { binomial, forEachCombination } from '../../../server/src/engine/stats/combinations';
import { largestEvenSplits, probabilityOfBacktestOverfitting, type PboResult, type PboSuccess } from '../../../server/src/engine/stats/pbo';
import { averageRanks, probabilityOfBacktestOverfittingReference } from '../../../server/src/engine/stats/pbo-reference';
import { randomMatrix } from './fixtures';

// No published PBO figure can be reproduced without the authors' random data (the paper
// and the R package 'pbo' use unseeded simulations), so PBO is checked against: a small
// example worked by hand, the limit cases the paper describes (persistent skill -> 0,
// reversal -> 1), the plain reference implementation, and pure noise (~0.5).

function ok(r: PboResult): PboSuccess {
  if (!r.ok) throw new Error(`unexpected PBO error: ${r.error}`);
  return r;
}

describe('stats/pbo (Bailey, Borwein, Lopez de Prado & Zhu 2017, CSCV)', () => {
  describe('combinations', () => {
    it('C(16, 8) = 12,870, lexicographic, each with its complement', () => {
      assert.equal(binomial(16, 8), 12870);
      const seen: string[] = [];
      forEachCombination(6, 3, (c) => seen.push(Array.from(c).join('')));
      assert.equal(seen.length, binomial(6, 3));
      assert.deepEqual(seen.slice(0, 3), ['012', '013', '014']);
      assert.equal(seen[seen.length - 1], '345');
      const set = new Set(seen);
      for (const s of seen) {
        const complement = [0, 1, 2, 3, 4, 5].filter((b) => !s.includes(String(b))).join('');
        assert.ok(set.has(complement));
      }
    });

    it('average ranks: ties share the mean of their positions', () => {
      assert.deepEqual(averageRanks([3, 1, 2]), [3, 1, 2]);
      assert.deepEqual(averageRanks([5, 5, 1, 5]), [3, 3, 1, 3]);
    });
  });

  describe('worked examples', () => {
    it('S = 2, N = 3, metric mean, worked by hand (with one dropped row)', () => {
      // Block 0 (rows 1-2) means [1, 2, 3]; block 1 (rows 3-4) means [3, 1, 2]; row 5 is
      // dropped (T mod S = 1, taken from the end) - it would change everything if used.
      // IS = block 0: n* = column 3 (mean 3); OOS block 1 values [3, 1, 2]: column 3 has 2,
      //   rank 2 of 3 -> w = 2/4 -> logit ln(1) = 0.
      // IS = block 1: n* = column 1 (mean 3); OOS block 0 values [1, 2, 3]: rank 1 ->
      //   w = 1/4 -> logit ln(1/3).
      // Both logits <= 0 -> PBO = 1.
      const m = [
        [1, 2, 3],
        [1, 2, 3],
        [3, 1, 2],
        [3, 1, 2],
        [100, -100, 0],
      ];
      for (const impl of [probabilityOfBacktestOverfitting, probabilityOfBacktestOverfittingReference]) {
        const r = ok(impl(m, { splits: 2, metric: 'mean' }));
        assert.equal(r.combinations, 2);
        assert.equal(r.trials, 3);
        assert.equal(r.observations, 5);
        assert.equal(r.rowsUsed, 4);
        assert.equal(r.rowsDropped, 1);
        assert.deepEqual(r.bestInSample, [2, 0]);
        assert.equal(r.logits[0], 0);
        assert.ok(Math.abs(r.logits[1] - Math.log(1 / 3)) < 1e-15);
        assert.equal(r.pbo, 1);
        assert.deepEqual(r.pairs, [
          { inSample: 3, outOfSample: 2 },
          { inSample: 3, outOfSample: 1 },
        ]);
      }
    });

    it('persistent skill gives PBO = 0; a full reversal gives PBO = 1', () => {
      // Column j earns j * 0.01 per period on top of noise of sd 0.01, so its mean over any
      // 160-row half (standard error 0.0008) keeps the order of j: the IS best is always
      // the OOS best, rank N, logit ln(N / 1) > 0.
      const persistent = randomMatrix(320, 8, 7, (j) => j * 0.01);
      const r = ok(probabilityOfBacktestOverfitting(persistent, { splits: 8, metric: 'mean' }));
      assert.equal(ok(probabilityOfBacktestOverfitting(persistent, { splits: 8 })).pbo, 0); // Sharpe too
      assert.equal(r.pbo, 0);
      for (const l of r.logits) assert.ok(Math.abs(l - Math.log(8)) < 1e-12);
      // Two configurations that swap roles between the two halves: whoever wins IS loses OOS.
      const reversal = [
        [0.02, 0.01],
        [0.03, 0.0],
        [0.0, 0.03],
        [0.01, 0.02],
      ];
      assert.equal(ok(probabilityOfBacktestOverfitting(reversal, { splits: 2, metric: 'mean' })).pbo, 1);
    });

    it('pure noise gives PBO near 0.5 on average', () => {
      let sum = 0;
      const seeds = 12;
      for (let s = 1; s <= seeds; s++) sum += ok(probabilityOfBacktestOverfitting(randomMatrix(400, 20, s), { splits: 8 })).pbo;
      const avg = sum / seeds;
      assert.ok(avg > 0.3 && avg < 0.7, `mean PBO on noise ${avg}`);
    });
  });

  describe('fast implementation equals the reference', () => {
    const cases: { name: string; matrix: number[][]; splits: number; metric: 'sharpe' | 'mean' }[] = [
      { name: '240 x 12, S=8, sharpe', matrix: randomMatrix(240, 12, 1), splits: 8, metric: 'sharpe' },
      { name: '251 x 9, S=10, mean (1 row dropped)', matrix: randomMatrix(251, 9, 2), splits: 10, metric: 'mean' },
      { name: '160 x 30, S=16, sharpe', matrix: randomMatrix(160, 30, 3, (j) => (j % 5) * 2e-4), splits: 16, metric: 'sharpe' },
      { name: '33 x 5, S=16, sharpe (2-row blocks)', matrix: randomMatrix(33, 5, 4), splits: 16, metric: 'sharpe' },
    ];
    // Awkward columns: exact duplicates (ties), all zeros (never trades), a positive
    // constant, a constant at a large level, and a column constant only in its first half.
    const awkward = randomMatrix(96, 6, 5);
    awkward.forEach((row, t) => {
      row[1] = row[0];
      row[2] = 0;
      row[3] = 0.001;
      row[4] = 1000 + (t < 48 ? 0 : row[5]);
    });
    cases.push({ name: 'duplicates, constant and near-constant columns, S=8, sharpe', matrix: awkward, splits: 8, metric: 'sharpe' });
    cases.push({ name: 'same awkward matrix, mean', matrix: awkward, splits: 8, metric: 'mean' });

    for (const c of cases) {
      it(c.name, () => {
        const fast = ok(probabilityOfBacktestOverfitting(c.matrix, { splits: c.splits, metric: c.metric }));
        const ref = ok(probabilityOfBacktestOverfittingReference(c.matrix, { splits: c.splits, metric: c.metric }));
        assert.equal(fast.pbo, ref.pbo);
        assert.equal(fast.combinations, binomial(c.splits, c.splits / 2));
        assert.equal(fast.logits.length, fast.combinations);
        assert.deepEqual(fast.bestInSample, ref.bestInSample);
        for (let i = 0; i < fast.logits.length; i++) {
          assert.ok(Number.isFinite(fast.logits[i]));
          assert.ok(Math.abs(fast.logits[i] - ref.logits[i]) < 1e-12, `logit ${i}: ${fast.logits[i]} vs ${ref.logits[i]}`);
          for (const k of ['inSample', 'outOfSample'] as const) {
            const a = fast.pairs[i][k];
            const b = ref.pairs[i][k];
            assert.ok(a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `pair ${i}.${k}: ${a} vs ${b}`);
          }
        }
      });
    }
  });

  describe('ties and degenerate matrices', () => {
    it('identical columns: nothing is selected, PBO undefined (issue 18; it used to read 1)', () => {
      const base = randomMatrix(64, 1, 9).map((r) => r[0]);
      const m = base.map((v) => [v, v, v, v]);
      const r = probabilityOfBacktestOverfitting(m, { splits: 8 });
      assert.equal(r.ok, false);
      assert.match((r as { error: string }).error, /identical returns in every row: there is nothing to select, so PBO is undefined/);
    });

    it('all-zero matrix: undefined, with the reason', () => {
      const m = Array.from({ length: 40 }, () => [0, 0, 0]);
      const r = probabilityOfBacktestOverfitting(m, { splits: 4 });
      assert.equal(r.ok, false);
      assert.match((r as { error: string }).error, /\(all zero\)/);
    });

    it('two identical columns among others: ties averaged, numbers not NaN', () => {
      const base = randomMatrix(64, 2, 9);
      const m = base.map((r) => [r[0], r[0], r[1]]);
      const r = ok(probabilityOfBacktestOverfitting(m, { splits: 8 }));
      assert.ok(r.logits.every(Number.isFinite));
      assert.deepEqual(r.logits, ok(probabilityOfBacktestOverfittingReference(m, { splits: 8 })).logits);
    });
  });

  describe('errors are results, never exceptions', () => {
    const good = randomMatrix(64, 4, 11);
    const cases: [string, unknown, object, RegExp][] = [
      ['NaN cell', good.map((r, t) => (t === 10 ? [r[0], NaN, r[2], r[3]] : r)), {}, /column 2 has a non-finite value \(NaN\) at row 11/],
      ['Infinity cell', good.map((r, t) => (t === 0 ? [Infinity, r[1], r[2], r[3]] : r)), {}, /column 1 .*non-finite/],
      ['too few rows', good.slice(0, 10), { splits: 16 }, /too few/],
      ['odd splits', good, { splits: 7 }, /even integer/],
      ['huge splits', good, { splits: 40 }, /too large/],
      ['one configuration', good.map((r) => [r[0]]), {}, /at least 2 configurations/],
      ['ragged rows', [...good.slice(0, 20), [1, 2]], { splits: 4 }, /row 21 has 2 values, expected 4/],
      ['empty matrix', [], {}, /no rows/],
      ['not a matrix', 'hello', {}, /no rows/],
      ['unknown metric', good, { metric: 'sortino' }, /unknown metric/],
      ['Sharpe with 1-row half-samples', good.slice(0, 2), { splits: 2 }, /at least 2 rows per half-sample/],
    ];
    for (const [name, matrix, options, message] of cases) {
      it(name, () => {
        for (const impl of [probabilityOfBacktestOverfitting, probabilityOfBacktestOverfittingReference]) {
          const r = impl(matrix as number[][], options);
          assert.equal(r.ok, false);
          if (!r.ok) assert.match(r.error, message);
        }
      });
    }

    it('arbitrary input never throws (property)', () => {
      fc.assert(
        fc.property(fc.anything(), fc.anything(), (m, s) => {
          const r = probabilityOfBacktestOverfitting(m as number[][], { splits: s as number });
          assert.equal(typeof r.ok, 'boolean');
        }),
        { numRuns: 300 },
      );
    });
  });

  it('largestEvenSplits picks the default S for short matrices', () => {
    assert.equal(largestEvenSplits(2520), 16);
    assert.equal(largestEvenSplits(32), 16);
    assert.equal(largestEvenSplits(31), 14);
    assert.equal(largestEvenSplits(20), 10);
    assert.equal(largestEvenSplits(4), 2);
    assert.equal(largestEvenSplits(3), null);
  });

  // Speed is measured by bench/ (npm run bench), never by a timed unit test.
});
