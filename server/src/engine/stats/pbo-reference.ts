// Plain reference implementation of PBO by CSCV (same definition as pbo.ts, see there
// for the paper and the documented choices). For each combination it slices the raw
// rows of the IS and OOS blocks, computes every configuration's metric from the values
// (two-pass mean / standard deviation) and ranks with a sort. O(C(S,S/2) * T * N): slow
// on purpose, it exists to check the fast version (tests) and to measure it (bench).

import { binomial, forEachCombination } from './combinations';
import { metricOfValues, pboFromLogits, rankLogit, validatePboInput, type PboOptions, type PboPair, type PboResult } from './pbo-common';

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

  const rowsOf = (blocks: readonly number[]): (readonly number[])[] =>
    blocks.flatMap((b) => matrix.slice(b * blockLength, (b + 1) * blockLength));
  const metricsOf = (sample: (readonly number[])[]): number[] => {
    const out: number[] = [];
    for (let j = 0; j < cols; j++) out.push(metricOfValues(metric, sample.map((row) => row[j])));
    return out;
  };

  forEachCombination(splits, half, (chosen) => {
    const inBlocks = Array.from(chosen);
    const outBlocks = [...Array(splits).keys()].filter((b) => !inBlocks.includes(b));
    const isMetrics = metricsOf(rowsOf(inBlocks));
    const oosMetrics = metricsOf(rowsOf(outBlocks));
    let best = 0;
    for (let j = 1; j < cols; j++) if (isMetrics[j] > isMetrics[best]) best = j;
    const rank = averageRanks(oosMetrics)[best];
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
