// `npm run bench [-- --write-readme] [-- --quick] [-- --only=floor,ruff,server,cold,scan,huge,pbo] [-- --readme-only]`
//
// Prints a table of medians and ratios with each goal beside it, writes bench/results/latest.json
// and, with --write-readme, the "Performance" section of README.md. Inputs are generated
// (seeded) into bench/.generated/ on first use and reused while the generator is unchanged.
// The machine is shared and noisy: every comparison is a ratio of two things measured in the
// same run, interleaved, and every figure is a median over repeated runs.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { lintPython, enabledRules } from '../server/src/engine/lint';
import { initPythonParser, parsePython } from '../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../server/src/engine/python/syntax-index';
import { extractFacts } from '../server/src/engine/facts';
import { parseDirectives } from '../server/src/engine/suppressions';
import { LineIndex, parserText } from '../server/src/engine/text';
import type { RuleContext } from '../server/src/engine/rules/rule';
import { startServer, type TestClient } from '../test/helpers/lsp-client';
import { readSourceFile } from '../server/src/cli/files';
import { LintSession } from '../server/src/engine/session';
import { DEFAULT_LAYOUT, GENERATOR_VERSION, HUGE_STRATEGY_LINES, generateLargeStrategy, generateWorkspace, type WorkspaceStats } from './generate';
import { writeReadme } from './readme';
import { interleaved, median, pairedRatio, percentile } from './stats';

const ROOT = path.resolve(__dirname, '..');
const GENERATED = path.join(__dirname, '.generated');
const LARGE_FILE = path.join(GENERATED, 'large', 'strategy_library.py');
const WORKSPACE = path.join(GENERATED, 'workspace');
const HUGE_FILE = path.join(GENERATED, 'huge', 'strategy_monolith.py');
const RESULTS_FILE = path.join(__dirname, 'results', 'latest.json');
const LARGE_SEED = 1;
const HUGE_SEED = 3;
const WORKSPACE_SEED = 7;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (name: string) => !only || only.includes(name);

/** Target repetition counts; a section stops early (never below its minimum) when its time budget is spent. */
const RUNS = quick
  ? { floor: 7, ruffFile: 7, ruffWorkspace: 1, keystrokes: 40, hover: 40, codeAction: 40, cold: 3, scan: 1, huge: 1, pboFast: 3, pboReference: 1 }
  : { floor: 21, ruffFile: 21, ruffWorkspace: 3, keystrokes: 200, hover: 200, codeAction: 200, cold: 7, scan: 3, huge: 3, pboFast: 7, pboReference: 1 };
/** Seconds per section (the whole run must stay under 5 minutes on the 2-core machine). */
const BUDGET_S = { floor: 15, ruffFile: 8, ruffWorkspace: 30, keystrokes: 30, cold: 15, scan: 60, huge: 30 };
const MIN_RUNS = { floor: 5, ruffFile: 5, ruffWorkspace: 1, keystrokes: 20, cold: 3, scan: 1, huge: 1 };
/** The whole run's deadline: the PBO reference (run last, in a child) is cut off at it. */
const TOTAL_BUDGET_S = 285;
const runStarted = performance.now();
const secondsLeft = () => TOTAL_BUDGET_S - (performance.now() - runStarted) / 1000;

/** Should a loop that has done `done` runs (of `target`, at least `min`) since `t0` go on? */
function more(done: number, target: number, min: number, t0: number, budgetS: number): boolean {
  if (done >= target) return false;
  if (done < min) return true;
  return (performance.now() - t0) / 1000 < budgetS;
}

interface Row {
  id: string;
  measure: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x';
  runs: string;
  goal?: { op: '<' | '<='; limit: number };
  note?: string;
}

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const log = (s: string) => process.stderr.write(s + '\n');

function met(row: Row): boolean | undefined {
  if (!row.goal) return undefined;
  return row.goal.op === '<' ? row.value < row.goal.limit : row.value <= row.goal.limit;
}

// ---------------------------------------------------------------------------------------------
// Inputs

interface Inputs {
  largeText: string;
  workspace: WorkspaceStats;
  workspaceFiles: { file: string; text: string }[];
}

