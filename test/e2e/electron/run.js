// `npm run test:electron`: the same extension-host suite as code-server (test/e2e/suite/),
// run in desktop VS Code through @vscode/test-electron's runTests.
//
// runTests downloads VS Code from update.code.visualstudio.com. Where that host is unreachable
// (as on our CI machine) this fails fast with a clear message: use `npm run test:editors`, which
// runs the same suite inside code-server. To use a VS Code that is already installed, set
// VSCODE_EXECUTABLE_PATH (no download then). VSCODE_VERSION picks the version to download.
'use strict';
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '../../..');
const WORK = path.join(REPO, '.e2e', 'run', 'electron');
const RESULT = path.join(WORK, 'result.json');

function offline(message) {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|network|certificate/i.test(message);
}

async function main() {
  let runTests;
  try {
    ({ runTests } = require('@vscode/test-electron'));
  } catch (e) {
    console.error('test:electron: @vscode/test-electron is not installed (run npm ci).');
    return 1;
  }
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const workspace = path.join(WORK, 'ws');
  // The same sample workspace as test/e2e/lib/make-workspace.sh: the example strategy in a freqtrade layout.
  const strategies = path.join(workspace, 'user_data', 'strategies');
  fs.mkdirSync(strategies, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'examples', 'freqtrade', 'user_data', 'strategies', 'BandRiderStrategy.py'), path.join(strategies, 'BandRiderStrategy.py'));

  const options = {
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'test', 'e2e', 'suite', 'index.js'),
    extensionTestsEnv: { STRATEGY_LINT_E2E_RESULT: RESULT },
    cachePath: path.join(REPO, '.e2e', 'vscode-test'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(WORK, 'user-data')}`,
      `--extensions-dir=${path.join(WORK, 'extensions')}`,
    ],
  };
  if (process.env.VSCODE_EXECUTABLE_PATH) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  else options.version = process.env.VSCODE_VERSION || 'stable';

  const t0 = Date.now();
  let exitCode;
  try {
    exitCode = await runTests(options);
  } catch (e) {
    const message = String((e && e.message) || e);
    if (!options.vscodeExecutablePath && offline(message)) {
      console.error(
        [
          `test:electron: FAIL: could not download VS Code (${message.split('\n')[0]}).`,
          '  @vscode/test-electron fetches VS Code from update.code.visualstudio.com, which this machine cannot reach.',
          '  Run the same extension-host suite in code-server instead: npm run test:editors',
          '  or point VSCODE_EXECUTABLE_PATH at an installed VS Code.',
        ].join('\n'),
      );
      return 1;
    }
    console.error(`test:electron: FAIL: ${message}`);
    return 1;
  }
  let result = null;
  try {
    result = JSON.parse(fs.readFileSync(RESULT, 'utf8'));
  } catch {
    // no result: reported below
  }
  if (!result) {
    console.error(`test:electron: FAIL: VS Code exited with ${exitCode} and the suite wrote no result (${RESULT}).`);
    return 1;
  }
  for (const t of result.tests) {
    console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}`);
    if (t.error) console.log(`       ${t.error.split('\n').slice(0, 6).join('\n       ')}`);
  }
  const ok = result.ok && exitCode === 0;
  console.log(`test:electron: ${ok ? 'PASS' : 'FAIL'}: ${result.passed} passed, ${result.failed} failed in ${Date.now() - t0} ms (VS Code exit ${exitCode})`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`test:electron: FAIL: ${(e && e.stack) || e}`);
  process.exit(1);
});
