import assert from 'node:assert/strict';
import fc from 'fast-check';
import { kurtosis, mean, moments, skewness, standardDeviation } from '../../../server/src/engine/stats/moments';
import { annualizeSharpe, deannualizeSharpe, sharpeRatio } from '../../../server/src/engine/stats/sharpe';
import { RUBENBRIONES_RETURNS, assertClose } from './fixtures';

describe('stats/moments', () => {
  it('hand-computed example [1, 2, 3, 4, 10]', () => {
    // Independent check by hand (no published source needed): mean 4, deviations
    // -3,-2,-1,0,6; m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8.
    const x = [1, 2, 3, 4, 10];
    assert.equal(mean(x), 4);
    assertClose(standardDeviation(x), Math.sqrt(50 / 4), 1e-15, 'sample sd (ddof 1)');
    assertClose(standardDeviation(x, 0), Math.sqrt(10), 1e-15, 'population sd');
    assertClose(skewness(x), 36 / Math.pow(10, 1.5), 1e-14, 'biased skewness m3/m2^1.5');
    assertClose(kurtosis(x), 2.788, 1e-14, 'raw kurtosis m4/m2^2');
  });

  it('a normal-like symmetric sample has skewness 0 and raw (not excess) kurtosis', () => {
    // [-1, 1]: m2 = 1, m4 = 1 -> raw kurtosis 1 (excess would be -2).
    assert.equal(skewness([-1, 1]), 0);
    assert.equal(kurtosis([-1, 1]), 1);
  });

  it('edge cases give explicit null, never NaN', () => {
    for (const f of [mean, standardDeviation, skewness, kurtosis, moments]) {
      assert.equal(f([]), null, `${f.name}([])`);
      assert.equal(f([0.01, NaN, 0.02]), null, `${f.name}(NaN)`);
      assert.equal(f([0.01, Infinity]), null, `${f.name}(Infinity)`);
    }
    assert.equal(mean([0.5]), 0.5);
    assert.equal(standardDeviation([0.5]), null); // one observation, ddof 1
    assert.equal(skewness([0.5]), null);
    assert.equal(kurtosis([0.5]), null);
    // Constant series: zero dispersion, even when the mean has rounding noise (0.1 x 3).
    for (const c of [[0.1, 0.1, 0.1], [0, 0, 0, 0], [-2, -2]]) {
      assert.equal(standardDeviation(c), null);
      assert.equal(skewness(c), null);
      assert.equal(kurtosis(c), null);
      assert.equal(moments(c), null);
    }
  });

  it('skewness and kurtosis are invariant under positive affine maps; g4 >= g3^2 + 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (xs, a, b) => {
          const g3 = skewness(xs);
          const g4 = kurtosis(xs);
          if (g3 === null || g4 === null) return; // constant draw
          const sd = standardDeviation(xs, 0) as number;
          if (sd < 1e-6) return; // near-constant: rounding dominates
          const ys = xs.map((x) => a * x + b);
          assert.ok(Math.abs((skewness(ys) as number) - g3) < 1e-6);
          assert.ok(Math.abs((kurtosis(ys) as number) - g4) < 1e-6 * g4);
          assert.ok(g4 >= g3 * g3 + 1 - 1e-9);
        },
      ),
    );
  });
});

describe('stats/sharpe', () => {
  it('per-period Sharpe (ddof 1) matches rubenbriones/Probabilistic-Sharpe-Ratio', () => {
    // EXPECTED_SR = 0.24171729852769172, tests/test_sharpe_ratio_stats.py
    // (test_estimated_sharpe_ratio), returns mean / std(ddof=1) of the fixture series.
    assertClose(sharpeRatio(RUBENBRIONES_RETURNS), 0.24171729852769172, 1e-12, 'SR');
  });

  it('subtracts a per-period risk-free rate', () => {
    // Hand check: [0.02, 0.04] minus 0.01 -> mean 0.02, sd sqrt(0.0002) -> sqrt(2).
    assertClose(sharpeRatio([0.02, 0.04], 0.01), Math.SQRT2, 1e-12, 'excess SR');
  });

  it('annualises by sqrt(periods per year): 252 equities, 365 crypto', () => {
    assertClose(annualizeSharpe(0.1, 252), 0.1 * Math.sqrt(252), 1e-15, '252');
    assertClose(annualizeSharpe(0.1, 365), 0.1 * Math.sqrt(365), 1e-15, '365');
    assertClose(deannualizeSharpe(annualizeSharpe(0.1, 12), 12), 0.1, 1e-15, 'round trip');
  });

  it('edge cases: constant, one observation, empty, NaN, bad periods -> null', () => {
    assert.equal(sharpeRatio([0.01, 0.01, 0.01]), null);
    assert.equal(sharpeRatio([0.01]), null);
    assert.equal(sharpeRatio([]), null);
    assert.equal(sharpeRatio([0.01, NaN]), null);
    assert.equal(annualizeSharpe(null, 252), null);
    assert.equal(annualizeSharpe(0.1, 0), null);
    assert.equal(annualizeSharpe(0.1, NaN), null);
  });
});