function prepareInputs(): Inputs {
  const stampFile = path.join(GENERATED, 'stamp.json');
  const stamp = JSON.stringify({ version: GENERATOR_VERSION, largeSeed: LARGE_SEED, workspaceSeed: WORKSPACE_SEED, layout: DEFAULT_LAYOUT, hugeSeed: HUGE_SEED, hugeLines: HUGE_STRATEGY_LINES });
  let workspace: WorkspaceStats;
  const existing = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf8')) : undefined;
  if (existing && JSON.stringify(existing.key) === JSON.stringify(JSON.parse(stamp))) {
    workspace = existing.workspace;
  } else {
    const t0 = performance.now();
    fs.rmSync(GENERATED, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(LARGE_FILE), { recursive: true });
    // Self-ignoring, whatever the repository's .gitignore says.
    fs.writeFileSync(path.join(GENERATED, '.gitignore'), '*\n');
    fs.writeFileSync(LARGE_FILE, generateLargeStrategy(LARGE_SEED, 5000));
    fs.mkdirSync(path.dirname(HUGE_FILE), { recursive: true });
    fs.writeFileSync(HUGE_FILE, generateLargeStrategy(HUGE_SEED, HUGE_STRATEGY_LINES));
    workspace = generateWorkspace(WORKSPACE, WORKSPACE_SEED, DEFAULT_LAYOUT);
    fs.writeFileSync(stampFile, JSON.stringify({ key: JSON.parse(stamp), workspace }, null, 2));
    log(`generated inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const workspaceFiles: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.py')) workspaceFiles.push({ file: p, text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(WORKSPACE);
  return { largeText: fs.readFileSync(LARGE_FILE, 'utf8'), workspace, workspaceFiles };
}

// ---------------------------------------------------------------------------------------------
// 1 + 2: in-process floor and peer

function lintOnly(file: string, text: string): number {
  const out = lintPython({ path: file, text });
  const n = out.findings.length;
  out.release();
  return n;
}

function parseOnly(text: string): void {
  parsePython(parserText(text)).delete();
}

/** Where the time of one lint goes: parse, index, facts, directives, each rule. */
function stageBreakdown(file: string, text: string, runs: number): Record<string, number> {
  const samples: Record<string, number[]> = {};
  const add = (k: string, v: number) => (samples[k] ??= []).push(v);
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const tree = parsePython(parserText(text));
    const lap = (k: string) => {
      const now = performance.now();
      add(k, now - t);
      t = now;
    };
    lap('parse');
    const index = buildSyntaxIndex(tree, text);
    lap('syntax index');
    const lines = new LineIndex(text);
    lap('line index');
    const facts = extractFacts(index);
    // Facts are computed on first read: read every group here, so each rule's figure is its own.
    for (const group of Object.keys(facts)) void facts[group as keyof typeof facts];
    lap('facts');
    const directives = parseDirectives(index.comments);
    lap('directives');
    for (const rule of enabledRules(undefined)) {
      const context: RuleContext = { path: file, text, lines, index, facts, directives, results: undefined, option: (name) => rule.options?.[name]?.default ?? NaN };
      try {
        rule.check(context, () => undefined);
      } catch {
        // contained, as in lintPython
      }
      lap(`rule ${rule.name}`);
    }
    tree.delete();
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(samples)) out[k] = +median(v).toFixed(3);
  return out;
}

function benchFloorAndRuff(inputs: Inputs): void {
  const file = LARGE_FILE;
  const text = inputs.largeText;
  const lines = text.split('\n').length - 1;
  // 1. Floor: parse alone vs full lint, interleaved.
  const floor = interleaved(RUNS.floor, 2, () => parseOnly(text), () => lintOnly(file, text), (done, t0) => more(done, RUNS.floor, MIN_RUNS.floor, t0, BUDGET_S.floor));
  const parseMs = median(floor.a);
  const lintMs = median(floor.b);
  const n1 = floor.a.length;
  rows.push({ id: '1', measure: `tree-sitter parse, ${lines}-line file (floor)`, value: parseMs, unit: 'ms', runs: `${n1}` });
  rows.push({ id: '1', measure: 'full lint (parse + every rule)', value: lintMs, unit: 'ms', runs: `${n1}` });
  rows.push({ id: '1', measure: 'full lint / parse', value: pairedRatio(floor.a, floor.b), unit: 'x', runs: `${n1} pairs`, goal: { op: '<=', limit: 1.5 } });
  const breakdown = stageBreakdown(file, text, 5);
  details.lintBreakdownMs = breakdown;
  details.largeFile = { lines, bytes: Buffer.byteLength(text), findings: lintOnly(file, text) };

  // 2. Peer: Ruff (wasm) in the same process, default settings.
  const ruff = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);
  const ruffCount = (ruff.check(text) as unknown[]).length;
  const peer = interleaved(RUNS.ruffFile, 2, () => ruff.check(text), () => lintOnly(file, text), (done, t0) => more(done, RUNS.ruffFile, MIN_RUNS.ruffFile, t0, BUDGET_S.ruffFile));
  const n2 = peer.a.length;
  rows.push({ id: '2', measure: `Ruff ${Workspace.version()} (wasm, default rules), same file`, value: median(peer.a), unit: 'ms', runs: `${n2}` });
  rows.push({ id: '2', measure: 'our lint / Ruff, same file', value: pairedRatio(peer.a, peer.b), unit: 'x', runs: `${n2} pairs`, goal: { op: '<=', limit: 1.0 } });
  details.ruffFindingsLargeFile = ruffCount;

  const files = inputs.workspaceFiles;
  const ruffPass = () => {
    for (const f of files) ruff.check(f.text);
  };
  const ourPass = () => {
    for (const f of files) lintOnly(f.file, f.text);
  };
  // Warm both up on the first 50 files (JIT, wasm tiering) instead of a whole untimed pass.
  for (const f of files.slice(0, 50)) {
    ruff.check(f.text);
    lintOnly(f.file, f.text);
  }
  const ws = interleaved(RUNS.ruffWorkspace, 0, ruffPass, ourPass, (done, t0) => more(done, RUNS.ruffWorkspace, MIN_RUNS.ruffWorkspace, t0, BUDGET_S.ruffWorkspace));
  const n3 = ws.a.length;
  rows.push({ id: '2', measure: `Ruff, ${files.length}-file workspace (in memory)`, value: median(ws.a), unit: 'ms', runs: `${n3}` });
  rows.push({ id: '2', measure: `our lint, ${files.length}-file workspace (no results)`, value: median(ws.b), unit: 'ms', runs: `${n3}` });
  rows.push({ id: '2', measure: 'our lint / Ruff, workspace', value: pairedRatio(ws.a, ws.b), unit: 'x', runs: `${n3} pairs`, goal: { op: '<=', limit: 1.0 } });
  ruff.free();
}

// ---------------------------------------------------------------------------------------------
// 3 + 4 + 5: through the real server over stdio

const fileUri = (p: string) => 'file://' + p;

async function openLarge(client: TestClient, text: string): Promise<PublishDiagnosticsParams> {
  const uri = fileUri(LARGE_FILE);
  const first = client.nextDiagnostics(uri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  return first;
}

/** Seeded pick of `n` distinct indices below `max`. */
function spread(n: number, max: number): number[] {
  const step = max / n;
  return Array.from({ length: n }, (_, i) => Math.min(max - 1, Math.floor(i * step + step / 2)));
}

async function benchServer(inputs: Inputs): Promise<void> {
  const text = inputs.largeText;
  const uri = fileUri(LARGE_FILE);
  const client = await startServer({ settings: { debounceMs: 0 }, rootPath: path.dirname(LARGE_FILE) });
  try {
    const opened = await openLarge(client, text);
    const diagnostics = opened.diagnostics;

    // 3. Keystrokes: insert one character inside an identifier, then delete it (so the file
    // stays the same), at lines spread over the whole file.
    const lines = text.split('\n');
    const targets: { line: number; character: number }[] = [];
    lines.forEach((l, i) => {
      const at = l.indexOf('dataframe[');
      if (at >= 0) targets.push({ line: i, character: at + 'dataframe'.length });
    });
    const picks = spread(RUNS.keystrokes / 2, targets.length).map((i) => targets[i]);
    let version = 1;
    const keystroke = async (change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }) => {
      version++;
      const v = version;
      const done = client.nextDiagnostics(uri, (p) => p.version === v);
      const t0 = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      await done;
      return performance.now() - t0;
    };
    const typeAt = async (pos: { line: number; character: number }) => {
      const a = await keystroke({ range: { start: pos, end: pos }, text: 'x' });
      const b = await keystroke({ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' });
      return [a, b];
    };
    for (const p of picks.slice(0, 5)) await typeAt(p); // warm-up
    const keystrokes: number[] = [];
    const t3 = performance.now();
    for (const p of picks) {
      if (!more(keystrokes.length, RUNS.keystrokes, MIN_RUNS.keystrokes, t3, BUDGET_S.keystrokes)) break;
      keystrokes.push(...(await typeAt(p)));
    }
    rows.push({ id: '3', measure: 'keystroke -> publishDiagnostics, p50', value: percentile(keystrokes, 50), unit: 'ms', runs: `${keystrokes.length}` });
    rows.push({ id: '3', measure: 'keystroke -> publishDiagnostics, p95', value: percentile(keystrokes, 95), unit: 'ms', runs: `${keystrokes.length}`, goal: { op: '<', limit: 15 } });

    // 4. Hover and code actions (the lint of the current version is cached by the server).
    // Every keystroke pair restored the text, so the diagnostics from opening are current again.
    const diagnosticsNow = diagnostics as LspDiagnostic[];
    const glossaryWords = ['stoploss', 'startup_candle_count', 'IntParameter', 'train_test_split', 'TimeSeriesSplit', 'optstrategy', 'setcommission', 'minimal_roi'];
    const wordPositions: { line: number; character: number }[] = [];
    lines.forEach((l, i) => {
      for (const w of glossaryWords) {
        const at = l.indexOf(w);
        if (at >= 0) wordPositions.push({ line: i, character: at + 1 });
      }
    });
    const hoverPositions = [
      ...spread(RUNS.hover / 2, diagnosticsNow.length).map((i) => diagnosticsNow[i].range.start),
      ...spread(RUNS.hover / 2, wordPositions.length).map((i) => wordPositions[i]),
    ];
    const hover = async (position: { line: number; character: number }) => {
      const t0 = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      return performance.now() - t0;
    };
    for (const p of hoverPositions.slice(0, 20)) await hover(p);
    const hovers: number[] = [];
    for (const p of hoverPositions) hovers.push(await hover(p));
    rows.push({ id: '4', measure: 'hover, p95', value: percentile(hovers, 95), unit: 'ms', runs: `${hovers.length}`, goal: { op: '<', limit: 5 }, note: `p50 ${percentile(hovers, 50).toFixed(2)} ms` });

    const codeAction = async (d: LspDiagnostic) => {
      const t0 = performance.now();
      await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      return performance.now() - t0;
    };
    const actionTargets = spread(RUNS.codeAction, diagnosticsNow.length).map((i) => diagnosticsNow[i]);
    for (const d of actionTargets.slice(0, 20)) await codeAction(d);
    const actions: number[] = [];
    for (const d of actionTargets) actions.push(await codeAction(d));
    rows.push({ id: '4', measure: 'code action, p95', value: percentile(actions, 95), unit: 'ms', runs: `${actions.length}`, goal: { op: '<', limit: 10 }, note: `p50 ${percentile(actions, 50).toFixed(2)} ms` });
    details.serverDiagnosticsLargeFile = diagnostics.length;
  } finally {
    await client.stop();
  }
}

async function benchColdStart(inputs: Inputs): Promise<void> {
  const times: number[] = [];
  // Spawn -> initialize answered (node, the bundle, the handshake; the grammar loads meanwhile):
  // the rest of a cold start is the first lint of the file, with the JIT still cold.
  const handshakes: number[] = [];
  const t0cold = performance.now();
  for (let i = 0; more(i, RUNS.cold, MIN_RUNS.cold, t0cold, BUDGET_S.cold); i++) {
    const t0 = performance.now();
    const client = await startServer({ settings: { debounceMs: 0 }, rootPath: path.dirname(LARGE_FILE) });
    handshakes.push(performance.now() - t0);
    await openLarge(client, inputs.largeText);
    times.push(performance.now() - t0);
    await client.stop();
  }
  rows.push({ id: '5', measure: 'cold start: spawn -> first diagnostics', value: median(times), unit: 'ms', runs: `${times.length}`, goal: { op: '<', limit: 400 }, note: `of which spawn -> initialized ${median(handshakes).toFixed(0)} ms` });
  details.coldStart = { totalMs: times.map((t) => +t.toFixed(1)), handshakeMs: handshakes.map((t) => +t.toFixed(1)) };
}

// ---------------------------------------------------------------------------------------------
// 6: workspace scan through the CLI, one process

interface ScanRun {
  wallMs: number;
  maxRssMb: number;
  cpuMs: number;
  findings: number;
  resultFindings: number;
  exitCode: number | null;
}

function scanOnce(): Promise<ScanRun> {
  const rssFile = path.join(os.tmpdir(), `strategy-lint-bench-rss-${process.pid}.json`);
  fs.rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', path.join(__dirname, 'rss-preload.cjs'), path.join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], {
      cwd: WORKSPACE,
      env: { ...process.env, STRATEGY_LINT_BENCH_RSS: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      try {
        const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { maxRssKb: number; userUs: number; systemUs: number };
        const findings = JSON.parse(Buffer.concat(out).toString('utf8')) as { code: string }[];
        if (code !== 0 && code !== 1) throw new Error(`exit ${code}: ${err.slice(0, 500)}`);
        resolve({
          wallMs,
          maxRssMb: usage.maxRssKb / 1024,
          cpuMs: (usage.userUs + usage.systemUs) / 1000,
          findings: findings.length,
          resultFindings: findings.filter((f) => /^SL6/.test(f.code)).length,
          exitCode: code,
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function benchScan(inputs: Inputs): Promise<void> {
  const runs: ScanRun[] = [];
  const t0 = performance.now();
  for (let i = 0; more(i, RUNS.scan, MIN_RUNS.scan, t0, BUDGET_S.scan); i++) runs.push(await scanOnce());
  const w = inputs.workspace;
  rows.push({ id: '6', measure: `CLI scan: ${w.strategies} strategies + ${w.resultFiles} result files, wall`, value: median(runs.map((r) => r.wallMs)) / 1000, unit: 's', runs: `${runs.length}`, goal: { op: '<', limit: 5 }, note: `CPU ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(1)} s` });
  rows.push({ id: '6', measure: 'CLI scan, peak RSS', value: median(runs.map((r) => r.maxRssMb)), unit: 'MB', runs: `${runs.length}`, goal: { op: '<', limit: 200 } });
  details.scan = { runs, workspace: w };
}

// ---------------------------------------------------------------------------------------------
// 8: the largest strategy, linted as `check` lints one file

/**
 * What `strategy-lint check FILE` does for one file, in this process: read and decode it, assemble
 * its input (configuration, result association), parse and run every rule, release the tree.
 * A fresh session per run, so nothing is remembered between runs but the JIT.
 */
function checkOneFile(file: string): number {
  const read = readSourceFile(file);
  if ('error' in read) throw new Error(`${file}: ${read.error}`);
  const output = lintPython(new LintSession({ listings: { kind: 'run' }, cwd: path.dirname(file) }).inputFor(file, read.text).input);
  const n = output.findings.length;
  output.release();
  return n;
}

function benchHugeFile(): void {
  const text = fs.readFileSync(HUGE_FILE, 'utf8');
  const lines = text.split('\n').length - 1;
  const times: number[] = [];
  let findings = 0;
  const t0 = performance.now();
  for (let i = 0; more(i, RUNS.huge, MIN_RUNS.huge, t0, BUDGET_S.huge); i++) {
    const t = performance.now();
    findings = checkOneFile(HUGE_FILE);
    times.push(performance.now() - t);
  }
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  rows.push({ id: '8', measure: `one ${lines.toLocaleString('en-US')}-line strategy (${mb} MB): read + parse + every rule`, value: median(times), unit: 'ms', runs: `${times.length}`, goal: { op: '<', limit: 1500 } });
  details.hugeFile = { lines, bytes: Buffer.byteLength(text), findings, runsMs: times.map((t) => +t.toFixed(1)) };
}

// ---------------------------------------------------------------------------------------------
// 7: PBO

/**
 * Fast and reference PBO in one child process (same process, same load for both), the fast
 * runs first. The reference takes about a minute on this machine, so it runs last and is cut
 * off at the run's deadline: then its time is a lower bound and so is the ratio.
 */
async function benchPboRows(): Promise<void> {
  const fast: number[] = [];
  const reference: number[] = [];
  const limitS = Math.max(20, secondsLeft());
  let referenceStarted = performance.now();
  let cut = false;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'pbo.bench.ts'), '--json', String(RUNS.pboFast), String(RUNS.pboReference)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += String(d);
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buffered.slice(0, nl)) as { fast?: number[]; reference?: number };
        buffered = buffered.slice(nl + 1);
        if (msg.fast) {
          fast.push(...msg.fast);
          referenceStarted = performance.now();
        }
        if (msg.reference !== undefined) reference.push(msg.reference);
      }
    });
    const timer = setTimeout(() => {
      cut = true;
      child.kill('SIGKILL');
    }, limitS * 1000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (!fast.length) throw new Error('PBO child produced no timings');
  const fastMs = median(fast);
  rows.push({ id: '7', measure: 'PBO (CSCV, S=16, 12,870 splits) on 200 x 2,520, fast', value: fastMs, unit: 'ms', runs: `${fast.length}`, goal: { op: '<', limit: 1000 } });
  if (reference.length) {
    const referenceMs = median(reference);
    rows.push({ id: '7', measure: 'PBO reference implementation (same process)', value: referenceMs, unit: 'ms', runs: `${reference.length}` });
    rows.push({ id: '7', measure: 'PBO reference / fast', value: referenceMs / fastMs, unit: 'x', runs: 'same run' });
  } else {
    // Cut off: the reference ran at least this long (its start is after the fast runs).
    const lowerBound = performance.now() - referenceStarted;
    rows.push({ id: '7', measure: 'PBO reference implementation (cut off at the time budget: lower bound)', value: lowerBound, unit: 'ms', runs: '0' });
    rows.push({ id: '7', measure: 'PBO reference / fast (lower bound)', value: lowerBound / fastMs, unit: 'x', runs: 'same run' });
  }
  details.pbo = { fast, reference, cut };
}

// ---------------------------------------------------------------------------------------------
// Report

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

function fmt(row: Row): string {
  const v = row.value;
  if (row.unit === 'x') return `${v.toFixed(2)}x`;
  if (row.unit === 's') return `${v.toFixed(2)} s`;
  if (row.unit === 'MB') return `${v.toFixed(0)} MB`;
  return v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`;
}

function goalText(row: Row): string {
  if (!row.goal) return '';
  const unit = row.unit === 'x' ? 'x' : ` ${row.unit}`;
  return `${row.goal.op === '<' ? '<' : '<='} ${row.goal.limit}${unit}`;
}

function markdownTable(): string {
  const lines = ['| # | measure | median | runs | goal | met |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const m = met(r);
    lines.push(`| ${r.id} | ${r.measure}${r.note ? ` (${r.note})` : ''} | ${fmt(r)} | ${r.runs} | ${goalText(r)} | ${m === undefined ? '' : m ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}

function consoleTable(): string {
  const cells = rows.map((r) => [r.id, r.measure + (r.note ? ` (${r.note})` : ''), fmt(r), r.runs, goalText(r), met(r) === undefined ? '' : met(r) ? 'ok' : 'MISSED']);
  const head = ['#', 'measure', 'median', 'runs', 'goal', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'client', 'esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes in server/)` : sha;
  } catch {
    return 'unknown';
  }
}

function readmeSection(info: ReturnType<typeof machine>, commit: string, date: string): string {
  return [
    '## Performance',
    '',
    `\`npm run bench\` (bench/run.ts) measures the engine, the server over stdio and the CLI on generated, seeded inputs: a`,
    `${details.largeFile ? (details.largeFile as { lines: number }).lines : 5000}-line module of freqtrade, backtrader and scikit-learn code (and a ${details.hugeFile ? (details.hugeFile as { lines: number }).lines.toLocaleString('en-US') : '78,000'}-line one from the same generator),`,
    'a workspace of 1,000 strategies with their result files (freqtrade layout and sidecars), and a 200 x 2,520 trial matrix. Each figure is the median of',
    'the runs stated (p95 where it says so); ratios are taken pairwise from runs interleaved in the same process, so',
    'they hold on a busy machine. Full figures: `bench/results/latest.json`.',
    '',
    `Last run ${date} on ${info.cpu}, ${info.cores} cores, Node ${info.node} (load average ${info.loadAverageAtStart.join(' / ')} at start), commit ${commit}.`,
    '',
    markdownTable(),
  ].join('\n');
}

/** `--readme-only`: rewrite the README section from bench/results/latest.json without measuring. */
function readmeFromLatest(): void {
  const record = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as { date: string; commit: string; machine: ReturnType<typeof machine>; rows: Row[]; details: Record<string, unknown> };
  rows.push(...record.rows);
  Object.assign(details, record.details);
  writeReadme(path.join(ROOT, 'README.md'), readmeSection(record.machine, record.commit, record.date.slice(0, 10)));
  log('wrote the Performance section of README.md from bench/results/latest.json');
}

async function main(): Promise<void> {
  if (args.includes('--readme-only')) return readmeFromLatest();
  const started = performance.now();
  const info = machine();
  log(`machine: ${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.memoryGb} GB, load ${info.loadAverageAtStart.join(' ')}`);
  log('building dist/ (node esbuild.mjs) ...');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const inputs = prepareInputs();
  await initPythonParser();
  if (wants('floor') || wants('ruff')) {
    log('1-2: parse floor, full lint, Ruff ...');
    benchFloorAndRuff(inputs);
  }
  if (wants('server')) {
    log('3-4: keystrokes, hover, code actions over stdio ...');
    await benchServer(inputs);
  }
  if (wants('cold')) {
    log('5: cold start ...');
    await benchColdStart(inputs);
  }
  if (wants('scan')) {
    log('6: workspace scan through the CLI ...');
    await benchScan(inputs);
  }
  if (wants('huge')) {
    log('8: one 78,000-line strategy, in process ...');
    benchHugeFile();
  }
  if (wants('pbo')) {
    log(`7: PBO, fast then reference (cut off after ${Math.max(20, secondsLeft()).toFixed(0)} s) ...`);
    await benchPboRows();
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  const totalS = (performance.now() - started) / 1000;
  const date = new Date().toISOString().slice(0, 10);
  const commit = gitCommit();
  const end = { ...info, loadAverageAtEnd: os.loadavg().map((x) => +x.toFixed(2)) };
  console.log(`\nStrategy Lint benchmarks — ${info.cpu}, ${info.cores} cores, Node ${info.node}, commit ${commit}\n`);
  console.log(consoleTable());
  const missed = rows.filter((r) => met(r) === false);
  console.log(`\n${rows.filter((r) => r.goal).length - missed.length} of ${rows.filter((r) => r.goal).length} goals met${missed.length ? '; missed: ' + missed.map((r) => `${r.id} ${r.measure}`).join('; ') : ''}. Total ${totalS.toFixed(0)} s.`);
  const record = {
    date: new Date().toISOString(),
    commit,
    machine: end,
    runs: RUNS,
    quick,
    only: only ?? null,
    totalSeconds: +totalS.toFixed(1),
    rows: rows.map((r) => ({ ...r, value: +r.value.toFixed(4), met: met(r) ?? null })),
    details,
  };
  if (!only && !quick) {
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(record, null, 2) + '\n');
    log(`wrote ${path.relative(ROOT, RESULTS_FILE)}`);
  } else {
    const partial = path.join(path.dirname(RESULTS_FILE), 'partial.json');
    fs.mkdirSync(path.dirname(partial), { recursive: true });
    fs.writeFileSync(partial, JSON.stringify(record, null, 2) + '\n');
    log(`partial run (--quick/--only): wrote ${path.relative(ROOT, partial)}, latest.json untouched`);
  }
  if (args.includes('--write-readme')) {
    writeReadme(path.join(ROOT, 'README.md'), readmeSection(info, commit, date));
    log('wrote the Performance section of README.md');
  }
  if (details.lintBreakdownMs) {
    const top = Object.entries(details.lintBreakdownMs as Record<string, number>).sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`\nWhere one lint of the large file goes (median ms): ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
