// Seed and run counts for property tests. The unit run uses a fixed seed and small counts so it is
// fast and reproducible; `npm run fuzz` (test/fuzz/) reads FUZZ_SEED / FUZZ_RUNS from the
// environment for longer runs. A failure prints the seed and path to replay it.
import type { Parameters } from 'fast-check';

export const UNIT_SEED = 20261124;

export function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Seed for long runs: FUZZ_SEED, else a fresh one (printed so a failure can be replayed). */
export function longRunSeed(): number {
  const fromEnv = envInt('FUZZ_SEED');
  if (fromEnv !== undefined) return fromEnv;
  const seed = (Date.now() ^ (process.pid << 8)) | 0;
  console.log(`fuzz: FUZZ_SEED=${seed}`);
  return seed;
}

/** Parameters for a long run: FUZZ_RUNS x `weight` cases (default 1000 x weight). */
export function longRunParams<T>(weight = 1): Parameters<T> {
  const runs = envInt('FUZZ_RUNS') ?? 1000;
  return { seed: longRunSeed(), numRuns: Math.max(1, Math.round(runs * weight)), verbose: 1 };
}

export function unitParams<T>(numRuns: number): Parameters<T> {
  return { seed: UNIT_SEED, numRuns, verbose: 1 };
}
