// `npm run bench:accuracy [-- --gate] [-- --record] [-- --write-readme] [-- --verbose]`
//
// Lints every labelled case under bench/accuracy/cases/<kind>/<framework>/<case> through the CLI's
// own `check` command (a case is a .py file, a notebook, or a folder holding a strategy and its
// result files), scores the findings against the labels (labels.ts, score.ts) and prints precision
// and recall per rule family, per rule and per kind, with every miss and false alarm by case.
// Writes bench/results/accuracy.json (not with --gate, so npm test changes no tracked file). --gate exits 1 when a family's precision or recall falls
// below bench/accuracy/baseline.json (the figures recorded in the repository); --record rewrites
// that file from this run; --write-readme rewrites the README's "Accuracy" table.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCheckCommand } from '../../server/src/cli/check-command';
import { initPythonParser } from '../../server/src/engine/python/parser';
import { findRule } from '../../server/src/engine/rules/registry';
import { expectationsIn, headerOf, notebookCells, type Expectation } from './labels';
import { addTo, precision, recall, scoreCase, type ReportedFinding, type Tally } from './score';

const ROOT = path.resolve(__dirname, '../..');
const CASES = path.join(__dirname, 'cases');
const BASELINE = path.join(__dirname, 'baseline.json');
const OUTPUT = path.join(ROOT, 'bench', 'results', 'accuracy.json');
const README = path.join(ROOT, 'README.md');
export const KINDS = ['planted', 'lookalike', 'real-bug', 'clean'] as const;

interface Case {
  id: string;
  kind: string;
  framework: string;
  /** The case's folder (cwd of the check) and the files it lints. */
  dir: string;
  files: string[];
  expected: (Expectation & { file: string })[];
  source?: string;
}

const isSource = (f: string) => /\.(py|ipynb)$/i.test(f);

function expectationsOf(file: string): Expectation[] {
  const text = fs.readFileSync(file, 'utf8');
  if (!/\.ipynb$/i.test(file)) return expectationsIn(text);
  return notebookCells(text).flatMap(({ cell, source }) => expectationsIn(source, cell));
}

function headerText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return /\.ipynb$/i.test(file) ? notebookCells(text)[0]?.source ?? '' : text;
}

export function discoverCases(root = CASES): Case[] {
  const cases: Case[] = [];
  for (const kind of fs.readdirSync(root).sort()) {
    if (!(KINDS as readonly string[]).includes(kind)) throw new Error(`bench/accuracy/cases/${kind}: unknown kind (expected ${KINDS.join(', ')})`);
    for (const framework of fs.readdirSync(path.join(root, kind)).sort()) {
      const frameworkDir = path.join(root, kind, framework);
      for (const entry of fs.readdirSync(frameworkDir).sort()) {
        const full = path.join(frameworkDir, entry);
        const isDir = fs.statSync(full).isDirectory();
        if (!isDir && !isSource(entry)) continue;
        const files = isDir ? fs.readdirSync(full).filter(isSource).sort().map((f) => path.join(full, f)) : [full];
        if (!files.length) continue;
        const header = headerOf(headerText(files[0]));
        cases.push({
          id: `${kind}/${framework}/${entry}`,
          kind,
          framework,
          dir: isDir ? full : frameworkDir,
          files,
          expected: files.flatMap((file) => expectationsOf(file).map((e) => ({ ...e, file }))),
          source: header.source,
        });
      }
    }
  }
  return cases;
}

interface Row extends ReportedFinding {
  file: string;
}

async function lintCase(c: Case): Promise<Row[]> {
  let out = '';
  const cwd = process.cwd();
  process.chdir(c.dir);
  try {
    await runCheckCommand([...c.files.map((f) => path.relative(c.dir, f)), '--format', 'json', '--exit-zero'], {
      stdout: (text) => (out += text),
      stderr: () => undefined,
    });
  } finally {
    process.chdir(cwd);
  }
  const rows = JSON.parse(out) as (ReportedFinding & { file: string })[];
  return rows.map((r) => ({ ...r, file: path.resolve(c.dir, r.file) }));
}

