import assert from 'node:assert/strict';
import fc from 'fast-check';
import { kurtosis, skewness } from '../../../server/src/engine/stats/moments';
import { minTrackRecordLength, probabilisticSharpeRatio, sharpeStandardError } from '../../../server/src/engine/stats/psr';
import { sharpeRatio } from '../../../server/src/engine/stats/sharpe';
import { RUBENBRIONES_RETURNS, assertClose } from './fixtures';

/** |actual - expected| <= half a unit in the last published digit. */
function assertRounded(actual: number | null, expected: number, decimals: number, what: string): void {
  assert.ok(actual !== null && Number.isFinite(actual), `${what}: got ${String(actual)}`);
  assert.ok(Math.abs(actual - expected) <= 0.5 * 10 ** -decimals + 1e-12, `${what}: ${actual} does not round to ${expected}`);
}

describe('stats/psr (Bailey & Lopez de Prado 2012)', () => {
  const sr = sharpeRatio(RUBENBRIONES_RETURNS) as number;
  const g3 = skewness(RUBENBRIONES_RETURNS) as number;
  const g4 = kurtosis(RUBENBRIONES_RETURNS) as number;

  it('sigma(SR), PSR and MinTRL match rubenbriones/Probabilistic-Sharpe-Ratio to 1e-10', () => {
    // Expected values from tests/test_sharpe_ratio_stats.py of that repository (commit
    // 1c8b7c5f), computed there with pandas std(ddof=1) and scipy's biased skew and
    // kurtosis(fisher=False): this pins our moment conventions too.
    assertClose(sharpeStandardError({ sharpe: sr, observations: 50, skewness: g3, kurtosis: g4 }), 0.16466174867277414, 1e-10, 'sigma(SR)');
    assertClose(
      probabilisticSharpeRatio({ sharpe: sr, observations: 50, skewness: g3, kurtosis: g4, benchmarkSharpe: 0.05 }),
      0.877850770122146, // EXPECTED_PSR, SR* = 0.05
      1e-10,
      'PSR(0.05)',
    );
    assertClose(
      minTrackRecordLength({ sharpe: sr, skewness: g3, kurtosis: g4, benchmarkSharpe: 0.05, confidence: 0.9 }),
      60.365085269027084, // EXPECTED_MIN_TRL, SR* = 0.05, p = 0.90
      1e-10,
      'MinTRL',
    );
  });

  it("reproduces the paper's 24-month example to its published 3 digits", () => {
    // Bailey & Lopez de Prado (2012), example of a fund with 24 monthly returns,
    // SR = 0.458 per month (annualised 1.59), as transcribed in rubenbriones/
    // Probabilistic-Sharpe-Ratio tests (test_probabilistic_sharpe_ratio_paper_examples):
    // normal returns PSR(0) = 0.982; skewness -2.448, kurtosis 10.164 -> PSR(0) = 0.913.
    // Only 3 decimals are published, so the check is at that precision.
    assertRounded(probabilisticSharpeRatio({ sharpe: 0.458, observations: 24 }), 0.982, 3, 'PSR normal');
    assertRounded(probabilisticSharpeRatio({ sharpe: 0.458, observations: 24, skewness: -2.448, kurtosis: 10.164 }), 0.913, 3, 'PSR non-normal');
  });

  it("reproduces the paper's HFR index examples (sigma(SR), MinTRL in years) to 4 digits", () => {
    // Bailey & Lopez de Prado (2012), two hedge-fund indices with 134 monthly returns, as
    // transcribed in rubenbriones/Probabilistic-Sharpe-Ratio tests (..._paper_examples):
    // SR 0.7079, skew -0.2250, kurt 2.9570 -> sigma(SR) 0.1028, MinTRL 0.7152 years;
    // SR 0.8183, skew -1.4455, kurt 7.0497 -> sigma(SR) 0.1550, MinTRL 1.1593 years.
    const a = { sharpe: 0.7079, skewness: -0.225, kurtosis: 2.957 };
    const b = { sharpe: 0.8183, skewness: -1.4455, kurtosis: 7.0497 };
    assertRounded(sharpeStandardError({ ...a, observations: 134 }), 0.1028, 4, 'sigma A');
    assertRounded(sharpeStandardError({ ...b, observations: 134 }), 0.155, 4, 'sigma B');
    assertRounded((minTrackRecordLength(a) as number) / 12, 0.7152, 4, 'MinTRL A (years)');
    assertRounded((minTrackRecordLength(b) as number) / 12, 1.1593, 4, 'MinTRL B (years)');
  });

  it('closed-form cross-checks', () => {
    // SR = SR* -> Phi(0) = 0.5 exactly.
    assert.equal(probabilisticSharpeRatio({ sharpe: 0.1, observations: 100, benchmarkSharpe: 0.1 }), 0.5);
    // MinTRL is the T at which PSR reaches the confidence: PSR(T = MinTRL) = 0.95.
    const input = { sharpe: 0.12, skewness: -0.5, kurtosis: 6, benchmarkSharpe: 0.02 };
    const t = minTrackRecordLength(input) as number;
    assertClose(probabilisticSharpeRatio({ ...input, observations: t }), 0.95, 1e-12, 'PSR at MinTRL');
  });

  it('edge cases: T < 2, SR <= SR*, impossible moments, NaN -> null', () => {
    assert.equal(probabilisticSharpeRatio({ sharpe: 0.1, observations: 1 }), null);
    assert.equal(probabilisticSharpeRatio({ sharpe: NaN, observations: 10 }), null);
    assert.equal(probabilisticSharpeRatio({ sharpe: 0.1, observations: 10, kurtosis: NaN }), null);
    assert.equal(minTrackRecordLength({ sharpe: 0.05, benchmarkSharpe: 0.05 }), null);
    assert.equal(minTrackRecordLength({ sharpe: -0.1 }), null);
    assert.equal(minTrackRecordLength({ sharpe: 0.1, confidence: 1 }), null);
    // Hand-typed moments can make 1 - g3 SR + (g4-1)/4 SR^2 negative (g4 < g3^2 + 1).
    assert.equal(probabilisticSharpeRatio({ sharpe: 2, observations: 10, skewness: 3, kurtosis: 1 }), null);
  });

  it('PSR is a probability and never NaN for valid inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.integer({ min: 2, max: 100000 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (sharpe, observations, g3, extra) => {
          const psr = probabilisticSharpeRatio({ sharpe, observations, skewness: g3, kurtosis: g3 * g3 + 1 + extra });
          if (psr === null) return; // variance factor exactly 0
          assert.ok(psr >= 0 && psr <= 1);
        },
      ),
    );
  });
});
