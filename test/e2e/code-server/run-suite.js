// Harness for the extension-host suite (test/e2e/suite) in code-server.
// code-server must run with `--vscode-option enable-smoke-test-driver`; this opens the
// `payload` URL that loads the extension from the repo (extensionDevelopmentPath) and runs
// test/e2e/suite/index.js (extensionTestsPath) inside the real extension host, then decides
// PASS/FAIL from the result file the suite writes (code-server gives no exit code for it).
//
// usage: node run-suite.js <base-url> <workspace-dir> <result-file>
// Retries only the editor start-up (page load until the suite reports it started), never the tests.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, logger } = require('./chromium');

const [base, workspace, resultFile] = process.argv.slice(2);
if (!base || !workspace || !resultFile) {
  console.error('usage: node run-suite.js <base-url> <workspace-dir> <result-file>');
  process.exit(2);
}
const REPO = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 90000; // workbench + extension host up, suite started
const SUITE_TIMEOUT_MS = 240000; // the suite itself (mocha per-test timeouts are 60 s)
const log = logger();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function payloadUrl() {
  const host = new URL(base).host;
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO)],
    ['extensionTestsPath', remote(path.join(REPO, 'test/e2e/suite/index.js'))],
  ];
  return `${base.replace(/\/$/, '')}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function waitForFile(file, timeoutMs) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (fs.existsSync(file)) return true;
    await sleep(200);
  }
  return false;
}

(async () => {
  for (const f of [resultFile, `${resultFile}.started`]) fs.rmSync(f, { force: true });
  const browser = await launch();
  let result = null;
  try {
    let started = false;
    for (let attempt = 1; attempt <= 2 && !started; attempt++) {
      const page = await browser.newPage();
      page.on('console', (m) => {
        // The extension host forwards its console to the page; show only errors about us
        // (per-test results are printed from the result file below).
        const t = m.text().replace(/%c\s*(\S+)\s+color:\s*#\w+\s*/, '$1 ');
        if (m.type() === 'error' && /strateg|extension-host suite|mocha/i.test(t)) console.log('  console:', t.slice(0, 600));
      });
      log(`attempt ${attempt}: opening workbench with the extension under development`);
      await page.goto(payloadUrl(), { timeout: 60000 }).catch((e) => log('goto:', e.message));
      started = await waitForFile(`${resultFile}.started`, START_TIMEOUT_MS);
      if (!started) {
        log(`attempt ${attempt}: the suite did not start within ${START_TIMEOUT_MS / 1000}s`);
        await page.screenshot({ path: path.join(path.dirname(resultFile), `ext-host-start-fail-${attempt}.png`) }).catch(() => {});
        await page.close().catch(() => {});
      }
    }
    if (!started) throw new Error('editor start-up failed twice: the extension-host suite never started');
    log('suite started inside the extension host');
    if (!(await waitForFile(resultFile, SUITE_TIMEOUT_MS))) throw new Error(`no result file within ${SUITE_TIMEOUT_MS / 1000}s`);
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch (e) {
    log('ERROR', e.message);
  } finally {
    await browser.close().catch(() => {});
  }
  if (result) {
    for (const t of result.tests) {
      console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${t.durationMs != null ? ` (${t.durationMs} ms)` : ''}`);
      if (t.error) console.log(`       ${t.error.split('\n').slice(0, 6).join('\n       ')}`);
    }
    if (result.error) console.log(`  suite error: ${result.error}`);
    log(`ext-host suite: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending in ${result.durationMs} ms (node ${result.node})`);
  }
  const ok = !!(result && result.ok);
  log(ok ? 'PASS' : 'FAIL');
  process.exit(ok ? 0 : 1);
})();
