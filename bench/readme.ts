// Writes the benchmark table into README.md between <!-- bench:begin --> and <!-- bench:end -->
// (inserting the markers just before "## Tests" when they are missing). Nothing else changes.
import * as fs from 'node:fs';

export const BEGIN = '<!-- bench:begin -->';
export const END = '<!-- bench:end -->';

export function replaceBenchSection(readme: string, section: string): string {
  const body = `${BEGIN}\n${section.trim()}\n${END}`;
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin >= 0 && end > begin) return readme.slice(0, begin) + body + readme.slice(end + END.length);
  const tests = readme.search(/^## Tests\s*$/m);
  if (tests < 0) throw new Error('README.md has no "## Tests" heading to put the benchmark section before');
  return readme.slice(0, tests) + body + '\n\n' + readme.slice(tests);
}

export function writeReadme(file: string, section: string): void {
  const before = fs.readFileSync(file, 'utf8');
  const after = replaceBenchSection(before, section);
  if (after !== before) fs.writeFileSync(file, after);
}
