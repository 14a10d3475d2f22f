// Corpus precision run: lints real public repositories (checked out locally, never committed) with
// the built CLI and joins the findings with a hand-written verdict ledger. See README.md here.
//
//   npx tsx bench/corpus/run.ts [--root DIR] [--label NAME] [--out DIR] [--ledger FILE] [--cli FILE]
//
// Writes OUT/findings-LABEL.jsonl (one finding a line), OUT/unjudged-LABEL.jsonl (findings the
// ledger has no verdict for) and OUT/summary-LABEL.json, and prints per-rule and per-severity tables.
// A verdict's key is repo + file + code + the trimmed source line, so it survives line moves.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface RepoEntry { repo: string; commit?: string; licence?: string; paths?: string[]; kind?: string }
interface CliRow { file: string; cell?: number; rule: string; code: string; severity: string; message: string; line: number }
export interface CorpusFinding { repo: string; file: string; cell?: number; line: number; code: string; rule: string; severity: string; message: string; snippet: string }
interface Verdict { repo: string; file: string; code: string; snippet: string; verdict: 'right' | 'wrong'; reason?: string }

const MAX_BYTES = 2 * 1024 * 1024;
const BATCH = 100;

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || i + 1 >= argv.length) throw new Error(`usage: run.ts [--root DIR] [--label NAME] [--out DIR] [--ledger FILE] [--cli FILE] (bad argument ${a})`);
    out[a.slice(2)] = argv[++i];
  }
  return out;
}

export const verdictKey = (v: { repo: string; file: string; code: string; snippet: string }) => [v.repo, v.file, v.code, v.snippet.trim()].join('\u0000');

/** The repos to lint: bench/corpus/repos.json entries present under root (owner/name -> owner+name), else every folder. */
function reposUnder(root: string): { dir: string; repo: string; paths: string[] }[] {
  const listFile = path.join(__dirname, 'repos.json');
  const listed: RepoEntry[] = fs.existsSync(listFile) ? JSON.parse(fs.readFileSync(listFile, 'utf8')) : [];
  const byDir = new Map(listed.map((r) => [r.repo.replace('/', '+'), r]));
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (byDir.size === 0 || byDir.has(d.name)))
    .map((d) => ({ dir: path.join(root, d.name), repo: byDir.get(d.name)?.repo ?? d.name.replace('+', '/'), paths: byDir.get(d.name)?.paths ?? ['.'] }))
    .sort((a, b) => a.repo.localeCompare(b.repo));
}

function sourceFiles(repoDir: string, paths: string[]): string[] {
  const files: string[] = [];
  const visit = (abs: string) => {
    const st = fs.lstatSync(abs, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      if (path.basename(abs).startsWith('.') && abs !== repoDir) return;
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(abs, name));
    } else if (/\.(py|ipynb)$/i.test(abs) && st.size <= MAX_BYTES) {
      files.push(path.relative(repoDir, abs));
    }
  };
  for (const p of paths) visit(path.resolve(repoDir, p));
  return files;
}

/** Source lines of a file; for a notebook, the lines of each code cell (1-based cell index over all cells). */
function snippetOf(repoDir: string, file: string, line: number, cell: number | undefined, cache: Map<string, unknown>): string {
  const abs = path.join(repoDir, file);
  if (!cache.has(abs)) {
    const text = fs.readFileSync(abs, 'utf8');
    if (cell === undefined) cache.set(abs, text.split(/\r?\n/));
    else {
      const nb = JSON.parse(text) as { cells?: { source?: string | string[] }[] };
      cache.set(abs, (nb.cells ?? []).map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source ?? '').split(/\r?\n/)));
    }
  }
  const lines = cache.get(abs) as string[] | string[][];
  const src = cell === undefined ? (lines as string[])[line - 1] : (lines as string[][])[cell - 1]?.[line - 1];
  return (src ?? '').replace(/\s+$/, '');
}

