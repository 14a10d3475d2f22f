// Shared test data for the statistics tests.
import { mulberry32 } from '../../../tools/seeded-random';

export { mulberry32 };

/**
 * 50 per-period returns from rubenbriones/Probabilistic-Sharpe-Ratio,
 * tests/returns_for_tests.csv (commit 1c8b7c5f), the test data of a public Python port
 * of Lopez de Prado's PSR code. Its tests/test_sharpe_ratio_stats.py publishes, for this
 * series: SR = 0.24171729852769172 (pandas std, ddof 1), sigma(SR) = 0.16466174867277414
 * (scipy skew and kurtosis(fisher=False), both biased), PSR(SR* = 0.05) =
 * 0.877850770122146 and MinTRL(SR* = 0.05, p = 0.90) = 60.365085269027084.
 */
export const RUBENBRIONES_RETURNS = [
  0.002118886469477138, -0.002636546921058242, -0.0024358609660036726, -0.006071232875030698,
  -0.004499680469396765, -0.007247533239095589, -0.008176560188689118, 0.009117754371004887,
  0.009477404635678645, 0.0042197708651989995, -0.00019996762364832103, 0.008191268384352622,
  -0.0020278923107388217, 0.0038782300933695247, 0.0003234337837115485, 0.005741116477147061,
  -0.00055158413447093, 0.009050625431788748, 0.00221800977705627, -0.00236869813637592,
  -0.0017968533865673503, 0.007542966308243992, 0.00821061590483064, -0.00430742331277402,
  0.005421856250630787, -0.0013993343628088892, 0.003323845857746144, 0.009511143669396956,
  0.006453922488914566, 0.007546441720910388, 0.006649460358400363, 0.0038011548577152957,
  0.005214595923986653, 0.0017644847653684754, 0.0050601376727331705, 0.007734536175241815,
  0.004882709157075313, -0.021158758457091323, 0.006242378497535548, 0.0021716683121211083,
  0.0035306675414695276, -0.007799958914217092, 0.0016867645302712057, -0.00870682695861564,
  0.005797790325923, 0.007547294646361774, 0.0058964895235753415, 0.0016712085630854294,
  -0.010070799628150532, -0.004337921900945061,
];

/** |actual - expected| <= rel * |expected| (or <= rel when expected is 0). */
export function assertClose(actual: number | null, expected: number, rel: number, what = ''): void {
  if (actual === null || !Number.isFinite(actual)) throw new Error(`${what}: expected ${expected}, got ${String(actual)}`);
  const tol = rel * (expected === 0 ? 1 : Math.abs(expected));
  if (Math.abs(actual - expected) > tol) {
    throw new Error(`${what}: expected ${expected}, got ${actual} (relative error ${Math.abs(actual - expected) / Math.abs(expected || 1)}, tolerance ${rel})`);
  }
}


/** Seeded T x N matrix of normal returns; column j gets an extra drift drift(j). */
export function randomMatrix(rows: number, cols: number, seed: number, drift: (j: number) => number = () => 0): number[][] {
  const rand = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const m: number[][] = [];
  for (let t = 0; t < rows; t++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(drift(j) + 0.01 * normal());
    m.push(row);
  }
  return m;
}
