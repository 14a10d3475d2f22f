// Fixture snapshots: every test/fixtures/strategies/**/*.py (and *.pine) has a `<file>.expected` beside it
// listing the findings it must produce (`npm run snapshots` regenerates them; review by hand).
import * as fs from 'fs';
import * as path from 'path';
import { lintFixture } from './lint-fixture';

export const FIXTURE_ROOT = path.join(__dirname, '..', 'fixtures', 'strategies');

export function fixtureFiles(root = FIXTURE_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.py') || name.endsWith('.pine')) out.push(full);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

export function snapshotOf(file: string): string {
  const findings = lintFixture(file);
  const lines = findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.rule}: ${f.message}`);
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function expectedPath(file: string): string {
  return file + '.expected';
}
