// Paths and bytes of the result fixtures (test/fixtures/results).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadResultFile } from '../../../server/src/engine/results/load-result';
import type { BacktestSummary } from '../../../server/src/engine/results/summary';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/results');

export function fixturePath(rel: string): string {
  return path.join(FIXTURES, rel);
}

export function loadFixture(rel: string): { summaries: BacktestSummary[]; text: string } {
  const file = fixturePath(rel);
  const bytes = fs.readFileSync(file);
  return { summaries: loadResultFile(file, bytes), text: bytes.toString('utf8') };
}

/** The text a location points at, to check offsets land on the key. */
export function textAt(text: string, loc: { offset: number; length: number } | undefined): string | undefined {
  return loc ? text.slice(loc.offset, loc.offset + loc.length) : undefined;
}

export function errors(s: BacktestSummary): string[] {
  return s.problems.filter((p) => p.severity === 'error').map((p) => p.message);
}
