// Which result files belong to a strategy file, most explicit first:
//   1. `# strategy-lint: results=...` directives in the strategy file
//   2. sidecars: <stem>.backtest.json / <stem>.backtest.csv / <ClassName>.backtest.json
//   3. freqtrade layout: user_data/backtest_results (+ .last_result.json), user_data/hyperopt_results
//   4. LEAN project layout: backtests/<newest timestamp>/*.json and config.json
//   5. settings globs (workspace-relative)
//   (Pine scripts: TradingView Strategy Tester exports named after the strategy, beside the script)
// Every path must stay inside the workspace (also after symlinks); refused ones are returned
// with the reason so the editor can say why. Only small parts of files are ever read.
import * as path from 'node:path';
import { derived, nodeResultFs, type ResultFs } from './result-fs';
import { Workspace } from './workspace-paths';
import type { ResultsDirective } from './strategy-directives';
import { freqtradeResultStrategies, hyperoptIsFor } from './result-strategy-names';
import { matchGlob } from './glob';

export interface AssociationInput {
  strategyPath: string;
  /** The file's `results=` directives (see strategy-directives.ts). */
  directives: ResultsDirective[];
  /** Strategy class name(s) defined in the file. */
  classNames: string[];
  workspaceRoot: string;
  /** Workspace-relative globs from the settings. */
  settingsGlobs?: string[];
}

export type AssociationSource = 'directive' | 'sidecar' | 'freqtrade' | 'lean' | 'settings';

export interface AcceptedCandidate {
  file: string;
  reason: string;
  source: AssociationSource;
  /** Where the directive naming it sits in the strategy text. */
  at?: { offset: number; length: number };
}

export interface RefusedCandidate {
  file: string;
  refused: string;
  source: AssociationSource;
  at?: { offset: number; length: number };
}

/** The reason given to files a `results=` directive names (result rules trust them over names). */
export const DIRECTIVE_REASON = 'named by the "strategy-lint: results=" comment';

export type ResultCandidate = AcceptedCandidate | RefusedCandidate;

export function isRefused(c: ResultCandidate): c is RefusedCandidate {
  return 'refused' in c;
}

/** Walk limits for settings globs: a huge workspace must not stall the server. */
const MAX_WALK_ENTRIES = 20000;
const MAX_WALK_DEPTH = 12;
/** Hyperopt runs of one class read for the trial count (newest first). */
const MAX_HYPEROPT_RUNS = 50;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.mypy_cache', '.tox', 'dist']);

export function associateResults(input: AssociationInput, fs: ResultFs = nodeResultFs): ResultCandidate[] {
  const ws = new Workspace(input.workspaceRoot, fs);
  const out: ResultCandidate[] = [];
  const seen = new Set<string>();
  const refusedSeen = new Set<string>();
  const strategyPath = path.resolve(ws.root, input.strategyPath);
  const strategyDir = path.dirname(strategyPath);

  /** Add a file if it is inside the workspace and not listed yet; refused ones say why. */
  const offer = (file: string, source: AssociationSource, reason: string, at?: AcceptedCandidate['at'], mustExist = true) => {
    const checked = ws.check(file);
    if (!checked.ok) {
      // Report each refused path once (a glob may meet a refused sidecar again).
      if ((mustExist || checked.reason !== 'file not found') && !refusedSeen.has(path.resolve(file))) {
        refusedSeen.add(path.resolve(file));
        out.push({ file, refused: checked.reason, source, ...(at ? { at } : {}) });
      }
      return;
    }
    if (seen.has(checked.real)) return;
    seen.add(checked.real);
    out.push({ file, reason, source, ...(at ? { at } : {}) });
  };

  // 1. Directives: explicit, so a missing file is reported too.
  for (const d of input.directives) {
    const file = path.resolve(strategyDir, d.path);
    offer(file, 'directive', DIRECTIVE_REASON, { offset: d.offset, length: d.length });
  }

  // 2. Sidecars next to the strategy file.
  const stem = path.basename(strategyPath).replace(/\.[^.]*$/, '');
  const sidecars = [`${stem}.backtest.json`, `${stem}.backtest.csv`];
  for (const cls of input.classNames) sidecars.push(`${cls}.backtest.json`, `${cls}.backtest.csv`);
  for (const name of sidecars) {
    const file = path.join(strategyDir, name);
    if (fs.stat(file)) offer(file, 'sidecar', `sidecar file next to ${path.basename(strategyPath)}`, undefined, false);
  }

  // 2b. TradingView Strategy Tester exports next to a Pine script, named after the strategy
  // ("<Title>_<EXCHANGE>_<SYMBOL>_<date>.csv"), newest first.
  const pine = /\.(pine|pinescript)$/i.test(strategyPath);
  if (pine) for (const c of tradingViewExports(fs, strategyDir, [stem, ...input.classNames])) offer(c.file, 'sidecar', c.reason, undefined, false);

  // 3. freqtrade user_data layout.
  const userData = findUserData(fs, ws, strategyDir);
  if (userData) {
    for (const c of freqtradeCandidates(fs, ws, userData, input.classNames)) offer(c.file, 'freqtrade', c.reason, undefined, false);
  }

  // 4. LEAN project layout.
  const project = findLeanProject(fs, ws, strategyDir);
  if (project) for (const c of leanCandidates(fs, project)) offer(c.file, 'lean', c.reason, undefined, false);

  // 5. Settings globs, workspace-relative.
  const globs = (input.settingsGlobs ?? []).filter((g) => g.trim() !== '');
  const usable: string[] = [];
  for (const g of globs) {
    const norm = g.replace(/\\/g, '/');
    if (path.isAbsolute(g) || norm.split('/').includes('..')) out.push({ file: g, refused: 'settings glob must be relative to the workspace and may not contain ..', source: 'settings' });
    else usable.push(norm);
  }
  if (usable.length) {
    for (const file of walkFiles(fs, ws)) {
      const rel = ws.relative(file);
      const g = usable.find((pattern) => matchGlob(pattern, rel));
      if (g) offer(file, 'settings', `matches the results glob "${g}" from the settings`, undefined, false);
    }
  }
  return out;
}

