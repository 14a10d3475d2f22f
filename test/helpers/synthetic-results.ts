// Seeded synthetic result summaries for result-rule tests (the realistic files live in
// examples/ and test/fixtures/results; these isolate one property at a time).
import { computeResultStatistics } from '../../server/src/engine/result-statistics';
import type { BacktestSummary } from '../../server/src/engine/results/summary';
import type { AttachedResult, AttachedResults } from '../../server/src/engine/rules/rule';

/** Mulberry32: small, seeded, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal draws by Box-Muller. */
export function normals(n: number, mean: number, sd: number, seed = 7): number[] {
  const u = rng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const r = Math.sqrt(-2 * Math.log(u() || 1e-12));
    const t = 2 * Math.PI * u();
    out.push(mean + sd * r * Math.cos(t), mean + sd * r * Math.sin(t));
  }
  return out.slice(0, n);
}

export function summary(partial: Partial<BacktestSummary>): BacktestSummary {
  return { format: 'strategy-lint-json', file: '/ws/results/run.json', locations: {}, problems: [], ...partial };
}

export function attach(...summaries: BacktestSummary[]): AttachedResults {
  const attached: AttachedResult[] = summaries.map((s) => ({ summary: s, reason: 'test', statistics: computeResultStatistics(s, 252), keyRanges: {} }));
  return { summaries, attached, refused: [] };
}
