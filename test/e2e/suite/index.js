// Entry point for extension-host tests (the `extensionTestsPath` contract shared by
// @vscode/test-electron and code-server's payload URL): `run()` executes INSIDE the real
// extension host, with the real `vscode` API, and runs every *.test.js beside it with mocha.
//
// The result goes to a JSON file (the harness decides PASS/FAIL from it, since code-server
// does not turn a rejected run() into an exit code):
//   STRATEGY_LINT_E2E_RESULT  result file (default <repo>/.e2e/run/ext-host-result.json)
// A "<result>.started" marker is written first, so a harness can tell "editor never started
// the suite" (retryable) from "suite ran and failed" (never retried).
'use strict';
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '../../..');

function resultPath() {
  return process.env.STRATEGY_LINT_E2E_RESULT || path.join(REPO, '.e2e', 'run', 'ext-host-result.json');
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2));
  fs.renameSync(tmp, file); // atomic: the harness never reads half a file
}

function loadMocha() {
  const m = require('mocha'); // mocha 12 is ESM; require(esm) works on Node >= 20.19 / 22.12 / 24
  return m.default || m.Mocha || m;
}

exports.run = async function run() {
  const file = resultPath();
  const started = Date.now();
  writeJson(`${file}.started`, { pid: process.pid, node: process.version, at: new Date().toISOString() });
  const result = { ok: false, passed: 0, failed: 0, pending: 0, tests: [], durationMs: 0, node: process.version };
  try {
    const Mocha = loadMocha();
    const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
    const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
    for (const f of files) mocha.addFile(path.join(__dirname, f));
    // loadFiles() uses require(), so `require('vscode')` in the tests goes through the extension
    // host's module interceptor.
    mocha.loadFiles();
    await new Promise((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err) =>
        result.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String((err && err.stack) || err) }),
      );
      runner.on('pending', (t) => result.tests.push({ title: t.fullTitle(), state: 'pending' }));
    });
    result.passed = result.tests.filter((t) => t.state === 'passed').length;
    result.failed = result.tests.filter((t) => t.state === 'failed').length;
    result.pending = result.tests.filter((t) => t.state === 'pending').length;
    result.ok = result.failed === 0 && result.passed > 0;
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  result.durationMs = Date.now() - started;
  writeJson(file, result);
  if (!result.ok) throw new Error(`extension-host suite failed: ${result.failed} failed${result.error ? `; ${result.error}` : ''}`);
};