/** The user_data folder above the strategy (freqtrade), without leaving the workspace. */
function findUserData(fs: ResultFs, ws: Workspace, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (!ws.check(dir).ok) return undefined;
    if (path.basename(dir) === 'user_data' && fs.stat(path.join(dir, 'backtest_results'))?.isDirectory) return dir;
    const ud = path.join(dir, 'user_data');
    if (fs.stat(ud)?.isDirectory) return ud;
    if (dir === ws.root || path.dirname(dir) === dir) return undefined;
  }
}

interface Found {
  file: string;
  reason: string;
}

/** Files of `dir` that `keep` accepts, newest first; `kind` names the filter (the memo key). */
function listFiles(fs: ResultFs, dir: string, kind: string, keep: (name: string) => boolean): readonly { file: string; mtimeMs: number }[] {
  return derived(fs, `list\0${kind}\0${dir}`, () => fs
    .readdir(dir)
    .filter(keep)
    .map((name) => ({ file: path.join(dir, name), st: fs.stat(path.join(dir, name)) }))
    .filter((e) => e.st?.isFile)
    .map((e) => ({ file: e.file, mtimeMs: e.st!.mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs || a.file.localeCompare(b.file)));
}

function freqtradeCandidates(fs: ResultFs, ws: Workspace, userData: string, classNames: string[]): Found[] {
  const found: Found[] = [];
  const results = path.join(userData, 'backtest_results');
  const isResult = (n: string) => (/\.(json|zip)$/i.test(n) && !n.endsWith('.meta.json') && !n.startsWith('.') && !n.endsWith('_config.json'));
  const files = listFiles(fs, results, 'freqtrade-results', isResult);
  // Every strategy of a bot looks through the same folder: remembered for the run (or until a
  // watched file changes), not re-read per strategy.
  const namesOf = (f: string) => derived(fs, `names\0${ws.root}\0${ws.realRoot}\0${f}`, () => (ws.check(f).ok ? freqtradeResultStrategies(fs, f) : []));
  const latest = readLastResult(fs, results);
  for (const cls of classNames) {
    if (latest && namesOf(latest).includes(cls)) {
      found.push({ file: latest, reason: `.last_result.json names ${path.basename(latest)}, which holds ${cls}` });
      continue;
    }
    const newest = files.find((f) => namesOf(f.file).includes(cls));
    if (newest) found.push({ file: newest.file, reason: `newest result in user_data/backtest_results holding ${cls}` });
  }
  // Every hyperopt run of the class counts towards N (trials are trials, whichever run made
  // them), newest first; bounded so a folder of thousands of runs cannot stall the server.
  const hyperopt = listFiles(fs, path.join(userData, 'hyperopt_results'), 'fthypt', (n) => n.endsWith('.fthypt'));
  for (const cls of classNames) {
    const runs = hyperopt.filter((f) => hyperoptIsFor(fs, f.file, cls)).slice(0, MAX_HYPEROPT_RUNS);
    runs.forEach((f, i) => found.push({
      file: f.file,
      reason: i === 0 ? `newest hyperopt result for ${cls} in user_data/hyperopt_results (run 1 of ${runs.length})` : `hyperopt run ${i + 1} of ${runs.length} for ${cls} in user_data/hyperopt_results`,
    }));
  }
  return found;
}

/** The file `.last_result.json` points at (a plain name in the same folder), if it exists. */
function readLastResult(fs: ResultFs, resultsDir: string): string | undefined {
  const bytes = fs.readPart(path.join(resultsDir, '.last_result.json'), 4096);
  if (!bytes) return undefined;
  try {
    const name: unknown = JSON.parse(Buffer.from(bytes).toString('utf8')).latest_backtest;
    if (typeof name !== 'string' || name !== path.basename(name) || name === '..' || name === '.') return undefined;
    const file = path.join(resultsDir, name);
    return fs.stat(file)?.isFile ? file : undefined;
  } catch {
    return undefined;
  }
}

/** A LEAN project: a folder (the strategy's or above) with main.py and backtests/. */
function findLeanProject(fs: ResultFs, ws: Workspace, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (!ws.check(dir).ok) return undefined;
    if (fs.stat(path.join(dir, 'main.py'))?.isFile && fs.stat(path.join(dir, 'backtests'))?.isDirectory) return dir;
    if (dir === ws.root || path.dirname(dir) === dir) return undefined;
  }
}

function leanCandidates(fs: ResultFs, project: string): Found[] {
  const found: Found[] = [];
  const backtests = path.join(project, 'backtests');
  // LEAN CLI names the folders yyyy-MM-dd_HH-mm-ss, which sort by time as text.
  const runs = fs
    .readdir(backtests)
    .filter((n) => fs.stat(path.join(backtests, n))?.isDirectory)
    .sort((a, b) => (b > a ? 1 : b < a ? -1 : 0));
  const newest = runs[0];
  if (newest) {
    const isResult = (n: string) => n.endsWith('.json') && !/order-events|data-monitor-report|insights|-log\b/.test(n) && n !== 'config.json';
    const files = [...listFiles(fs, path.join(backtests, newest), 'lean-run', isResult)].sort((a, b) => Number(a.file.endsWith('-summary.json')) - Number(b.file.endsWith('-summary.json')));
    // One file per LEAN CLI run: `<id>.json` (the loader completes it from `<id>-summary.json`
    // and `<id>-order-events.json`), or the summary alone when the main file is missing.
    const mainIds = new Set(files.map((f) => /^(\d+)\.json$/.exec(path.basename(f.file))?.[1]).filter(Boolean));
    for (const f of files) {
      const summaryOf = /^(\d+)-summary\.json$/.exec(path.basename(f.file))?.[1];
      if (summaryOf && mainIds.has(summaryOf)) continue;
      found.push({ file: f.file, reason: `LEAN project: newest backtest folder backtests/${newest}` });
    }
  }
  const config = path.join(project, 'config.json');
  if (fs.stat(config)?.isFile) found.push({ file: config, reason: 'LEAN project config.json (parameters)' });
  return found;
}

/** Files under the workspace, bounded in count and depth; symlinked folders are not entered. */
function walkFiles(fs: ResultFs, ws: Workspace): string[] {
  const files: string[] = [];
  let visited = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_WALK_DEPTH) return;
    for (const name of fs.readdir(dir).sort()) {
      if (++visited > MAX_WALK_ENTRIES) return;
      const p = path.join(dir, name);
      const st = fs.stat(p);
      if (!st) continue;
      if (st.isDirectory) {
        if (!st.isSymbolicLink && !SKIP_DIRS.has(name)) walk(p, depth + 1);
      } else if (st.isFile) files.push(p);
    }
  };
  walk(ws.root, 0);
  return files;
}

const MAX_TRADINGVIEW_EXPORTS = 5;
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/** `.csv`/`.xlsx` files in the script's folder whose name starts with its title or file name. */
function tradingViewExports(fs: ResultFs, dir: string, names: string[]): Found[] {
  const prefixes = [...new Set(names.map(squash).filter((n) => n.length >= 3))];
  const matches = (file: string) => {
    const base = squash(file.replace(/\.(csv|xlsx)$/i, ''));
    // What follows the title is the export's "_<EXCHANGE>_<SYMBOL>_<date>": a longer title ("EMA
    // Pullback v2") is another strategy.
    return prefixes.find((p) => base === p || (base.startsWith(`${p}_`) && /^_([a-z0-9]+_){0,2}\d{4}_\d{2}_\d{2}/.test(base.slice(p.length))));
  };
  return listFiles(fs, dir, `tradingview\0${prefixes.join('\0')}`, (n) => /\.(csv|xlsx)$/i.test(n) && matches(n) !== undefined && !/\.backtest\.csv$/i.test(n))
    .slice(0, MAX_TRADINGVIEW_EXPORTS)
    .map((f) => ({ file: f.file, reason: `TradingView export named after the strategy ("${path.basename(f.file)}")` }));
}
