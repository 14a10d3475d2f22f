// Lints a fixture file the way the CLI would (same engine, results attached when available).
// Pine fixtures attach the TradingView exports beside them (the fixture folder is the workspace).
import * as fs from 'fs';
import * as path from 'path';
import { attachResults, ResultFileCache } from '../../server/src/engine/results/attach';
import { resultsDirectives } from '../../server/src/engine/results/strategy-directives';
import type { Directives } from '../../server/src/engine/suppressions';
import { lintPython } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

export function lintFixture(file: string): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  const attach = file.endsWith('.pine')
    ? (facts: { strategies: { name: string }[] }, directives: Directives) =>
        attachResults({ path: file, directives: resultsDirectives(directives), classNames: facts.strategies.map((s) => s.name) }, { workspaceRoot: path.dirname(file) }, new ResultFileCache())
    : undefined;
  const output = lintPython({ path: file, text, attach });
  output.release();
  return output.findings;
}
