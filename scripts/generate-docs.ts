// Generates docs/rules/*.md and the README's rules table from the rule files, so rule docs are
// never kept twice. `npm run docs` writes; `--check` (used by a unit test) only compares.
import * as fs from 'fs';
import * as path from 'path';
import { expectedDocs } from './rule-docs-files';

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of expectedDocs()) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  stale++;
  if (check) console.error(`stale: ${path.relative(process.cwd(), file)}`);
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
if (check && stale) process.exit(1);