function lintRepo(cli: string, repoDir: string, repo: string, paths: string[]): CorpusFinding[] {
  const files = sourceFiles(repoDir, paths);
  const cache = new Map<string, unknown>();
  const out: CorpusFinding[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const run = spawnSync(process.execPath, [cli, 'check', ...batch, '--format', 'json', '--exit-zero'], { cwd: repoDir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    if (run.status !== 0) process.stderr.write(`${repo}: exit ${run.status}: ${run.stderr.slice(0, 500)}\n`);
    let rows: CliRow[] = [];
    try {
      rows = JSON.parse(run.stdout || '[]');
    } catch {
      process.stderr.write(`${repo}: unparsable output\n`);
    }
    for (const r of rows) {
      const file = path.relative(repoDir, path.resolve(repoDir, r.file)).split(path.sep).join('/');
      out.push({ repo, file, ...(r.cell !== undefined ? { cell: r.cell } : {}), line: r.line, code: r.code, rule: r.rule, severity: r.severity, message: r.message, snippet: snippetOf(repoDir, file, r.line, r.cell, cache) });
    }
  }
  return out;
}

interface Tally { findings: number; judged: number; right: number; wrong: number }
const emptyTally = (): Tally => ({ findings: 0, judged: 0, right: 0, wrong: 0 });

function table(title: string, rows: [string, Tally][]): string {
  const head = `${title.padEnd(44)} ${'findings'.padStart(8)} ${'judged'.padStart(6)} ${'right'.padStart(5)} ${'wrong'.padStart(5)} ${'unjudged'.padStart(8)} ${'precision'.padStart(9)}`;
  const body = rows.map(([k, t]) => `${k.padEnd(44)} ${String(t.findings).padStart(8)} ${String(t.judged).padStart(6)} ${String(t.right).padStart(5)} ${String(t.wrong).padStart(5)} ${String(t.findings - t.judged).padStart(8)} ${(t.judged ? ((100 * t.right) / t.judged).toFixed(0) + ' %' : '-').padStart(9)}`);
  return [head, '-'.repeat(head.length), ...body].join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = path.resolve(args.root ?? '/work/corpus/src');
  const label = args.label ?? 'before';
  const outDir = path.resolve(args.out ?? path.dirname(root));
  const ledgerFile = path.resolve(args.ledger ?? path.join(outDir, 'verdicts.jsonl'));
  const cli = path.resolve(args.cli ?? path.join(__dirname, '..', '..', 'dist', 'cli.js'));
  if (!fs.existsSync(cli)) throw new Error(`${cli} not found: run 'npm run -s build' first`);

  const findings: CorpusFinding[] = [];
  for (const { dir, repo, paths } of reposUnder(root)) {
    const found = lintRepo(cli, dir, repo, paths);
    process.stderr.write(`${repo}: ${found.length} findings\n`);
    findings.push(...found);
  }

  const ledger = new Map<string, Verdict>();
  if (fs.existsSync(ledgerFile)) {
    for (const line of fs.readFileSync(ledgerFile, 'utf8').split('\n')) if (line.trim()) {
      const v = JSON.parse(line) as Verdict;
      ledger.set(verdictKey(v), v); // a later line overrides an earlier one
    }
  }

  const byRule = new Map<string, Tally>();
  const bySeverity = new Map<string, Tally>();
  const byFamilySeverity = new Map<string, Tally>();
  const unjudged: CorpusFinding[] = [];
  for (const f of findings) {
    const v = ledger.get(verdictKey(f));
    for (const [map, key] of [[byRule, `${f.code} ${f.rule}`], [bySeverity, f.severity], [byFamilySeverity, `${f.code.slice(0, 3)}xx ${f.severity}`]] as const) {
      const t = map.get(key) ?? emptyTally();
      t.findings++;
      if (v) {
        t.judged++;
        t[v.verdict]++;
      }
      map.set(key, t);
    }
    if (!v) unjudged.push(f);
  }
  const sorted = (m: Map<string, Tally>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = findings.reduce((t, f) => {
    const v = ledger.get(verdictKey(f));
    t.findings++;
    if (v) { t.judged++; t[v.verdict]++; }
    return t;
  }, emptyTally());

  const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
  fs.writeFileSync(path.join(outDir, `findings-${label}.jsonl`), jsonl(findings));
  fs.writeFileSync(path.join(outDir, `unjudged-${label}.jsonl`), jsonl(unjudged));
  const summary = { label, root, total, byRule: Object.fromEntries(sorted(byRule)), bySeverity: Object.fromEntries(sorted(bySeverity)), byFamilySeverity: Object.fromEntries(sorted(byFamilySeverity)) };
  fs.writeFileSync(path.join(outDir, `summary-${label}.json`), JSON.stringify(summary, null, 2) + '\n');

  console.log(table('rule', [...sorted(byRule), ['TOTAL', total]]));
  console.log();
  console.log(table('severity', sorted(bySeverity)));
  console.log();
  console.log(table('family x severity', sorted(byFamilySeverity)));
  console.log(`\n${findings.length} findings -> ${path.join(outDir, `findings-${label}.jsonl`)}; ${unjudged.length} without a verdict in ${ledgerFile} -> unjudged-${label}.jsonl`);
}

if (require.main === module) main();
