import assert from 'node:assert/strict';
import { minBacktestLengthYears } from '../../../server/src/engine/stats/minbtl';
import { computeSharpeStats } from '../../../server/src/engine/stats/summary';
import { RUBENBRIONES_RETURNS, assertClose } from './fixtures';

const BASE_KEYS = ['observations', 'sharpe', 'sharpe_annualized', 'skewness', 'kurtosis', 'psr', 'min_trl'];
const TRIAL_KEYS = [...BASE_KEYS, 'expected_max_sharpe', 'dsr', 'min_btl_years'];

function assertNoNaN(obj: object): void {
  for (const [k, v] of Object.entries(obj)) assert.ok(v === null || Number.isFinite(v), `${k} = ${String(v)}`);
}

describe('stats/summary computeSharpeStats', () => {
  it('exact keys, without and with trials', () => {
    assert.deepEqual(Object.keys(computeSharpeStats({ returns: RUBENBRIONES_RETURNS, periodsPerYear: 252 })), BASE_KEYS);
    assert.deepEqual(Object.keys(computeSharpeStats({ returns: RUBENBRIONES_RETURNS, periodsPerYear: 252, trials: 10 })), TRIAL_KEYS);
  });

  it('from returns: rubenbriones/Probabilistic-Sharpe-Ratio published values', () => {
    // SR = 0.24171729852769172 and PSR(SR* = 0.05) = 0.877850770122146 from that repo's
    // tests/test_sharpe_ratio_stats.py (see fixtures.ts).
    const s = computeSharpeStats({ returns: RUBENBRIONES_RETURNS, periodsPerYear: 252, benchmarkSharpe: 0.05 });
    assert.equal(s.observations, 50);
    assertClose(s.sharpe, 0.24171729852769172, 1e-12, 'sharpe');
    assertClose(s.sharpe_annualized, 0.24171729852769172 * Math.sqrt(252), 1e-12, 'annualized');
    assertClose(s.psr, 0.877850770122146, 1e-10, 'psr');
  });

  it('summary figures default to skewness 0, kurtosis 3 (paper example PSR 0.982)', () => {
    // Bailey & Lopez de Prado (2012) 24-month example, normal case: PSR(0) = 0.982.
    const s = computeSharpeStats({ sharpe: 0.458, observations: 24, periodsPerYear: 12 });
    assert.equal(s.skewness, 0);
    assert.equal(s.kurtosis, 3);
    assert.ok(Math.abs((s.psr as number) - 0.982) <= 0.0005);
  });

  it("with trials: the DSR paper's example and MinBTL from the annualised Sharpe", () => {
    // Bailey & Lopez de Prado (2014) numerical example (see dsr-minbtl.test.ts for the
    // caveat on the citation): DSR 0.9004, E[max SR] 0.1132 per period.
    const s = computeSharpeStats({
      sharpe: 2.5 / Math.sqrt(250),
      observations: 1250,
      skewness: -3,
      kurtosis: 10,
      periodsPerYear: 250,
      trials: 100,
      trialSharpeVariance: 0.5 / 250,
    });
    assert.ok('dsr' in s);
    if (!('dsr' in s)) return;
    assert.ok(Math.abs((s.dsr as number) - 0.9004) <= 0.00005);
    assert.ok(Math.abs((s.expected_max_sharpe as number) - 0.1132) <= 0.00005);
    assertClose(s.sharpe_annualized, 2.5, 1e-14, 'annualized');
    assertClose(s.min_btl_years, minBacktestLengthYears(100, 2.5) as number, 1e-14, 'MinBTL');
  });

  it('trials without their Sharpe variance: E[max] and DSR null, MinBTL still computed', () => {
    const s = computeSharpeStats({ sharpe: 0.1, observations: 500, periodsPerYear: 252, trials: 20 });
    assert.ok('dsr' in s);
    if (!('dsr' in s)) return;
    assert.equal(s.expected_max_sharpe, null);
    assert.equal(s.dsr, null);
    assert.ok(typeof s.min_btl_years === 'number' && s.min_btl_years > 0);
  });

  it('degenerate inputs give nulls, never NaN', () => {
    const cases = [
      { returns: [0.01, 0.01, 0.01], periodsPerYear: 252, trials: 5, trialSharpeVariance: 0.01 },
      { returns: [0.01], periodsPerYear: 252, trials: 1, trialSharpeVariance: 0 },
      { returns: [], periodsPerYear: 252 },
      { returns: [0.01, NaN, 0.02], periodsPerYear: 365, trials: 3, trialSharpeVariance: 0.1 },
      { sharpe: 0.1, observations: 1, periodsPerYear: 252 },
      { sharpe: -0.1, observations: 100, periodsPerYear: 252, trials: 10 },
      { sharpe: 0.1, observations: 100, periodsPerYear: 0 },
    ];
    for (const c of cases) {
      const s = computeSharpeStats(c);
      assertNoNaN(s);
      assert.doesNotThrow(() => JSON.stringify(s));
    }
    const constant = computeSharpeStats(cases[0]);
    assert.equal(constant.sharpe, null);
    assert.equal(constant.psr, null);
    assert.equal(constant.observations, 3);
    // A negative Sharpe: no MinTRL / MinBTL (null), PSR still defined.
    const negative = computeSharpeStats(cases[5]);
    assert.equal(negative.min_trl, null);
    assert.ok('min_btl_years' in negative && negative.min_btl_years === null);
    assert.ok(typeof negative.psr === 'number' && negative.psr < 0.5);
  });
});
