// Lints a fixture file the way the CLI would (same engine, results attached when available).
import * as fs from 'fs';
import { lintPython } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

export function lintFixture(file: string): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  const output = lintPython({ path: file, text });
  output.release();
  return output.findings;
}
