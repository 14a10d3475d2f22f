// Seeded synthetic result summaries for result-rule tests (the realistic files live in
// examples/ and test/fixtures/results; these isolate one property at a time).
import { computeResultStatistics } from '../../server/src/engine/results/statistics';
import type { BacktestSummary } from '../../server/src/engine/results/summary';
import type { AttachedResult, AttachedResults } from '../../server/src/engine/rules/rule';
import { mulberry32 } from '../../tools/seeded-random';

/** Seeded uniform draws (Mulberry32). */
export const rng = mulberry32;

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
