// `npm test`: every suite, in order, with a summary. The report and editor suites need system
// packages (chromium, neovim, and libkrb5-dev to build code-server once): they are installed
// with apt when that is possible (root or passwordless sudo), otherwise those suites are
// SKIPPED with the exact command that installs and runs them. Under CI=true a skipped suite
// fails the run. `--dry-run` prints the plan without running anything.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export type SystemPackage = 'chromium' | 'neovim' | 'libkrb5-dev';
export const APT_PACKAGES: SystemPackage[] = ['chromium', 'libkrb5-dev', 'neovim'];

export interface Suite {
  name: string;
  command: string;
  /** System packages the suite cannot run without. */
  needs: SystemPackage[];
  /** Suites whose failure makes this one meaningless (it reads their output). */
  after?: string[];
}

export interface Probe {
  missing: SystemPackage[];
  /** How apt can be run: '' as root, 'sudo -n' with passwordless sudo, undefined when it cannot. */
  aptPrefix: string | undefined;
  ci: boolean;
  /** STRATEGY_LINT_NO_APT=1: never install, only report. */
  noApt: boolean;
}

export type Plan =
  | { kind: 'run'; suite: Suite }
  | { kind: 'skip'; suite: Suite; missing: SystemPackage[]; command: string };

/** Suites and what they need; libkrb5-dev only while code-server still has to be built. */
export function suites(codeServerInstalled: boolean): Suite[] {
  return [
    { name: 'typecheck', command: 'npm run -s typecheck', needs: [] },
    { name: 'build', command: 'npm run -s build', needs: [] },
    { name: 'unit', command: 'npm run -s test:unit', needs: [] },
    { name: 'accuracy', command: 'npm run -s bench:accuracy -- --gate', needs: [] },
    { name: 'protocol', command: 'npm run -s test:protocol', needs: [], after: ['build'] },
    { name: 'report', command: 'npm run -s test:report', needs: ['chromium'], after: ['build'] },
    { name: 'editors', command: 'npm run -s test:editors', needs: codeServerInstalled ? ['chromium', 'neovim'] : ['chromium', 'neovim', 'libkrb5-dev'], after: ['build'] },
  ];
}

export function installCommand(packages: SystemPackage[]): string {
  return `sudo apt-get install -y ${[...packages].sort().join(' ')}`;
}

/** Which suites run and which are skipped, once any installation has been tried. */
export function plan(all: Suite[], missing: SystemPackage[]): Plan[] {
  return all.map((suite) => {
    const lacking = suite.needs.filter((p) => missing.includes(p));
    if (lacking.length === 0) return { kind: 'run', suite };
    return { kind: 'skip', suite, missing: lacking, command: `${installCommand(lacking)} && ${suite.command}` };
  });
}

/** Exit status: any failure fails; a skip fails only under CI. */
export function exitCode(results: { status: 'passed' | 'failed' | 'skipped' }[], ci: boolean): number {
  if (results.some((r) => r.status === 'failed')) return 1;
  if (ci && results.some((r) => r.status === 'skipped')) return 1;
  return 0;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debInstalled(name: string): boolean | undefined {
  if (!has('dpkg-query')) return undefined;
  const out = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.includes('install ok installed');
}

export function probe(env: NodeJS.ProcessEnv = process.env): Probe {
  const missing: SystemPackage[] = [];
  const chromium = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) missing.push('chromium');
  if (!has('nvim')) missing.push('neovim');
  const krb = debInstalled('libkrb5-dev') ?? fs.existsSync('/usr/include/krb5.h');
  if (!krb) missing.push('libkrb5-dev');
  let aptPrefix: string | undefined;
  if (has('apt-get')) {
    if (process.getuid?.() === 0) aptPrefix = '';
    else if (has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) aptPrefix = 'sudo -n';
  }
  return { missing, aptPrefix, ci: env.CI === 'true' || env.CI === '1', noApt: env.STRATEGY_LINT_NO_APT === '1' };
}

function sh(command: string, env: NodeJS.ProcessEnv = process.env): number {
  return spawnSync('sh', ['-c', command], { stdio: 'inherit', env }).status ?? 1;
}

function aptInstall(prefix: string, packages: SystemPackage[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const p = prefix ? `${prefix} ` : '';
  console.log(`\n== installing system packages: ${p}apt-get install -y ${packages.join(' ')}`);
  return sh(`${p}apt-get update -qq </dev/null && ${p}apt-get install -y -qq ${packages.join(' ')} </dev/null >/dev/null`, env) === 0;
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  const root = path.resolve(__dirname, '..');
  const codeServerInstalled = fs.existsSync(path.join(root, '.e2e', 'code-server', '.ok'));
  const all = suites(codeServerInstalled);
  const found = probe();
  const needed = APT_PACKAGES.filter((p) => found.missing.includes(p) && all.some((s) => s.needs.includes(p)));
  let missing = needed;
  if (needed.length && !dryRun) {
    if (found.noApt) console.log(`\n== STRATEGY_LINT_NO_APT=1: not installing ${needed.join(', ')}`);
    else if (found.aptPrefix === undefined) console.log(`\n== ${needed.join(', ')} missing, and no root or passwordless sudo to install them`);
    else if (aptInstall(found.aptPrefix, needed)) missing = probe().missing.filter((p) => needed.includes(p));
    else console.log(`\n== apt-get failed: ${needed.join(', ')} still missing`);
  }
  const steps = plan(all, missing);
  const results: { name: string; status: 'passed' | 'failed' | 'skipped'; seconds: number; note?: string }[] = [];
  for (const step of steps) {
    const started = Date.now();
    if (step.kind === 'skip') {
      results.push({ name: step.suite.name, status: 'skipped', seconds: 0, note: `needs ${step.missing.join(', ')}; run: ${step.command}` });
      continue;
    }
    const broken = step.suite.after?.find((dep) => results.find((r) => r.name === dep)?.status === 'failed');
    if (broken) {
      results.push({ name: step.suite.name, status: 'failed', seconds: 0, note: `not run: ${broken} failed` });
      continue;
    }
    if (dryRun) {
      results.push({ name: step.suite.name, status: 'passed', seconds: 0, note: `would run: ${step.suite.command}` });
      continue;
    }
    console.log(`\n== ${step.suite.name}: ${step.suite.command}`);
    const status = sh(step.suite.command) === 0 ? 'passed' : 'failed';
    results.push({ name: step.suite.name, status, seconds: Math.round((Date.now() - started) / 1000) });
  }
  console.log('\n== summary');
  for (const r of results) {
    const label = r.status === 'skipped' ? 'SKIPPED' : dryRun ? 'PLANNED' : r.status === 'passed' ? 'PASS' : 'FAIL';
    console.log(`  ${label.padEnd(7)} ${r.name}${r.seconds ? ` (${r.seconds}s)` : ''}${r.note ? `: ${r.note}` : ''}`);
  }
  const code = exitCode(results, found.ci);
  if (found.ci && results.some((r) => r.status === 'skipped')) console.log('  CI=true: a skipped suite fails the run');
  process.exitCode = code;
}

if (require.main === module) main();
