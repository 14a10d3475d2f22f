import * as assert from 'node:assert/strict';
import { deflatedSharpeRatio, effectiveTrials, expectedMaxSharpe, expectedMaxStandardNormal } from '../../../server/src/engine/stats';

describe('stats: whole N and the effective number of trials', () => {
  it('N must be a whole number >= 1: 1 < N < 2 no longer gives a negative expected maximum', () => {
    // Before: E[max Z] for N = 1.2 was (1-g)*Phi^-1(1-1/1.2) + g*Phi^-1(1-1/(1.2e)) < 0, so the DSR
    // exceeded the PSR. A fraction of a trial is meaningless: null.
    assert.equal(expectedMaxStandardNormal(1.2), null);
    assert.equal(expectedMaxSharpe(2.5, 0.01), null);
    assert.equal(deflatedSharpeRatio({ sharpe: 0.1, observations: 100, trials: 1.2, trialSharpeVariance: 0.01 }), null);
    assert.ok((expectedMaxStandardNormal(2) as number) > 0);
  });

  it('merges identical series and applies N_eff = rho + (1 - rho) K', () => {
    // a = [1,-1,0], b = 2a (correlation 1, not identical), c = [1,0,-1], d = a (identical to a).
    // Distinct K = 3 (a, b, c). All centred already (means 0); |a| = |c| = sqrt 2.
    // corr(a,b) = 1; corr(a,c) = (1*1 + -1*0 + 0*-1)/(sqrt2*sqrt2) = 0.5; corr(b,c) = 0.5.
    // rho = (1 + 0.5 + 0.5)/3 = 2/3; N_eff = 2/3 + (1/3)*3 = 1.667 -> 2.
    const r = effectiveTrials([[1, -1, 0], [2, -2, 0], [1, 0, -1], [1, -1, 0]])!;
    assert.equal(r.trials, 4);
    assert.equal(r.distinct, 3);
    assert.ok(Math.abs(r.averageCorrelation - 2 / 3) < 1e-12);
    assert.equal(r.effective, 2);
  });

  it('negative average correlation counts every distinct trial (rho clamped to 0)', () => {
    // x = [1,-1], y = [-1,1]: corr -1 -> rho clamped to 0 -> N_eff = K = 2.
    assert.equal(effectiveTrials([[1, -1], [-1, 1]])!.effective, 2);
  });
});