const FAMILY_BY_DIGIT: Record<string, string> = { '1': 'parameters', '2': 'lookahead', '3': 'validation', '4': 'models', '5': 'costs', '6': 'results', '9': 'meta' };
const familyOf = (code: string) => findRule(code)?.family ?? FAMILY_BY_DIGIT[code.charAt(2)] ?? 'unknown';
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  await initPythonParser();
  const cases = discoverCases();
  const unknown = cases.flatMap((c) => c.expected.filter((e) => !findRule(e.code)).map((e) => `${c.id}: ${e.code}`));
  // A label may name a rule that is being built; it counts as a miss until the rule exists.
  for (const u of unknown) console.error(`label names a code no rule has yet: ${u}`);
  const families = new Map<string, Tally>();
  const rules = new Map<string, Tally>();
  const kinds = new Map<string, Tally & { cases: number; casesWithFalseAlarm: number }>();
  const misses: { case: string; code: string; line?: number; cell?: number }[] = [];
  const falseAlarms: { case: string; code: string; severity: string; line: number; cell?: number; message: string }[] = [];
  for (const c of cases) {
    const findings = await lintCase(c);
    const kind = kinds.get(c.kind) ?? { tp: 0, fp: 0, fn: 0, cases: 0, casesWithFalseAlarm: 0 };
    kind.cases++;
    let alarms = 0;
    for (const file of c.files) {
      const outcome = scoreCase(c.expected.filter((e) => e.file === file), findings.filter((f) => f.file === file));
      const where = c.files.length > 1 ? `${c.id}/${path.basename(file)}` : c.id;
      for (const e of outcome.truePositives) {
        addTo(families, familyOf(e.code), 'tp'), addTo(rules, e.code, 'tp');
        kind.tp++;
      }
      for (const e of outcome.falseNegatives) {
        addTo(families, familyOf(e.code), 'fn'), addTo(rules, e.code, 'fn');
        kind.fn++;
        misses.push({ case: where, code: e.code, line: e.line, cell: e.cell });
      }
      for (const f of outcome.falsePositives) {
        addTo(families, familyOf(f.code), 'fp'), addTo(rules, f.code, 'fp');
        kind.fp++;
        alarms++;
        falseAlarms.push({ case: where, code: f.code, severity: f.severity, line: f.line, cell: f.cell, message: f.message });
      }
    }
    if (alarms) kind.casesWithFalseAlarm++;
    kinds.set(c.kind, kind);
  }
  const metrics = (m: Map<string, Tally>) =>
    Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, { ...t, precision: round(precision(t)), recall: round(recall(t)) }]));
  const report = {
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(),
    cases: cases.length,
    kinds: Object.fromEntries(KINDS.map((k) => [k, kinds.get(k) ?? { tp: 0, fp: 0, fn: 0, cases: 0, casesWithFalseAlarm: 0 }])),
    families: metrics(families),
    rules: metrics(rules),
    misses,
    falseAlarms,
  };
  // The gate (npm test) reads and prints; only a measuring run writes the recorded JSON.
  if (!args.includes('--gate')) {
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.writeFileSync(OUTPUT, JSON.stringify(report, null, 2) + '\n');
  }
  console.log(renderTable(report));
  if (args.includes('--verbose') || args.includes('--gate')) {
    for (const m of misses) console.log(`miss        ${m.case}${m.cell ? ` cell ${m.cell}` : ''}${m.line ? `:${m.line}` : ''} ${m.code}`);
    for (const f of falseAlarms) console.log(`false alarm ${f.case}${f.cell ? ` cell ${f.cell}` : ''}:${f.line} ${f.code} ${f.severity}: ${f.message.slice(0, 140)}`);
  }
  if (args.includes('--record')) {
    const baseline = { families: Object.fromEntries(Object.entries(report.families).map(([k, v]) => [k, { precision: v.precision, recall: v.recall }])) };
    fs.writeFileSync(BASELINE, JSON.stringify(baseline, null, 2) + '\n');
    console.log(`recorded ${path.relative(ROOT, BASELINE)}`);
  }
  if (args.includes('--write-readme')) writeAccuracySection(renderTable(report));
  if (args.includes('--gate')) {
    const failures = gate(report.families);
    for (const f of failures) console.error(`accuracy gate: ${f}`);
    if (failures.length) process.exit(1);
    console.log('accuracy gate: every family at or above bench/accuracy/baseline.json');
  }
}

function gate(current: Record<string, { precision: number; recall: number }>): string[] {
  const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as { families: Record<string, { precision: number; recall: number }> };
  const failures: string[] = [];
  for (const [family, floor] of Object.entries(baseline.families)) {
    const now = current[family] ?? { precision: 1, recall: 0 };
    if (now.precision < floor.precision - 1e-9) failures.push(`${family} precision ${now.precision} < recorded ${floor.precision}`);
    if (now.recall < floor.recall - 1e-9) failures.push(`${family} recall ${now.recall} < recorded ${floor.recall}`);
  }
  return failures;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

type Report = {
  date: string;
  commit: string;
  cases: number;
  kinds: Record<string, Tally & { cases: number; casesWithFalseAlarm: number }>;
  families: Record<string, Tally & { precision: number; recall: number }>;
  misses: { case: string; code: string; line?: number; cell?: number }[];
  falseAlarms: { case: string; code: string; severity: string; line: number; cell?: number }[];
};

export function renderTable(r: Report): string {
  const lines = [
    `Measured on ${r.date} at commit \`${r.commit}\` over ${r.cases} labelled cases (\`npm run bench:accuracy\`).`,
    '',
    '| family | found (TP) | false alarms (FP) | missed (FN) | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.families).map(([f, t]) => `| ${f} | ${t.tp} | ${t.fp} | ${t.fn} | ${pct(t.precision)} | ${pct(t.recall)} |`),
    '',
    '| kind | cases | found | false alarms | missed | cases with a false alarm |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.kinds).map(([k, t]) => `| ${k} | ${t.cases} | ${t.tp} | ${t.fp} | ${t.fn} | ${t.casesWithFalseAlarm} |`),
    '',
    `Known misses (${r.misses.length}):`,
    '',
    ...(r.misses.length ? r.misses.map((m) => `- \`${m.case}${m.cell ? ` cell ${m.cell}` : ''}${m.line ? `:${m.line}` : ''}\` ${m.code}`) : ['- none']),
    '',
    `False alarms (${r.falseAlarms.length}):`,
    '',
    ...(r.falseAlarms.length ? r.falseAlarms.map((f) => `- \`${f.case}${f.cell ? ` cell ${f.cell}` : ''}:${f.line}\` ${f.code} (${f.severity})`) : ['- none']),
  ];
  return lines.join('\n');
}

const BEGIN = '<!-- accuracy:begin -->';
const END = '<!-- accuracy:end -->';

function writeAccuracySection(table: string): void {
  const readme = fs.readFileSync(README, 'utf8');
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${BEGIN} ... ${END} markers`);
  fs.writeFileSync(README, readme.slice(0, begin) + `${BEGIN}\n${table}\n${END}` + readme.slice(end + END.length));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  });
}
