// Small statistics and timing helpers for the benchmarks.
import { performance } from 'node:perf_hooks';

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(rank, s.length) - 1];
}

export function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Runs `a` and `b` alternately (a, b, b, a, ...) so both see the same machine load, after
 * `warmup` untimed rounds; returns every timing of each.
 */
export function interleaved(runs: number, warmup: number, a: () => unknown, b: () => unknown, goOn: (done: number, t0: number) => boolean = (done) => done < runs): { a: number[]; b: number[] } {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  const t0 = performance.now();
  for (let i = 0; goOn(i, t0); i++) {
    if (i % 2 === 0) {
      out.a.push(timeOnce(a));
      out.b.push(timeOnce(b));
    } else {
      out.b.push(timeOnce(b));
      out.a.push(timeOnce(a));
    }
  }
  return out;
}

/** Median of the per-round ratios b/a: robust when load changes between rounds. */
export function pairedRatio(a: number[], b: number[]): number {
  return median(a.map((x, i) => b[i] / x));
}
