// Benchmark: fast PBO (per-block sums) against the plain reference (raw rows per
// combination), S = 16 (12,870 combinations) on a seeded 2,520 x 200 return matrix
// (10 years of daily returns, 200 configurations).
//
// Run: npx tsx bench/pbo.bench.ts [fastRuns] [referenceRuns]
// The reference re-reads all 504,000 cells for each of the 12,870 combinations: about a
// minute per run on an idle 2-core machine (the fast one: about 140 ms), so keep
// referenceRuns small. Times are wall-clock medians.
// A bench runner can import { benchPbo } and call it.

import { performance } from 'node:perf_hooks';
import { probabilityOfBacktestOverfitting } from '../server/src/engine/stats/pbo';
import { probabilityOfBacktestOverfittingReference } from '../server/src/engine/stats/pbo-reference';
import { mulberry32 } from '../tools/seeded-random';


/** T x N matrix of normal returns (Box-Muller), mean 0.0003, sd 0.01, seeded. */
export function seededReturnMatrix(rows: number, cols: number, seed = 42): number[][] {
  const rand = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const m: number[][] = [];
  for (let t = 0; t < rows; t++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(0.0003 + 0.01 * normal());
    m.push(row);
  }
  return m;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function timeRuns(runs: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export interface PboBenchResult {
  fastMs: number;
  referenceMs: number;
  ratio: number;
}

/** Median wall time (ms) of each implementation and referenceMs / fastMs. */
export function benchPbo(options: { fastRuns?: number; referenceRuns?: number; rows?: number; cols?: number; splits?: number } = {}): PboBenchResult {
  const { fastRuns = 7, referenceRuns = 3, rows = 2520, cols = 200, splits = 16 } = options;
  const matrix = seededReturnMatrix(rows, cols);
  const fast = timeRuns(fastRuns, () => probabilityOfBacktestOverfitting(matrix, { splits }));
  const reference = timeRuns(referenceRuns, () => probabilityOfBacktestOverfittingReference(matrix, { splits }));
  const fastMs = median(fast);
  const referenceMs = median(reference);
  return { fastMs, referenceMs, ratio: referenceMs / fastMs };
}

/**
 * `--json FAST REF`: the bench runner's child mode. Prints one JSON line with every fast timing,
 * then one line per reference run, so a runner that must stop at a deadline keeps what finished.
 */
function jsonMode(fastRuns: number, referenceRuns: number, rows = 2520, cols = 200, splits = 16): void {
  const matrix = seededReturnMatrix(rows, cols);
  probabilityOfBacktestOverfitting(matrix, { splits }); // warm-up
  const fast = timeRuns(fastRuns, () => probabilityOfBacktestOverfitting(matrix, { splits }));
  process.stdout.write(JSON.stringify({ fast }) + '\n');
  for (let i = 0; i < referenceRuns; i++) {
    const [ms] = timeRuns(1, () => probabilityOfBacktestOverfittingReference(matrix, { splits }));
    process.stdout.write(JSON.stringify({ reference: ms }) + '\n');
  }
}

if (require.main === module && process.argv[2] === '--json') {
  jsonMode(Number(process.argv[3] ?? 7), Number(process.argv[4] ?? 1));
} else if (require.main === module) {
  const fastRuns = Number(process.argv[2] ?? 7);
  const referenceRuns = Number(process.argv[3] ?? 3);
  const r = benchPbo({ fastRuns, referenceRuns });
  console.log(`PBO S=16 on 2520 x 200 (12,870 combinations)`);
  console.log(`fast      median ${r.fastMs.toFixed(1)} ms over ${fastRuns} runs`);
  console.log(`reference median ${r.referenceMs.toFixed(1)} ms over ${referenceRuns} runs`);
  console.log(`ratio     ${r.ratio.toFixed(1)}x`);
}
