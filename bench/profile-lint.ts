// Profiles the engine on the generated inputs (run `npm run bench` once first so they exist):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-lint.ts [large|workspace] [runs]
//   node bench/cpuprofile-summary.cjs /tmp/prof/*.cpuprofile
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintPython } from '../server/src/engine/lint';
import { initPythonParser } from '../server/src/engine/python/parser';

async function main(): Promise<void> {
  await initPythonParser();
  const which = process.argv[2] ?? 'large';
  const runs = Number(process.argv[3] ?? 10);
  const generated = path.join(__dirname, '.generated');
  const files: string[] = [];
  if (which === 'large') files.push(path.join(generated, 'large', 'strategy_library.py'));
  else {
    const walk = (d: string) => {
      for (const n of fs.readdirSync(d).sort()) {
        const p = path.join(d, n);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.py')) files.push(p);
      }
    };
    walk(path.join(generated, 'workspace'));
  }
  const texts = files.map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const { file, text } of texts) lintPython({ path: file, text }).release();
    console.log(`run ${r + 1}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
}

void main();
