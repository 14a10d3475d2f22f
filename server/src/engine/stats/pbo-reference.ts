// Plain reference implementation of PBO by CSCV (same definition as pbo.ts, see there
// for the paper and the documented choices). For each combination it slices the raw
// rows of the IS and OOS blocks, computes every configuration's metric from the values
// (two-pass mean / standard deviation) and ranks with a sort. O(C(S,S/2) * T * N): slow
// on purpose, it exists to check the fast version (tests) and to measure it (bench).

import { binomial, forEachCombination } from './combinations';
import { averagedRank, bestConfiguration, pboFromLogits, rankLogit, validatePboInput, type PboOptions, type PboPair, type PboResult } from './pbo-common';

/** Average ranks (1 = smallest); tied values share the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let k = i;
    while (k + 1 < order.length && values[order[k + 1]] === values[order[i]]) k++;
    const avg = (i + 1 + (k + 1)) / 2;
    for (let m = i; m <= k; m++) ranks[order[m]] = avg;
    i = k + 1;
  }
  return ranks;
}

export function probabilityOfBacktestOverfittingReference(matrix: readonly (readonly number[])[], options: PboOptions = {}): PboResult {
  const v = validatePboInput(matrix, options);
  if ('ok' in v) return v;
  const { rows, cols, splits, blockLength, metric } = v;
  const half = splits / 2;
  const logits: number[] = [];
  const pairs: PboPair[] = [];
  const bestInSample: number[] = [];

  // Rows as Float64Arrays once, so the loops below run on plain doubles.
  const data = matrix.map((row) => Float64Array.from(row));
  const rowsOf = (blocks: readonly number[]): Float64Array[] =>
    blocks.flatMap((b) => data.slice(b * blockLength, (b + 1) * blockLength));

  // Metric of every column over the sample rows, straight from the raw values with the
  // textbook two passes (mean, then squared deviations), row by row for cache locality.
  // Same arithmetic as sharpeOfValues / meanOfValues in pbo-common.ts.
  const metricsOf = (sample: Float64Array[]): number[] => {
    const n = sample.length;
    const first = sample[0];
    const sums = new Float64Array(cols);
    const mismatches = new Float64Array(cols); // > 0 once a value differs from the first row
    for (const row of sample) {
      for (let j = 0; j < cols; j++) {
        sums[j] += row[j];
        mismatches[j] += row[j] !== first[j] ? 1 : 0;
      }
    }
    const means = Array.from(sums, (s) => s / n);
    if (metric === 'mean') return means;
    const squares = new Float64Array(cols);
    for (const row of sample) {
      for (let j = 0; j < cols; j++) {
        const d = row[j] - means[j];
        squares[j] += d * d;
      }
    }
    return means.map((m, j) => {
      if (mismatches[j] === 0) {
        const c = first[j];
        return c > 0 ? Infinity : c < 0 ? -Infinity : 0;
      }
      return m / Math.sqrt(squares[j] / (n - 1));
    });
  };

  forEachCombination(splits, half, (chosen) => {
    const inBlocks = Array.from(chosen);
    const outBlocks = [...Array(splits).keys()].filter((b) => !inBlocks.includes(b));
    const isMetrics = metricsOf(rowsOf(inBlocks));
    const oosMetrics = metricsOf(rowsOf(outBlocks));
    const best = bestConfiguration(isMetrics);
    const rank = averagedRank(oosMetrics, best);
    logits.push(rankLogit(rank, cols));
    pairs.push({ inSample: isMetrics[best], outOfSample: oosMetrics[best] });
    bestInSample.push(best);
  });

  return {
    ok: true,
    pbo: pboFromLogits(logits),
    splits,
    combinations: binomial(splits, half),
    trials: cols,
    observations: rows,
    rowsUsed: splits * blockLength,
    rowsDropped: rows - splits * blockLength,
    metric,
    logits,
    pairs,
    bestInSample,
  };
}
