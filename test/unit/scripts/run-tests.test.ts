// `npm test` (scripts/run-tests.ts): which suites run, which are skipped and with what command,
// and when a skip fails the run.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { exitCode, plan, suites } from '../../../scripts/run-tests';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('npm test: suite plan', () => {
  it('runs every suite when nothing is missing', () => {
    assert.deepEqual(plan(suites(false), []).map((p) => p.kind), Array(7).fill('run'));
  });

  it('skips only the suites that need a missing package, with the command that installs it and runs them', () => {
    const steps = plan(suites(true), ['chromium', 'neovim']);
    const skipped = steps.filter((s) => s.kind === 'skip');
    assert.deepEqual(skipped.map((s) => s.suite.name), ['report', 'editors']);
    const editors = skipped.find((s) => s.suite.name === 'editors')!;
    assert.equal(editors.kind === 'skip' && editors.command, 'sudo apt-get install -y chromium neovim && npm run -s test:editors');
    assert.deepEqual(steps.filter((s) => s.kind === 'run').map((s) => s.suite.name), ['typecheck', 'build', 'unit', 'accuracy', 'protocol']);
  });

  it('needs libkrb5-dev only while code-server has still to be built', () => {
    assert.equal(plan(suites(true), ['libkrb5-dev']).every((s) => s.kind === 'run'), true);
    assert.deepEqual(plan(suites(false), ['libkrb5-dev']).filter((s) => s.kind === 'skip').map((s) => s.suite.name), ['editors']);
  });

  it('a skipped suite fails the run under CI only; a failure always does', () => {
    assert.equal(exitCode([{ status: 'passed' }, { status: 'skipped' }], false), 0);
    assert.equal(exitCode([{ status: 'passed' }, { status: 'skipped' }], true), 1);
    assert.equal(exitCode([{ status: 'failed' }], false), 1);
    assert.equal(exitCode([{ status: 'passed' }], true), 0);
  });

  it('from the command line: a missing Chromium is reported as SKIPPED, and CI=true fails', function () {
    this.timeout(60000);
    const run = (ci: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/run-tests.ts', '--dry-run'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CI: ci, CHROMIUM_PATH: '/nonexistent/chromium', STRATEGY_LINT_NO_APT: '1' },
      });
    const local = run('');
    assert.equal(local.status, 0, local.stderr);
    assert.match(local.stdout, /SKIPPED report: needs chromium; run: sudo apt-get install -y chromium && npm run -s test:report/);
    assert.match(local.stdout, /SKIPPED editors: needs chromium/);
    const ci = run('true');
    assert.equal(ci.status, 1);
    assert.match(ci.stdout, /CI=true: a skipped suite fails the run/);
  });
});
