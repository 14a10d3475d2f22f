// Headless Chromium render test of the overfitting report (`node test/e2e/report/run.js`).
// For each bundled example it runs the built CLI (`dist/cli.js report`, after building), opens
// the self-contained HTML offline, waits for the charts, checks the drawn marks and the
// data attributes against the report data (`report --json`), checks that nothing was fetched,
// no CSP violation and no console error happened, and saves screenshots to test/artifacts/tmp/ (ignored; `npm run screenshots` refreshes the tracked ones).
// Prints 'N passed, N failed'; exits 1 on any failure.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
// Screenshots go to an ignored folder; `npm run screenshots` points this elsewhere for the README.
const ARTIFACTS = process.env.STRATEGY_LINT_SCREENSHOTS || path.join(ROOT, 'test', 'artifacts', 'tmp');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CASES = [
  { name: 'freqtrade-bandrider', file: 'freqtrade/user_data/strategies/BandRiderStrategy.py', expect: { equity: true, dsr: true, pbo: false, spans: ['in-sample', 'out-of-sample'] } },
  { name: 'freqtrade-trendpullback', file: 'freqtrade/user_data/strategies/TrendPullbackStrategy.py', expect: { equity: true, dsr: true, pbo: false, spans: ['in-sample', 'out-of-sample'] } },
  { name: 'lean-momentum', file: 'lean/MomentumRotation/main.py', expect: { equity: true, dsr: true, pbo: false, spans: ['in-sample', 'out-of-sample'] } },
  { name: 'vectorbt-sweep', file: 'vectorbt/ma_sweep.py', expect: { equity: true, dsr: true, pbo: true, trialHistogram: true, spans: [] } },
  { name: 'backtrader-grid', file: 'backtrader/sma_cross.py', expect: { equity: true, dsr: true, pbo: false, spans: [] } },
  { name: 'sklearn-no-results', file: 'sklearn/return_forecast.py', expect: { strategies: 0 } },
];

let passed = 0;
let failed = 0;
const failures = [];
function check(label, condition, detail = '') {
  if (condition) passed++;
  else {
    failed++;
    failures.push(`${label}${detail ? `: ${detail}` : ''}`);
    console.log(`  FAIL ${label}${detail ? `: ${detail}` : ''}`);
  }
}
const close = (a, b, tol = 1e-6) => Math.abs(Number(a) - Number(b)) <= tol * Math.max(1, Math.abs(Number(b)));

function build() {
  if (process.env.SKIP_BUILD) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['esbuild.report.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

function cli(args) {
  return execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: EXAMPLES, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Number of vertices in an SVG path's d attribute (M/L commands; Plot draws lines with them). */
function vertices(d) {
  return (d.match(/[ML]/g) || []).length;
}

async function inspect(page) {
  return page.evaluate(() => {
    const charts = [...document.querySelectorAll('[data-chart]')].map((el) => ({
      kind: el.dataset.chart,
      index: Number(el.dataset.strategyIndex),
      rendered: el.dataset.rendered,
      data: { ...el.dataset },
      equityPaths: [...el.querySelectorAll('g[aria-description="equity"] path')].map((p) => p.getAttribute('d')),
      inSampleRects: el.querySelectorAll('svg:first-child g[aria-description="in-sample span"] rect').length,
      outOfSampleRects: el.querySelectorAll('svg:first-child g[aria-description="out-of-sample span"] rect').length,
      drawdownPaths: el.querySelectorAll('g[aria-description="drawdown"] path').length,
      expectedMaxLines: el.querySelectorAll('g[aria-description="expected max"] line').length,
      chosenLines: el.querySelectorAll('g[aria-description="chosen sharpe"] line').length,
      trialRects: [...el.querySelectorAll('g[aria-description="trial sharpes"] rect')].map((r) => Number(r.getAttribute('height'))),
      nullAreas: el.querySelectorAll('g[aria-description="null distribution"] path').length,
      logitRects: el.querySelectorAll('g[aria-description="logit bins"] rect').length,
      pairDots: el.querySelectorAll('g[aria-description="is-oos pairs"] circle').length,
      fitLines: el.querySelectorAll('g[aria-description="degradation fit"] path').length,
      bars: [...el.querySelectorAll('.bar')].map((b) => ({ ...b.dataset, valueRects: b.querySelectorAll('g[aria-description="value"] rect').length, thresholdLines: b.querySelectorAll('g[aria-description="threshold"] line').length })),
    }));
    const termLinks = [...document.querySelectorAll('a[data-term]')].map((a) => a.dataset.term);
    const definedTerms = [...document.querySelectorAll('#glossary dt')].map((dt) => dt.id.replace(/^term-/, ''));
    const verdicts = [...document.querySelectorAll('figcaption.verdict')].map((v) => ({ level: v.dataset.level, text: v.querySelector('.text').textContent }));
    return { charts, termLinks, definedTerms, verdicts, rendered: document.body.dataset.chartsRendered, violations: window.__violations || [] };
  });
}

async function open(browser, html, { colorScheme = 'light', vscodeVars } = {}) {
  const file = path.join(os.tmpdir(), `strategy-lint-report-${process.pid}-${Math.random().toString(36).slice(2)}.html`);
  fs.writeFileSync(file, html);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme, deviceScaleFactor: 1 });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') && url.includes(path.basename(file))) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript((vars) => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (vars) document.addEventListener('DOMContentLoaded', () => { for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v); });
  }, vscodeVars || null);
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => document.body.dataset.chartsRendered !== undefined, null, { timeout: 15000 });
  return { page, context, requests, errors, cleanup: async () => { await context.close(); fs.rmSync(file, { force: true }); } };
}

async function runCase(browser, c) {
  console.log(`- ${c.name} (${c.file})`);
  const out = path.join(os.tmpdir(), `report-${c.name}-${process.pid}.html`);
  cli(['report', c.file, '-o', out]);
  const data = JSON.parse(cli(['report', c.file, '--json', '-o', '-']));
  const html = fs.readFileSync(out, 'utf8');
  fs.rmSync(out, { force: true });
  check(`${c.name}: no remote references in the HTML`, !/\b(src|href)="(https?:)?\/\/(?!term\.)/.test(html.replace(/<dd>[\s\S]*?<\/dd>/g, '')));
  check(`${c.name}: CSP meta with nonce`, /Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-/.test(html));
  const view = await open(browser, html);
  try {
    const dom = await inspect(view.page);
    check(`${c.name}: no network requests`, view.requests.length === 0, view.requests.join(', '));
    check(`${c.name}: no console errors`, view.errors.length === 0, view.errors.join(' | '));
    check(`${c.name}: no CSP violations`, dom.violations.length === 0, dom.violations.join(', '));
    if (c.expect.strategies === 0) {
      check(`${c.name}: no strategies, a note`, data.strategies.length === 0 && data.notes.length > 0 && dom.charts.length === 0);
      await view.page.screenshot({ path: path.join(ARTIFACTS, `report-${c.name}.png`), fullPage: true });
      return;
    }
    check(`${c.name}: one strategy section or more`, data.strategies.length >= 1);
    const s = data.strategies[0];
    const charts = dom.charts.filter((ch) => ch.index === 0);
    const chart = (kind) => charts.find((ch) => ch.kind === kind);
    check(`${c.name}: every chart rendered`, dom.charts.every((ch) => ch.rendered === 'true'), JSON.stringify(dom.charts.map((ch) => [ch.kind, ch.rendered])));
    // Equity.
    if (c.expect.equity) {
      const eq = chart('equity');
      check(`${c.name}: equity chart present`, !!eq && !!s.equity);
      if (eq && s.equity) {
        check(`${c.name}: equity data-points = model points`, Number(eq.data.points) === s.equity.points.length, `${eq.data.points} vs ${s.equity.points.length}`);
        check(`${c.name}: equity line has one vertex per point`, eq.equityPaths.length === 1 && vertices(eq.equityPaths[0]) === s.equity.points.length, `${eq.equityPaths.map(vertices)} vs ${s.equity.points.length}`);
        check(`${c.name}: final equity`, close(eq.data.finalEquity, s.equity.points[s.equity.points.length - 1].equity));
        check(`${c.name}: max drawdown = -min(drawdown)`, close(eq.data.maxDrawdown, -Math.min(...s.equity.points.map((p) => p.drawdown))));
        check(`${c.name}: drawdown area drawn`, eq.drawdownPaths === 1);
        const kinds = [...new Set(s.equity.spans.map((sp) => sp.kind))].sort();
        check(`${c.name}: spans ${c.expect.spans.join('+') || 'none'}`, JSON.stringify(kinds) === JSON.stringify([...c.expect.spans].sort()), JSON.stringify(s.equity.spans));
        check(`${c.name}: one shaded rect per span`, eq.inSampleRects === s.equity.spans.filter((x) => x.kind === 'in-sample').length && eq.outOfSampleRects === s.equity.spans.filter((x) => x.kind === 'out-of-sample').length, `${eq.inSampleRects}/${eq.outOfSampleRects}`);
      }
    }
    // Deflated Sharpe.
    if (c.expect.dsr) {
      const d = chart('dsr');
      check(`${c.name}: DSR chart present`, !!d && !!s.dsr);
      if (d && s.dsr) {
        check(`${c.name}: expected max rule at E[max SR]`, d.expectedMaxLines === 1 && close(d.data.expectedMax, s.dsr.expectedMax));
        check(`${c.name}: chosen Sharpe rule`, d.chosenLines === 1 && close(d.data.sharpe, s.dsr.sharpe));
        check(`${c.name}: N trials`, Number(d.data.trials) === s.dsr.trials);
        if (c.expect.trialHistogram) {
          check(`${c.name}: trial histogram drawn from the trials`, d.data.distribution === 'trials' && d.trialRects.length === s.dsr.histogram.length);
          const counts = d.data.bins.split(',').map(Number);
          check(`${c.name}: histogram counts add up to the trials`, counts.reduce((a, b) => a + b, 0) === s.dsr.trialSharpes.length, `${counts.reduce((a, b) => a + b, 0)} vs ${s.dsr.trialSharpes.length}`);
          check(`${c.name}: empty bins have no height`, d.trialRects.every((h, i) => (counts[i] === 0) === !(h > 0)));
        } else {
          check(`${c.name}: null distribution drawn`, d.data.distribution === 'null' && d.nullAreas === 1);
        }
      }
    }
    // PBO.
    const p = chart('pbo');
    check(`${c.name}: PBO chart ${c.expect.pbo ? 'present' : 'absent'}`, !!p === !!c.expect.pbo && !!s.pbo === !!c.expect.pbo);
    if (p && s.pbo) {
      check(`${c.name}: logit bins = model bins`, p.logitRects === s.pbo.logitBins.length && p.data.logitBins === s.pbo.logitBins.map((b) => b.count).join(','));
      check(`${c.name}: logits counted`, s.pbo.logitBins.reduce((a, b) => a + b.count, 0) === s.pbo.logitCount && s.pbo.logitCount === s.pbo.combinations);
      const below = s.pbo.logitBins.filter((b) => b.x1 <= 0).reduce((a, b) => a + b.count, 0);
      check(`${c.name}: PBO = share of logits <= 0 (bins)`, Math.abs(below / s.pbo.logitCount - s.pbo.pbo) < 1e-9, `${below / s.pbo.logitCount} vs ${s.pbo.pbo}`);
      check(`${c.name}: one dot per IS/OOS pair`, p.pairDots === s.pbo.pairs.length && p.pairDots > 100, `${p.pairDots} vs ${s.pbo.pairs.length}`);
      check(`${c.name}: degradation line`, p.fitLines === 1 && close(p.data.slope, s.pbo.degradation.slope));
    }
    // Sample and parameters.
    const sample = chart('sample');
    check(`${c.name}: sample bars = model bars`, !!sample && sample.bars.length === s.sample.bars.length && s.sample.bars.length > 0);
    if (sample) {
      s.sample.bars.forEach((b, i) => {
        const drawn = sample.bars[i];
        check(`${c.name}: bar ${b.id} value/threshold/pass`, drawn && drawn.id === b.id && close(drawn.value, b.value) && close(drawn.threshold, b.threshold) && drawn.pass === String(b.pass) && drawn.valueRects === 1 && drawn.thresholdLines === 1, JSON.stringify(drawn));
      });
    }
    // Verdicts and glossary.
    const expectedCharts = [s.equity, s.dsr, s.pbo].filter(Boolean).length + 1;
    check(`${c.name}: one verdict per chart`, dom.verdicts.length >= expectedCharts && dom.verdicts.every((v) => v.text.length > 20));
    check(`${c.name}: every term link has a definition`, dom.termLinks.length > 0 && dom.termLinks.every((t) => dom.definedTerms.includes(t)), JSON.stringify(dom.termLinks.filter((t) => !dom.definedTerms.includes(t))));
    await view.page.screenshot({ path: path.join(ARTIFACTS, `report-${c.name}.png`), fullPage: true });
    if (c.name === 'vectorbt-sweep') {
      await view.page.locator('#pbo-0').screenshot({ path: path.join(ARTIFACTS, 'report-pbo-chart.png') });
      await view.page.locator('#dsr-0').screenshot({ path: path.join(ARTIFACTS, 'report-dsr-chart.png') });
    }
  } finally {
    await view.cleanup();
  }
}

/** The webview flavour: colours from VS Code's theme variables (a dark theme's values). */
async function runVscodeFlavor(browser) {
  console.log('- vscode flavour (dark theme variables)');
  const { renderReportHtml } = loadRenderer();
  const data = JSON.parse(cli(['report', 'freqtrade/user_data/strategies/BandRiderStrategy.py', '--json', '-o', '-']));
  const script = fs.readFileSync(path.join(ROOT, 'dist', 'report-browser.js'), 'utf8');
  const html = renderReportHtml(data, { script, flavor: 'vscode' });
  const vars = {
    '--vscode-editor-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-editorWidget-background': '#202020',
    '--vscode-descriptionForeground': '#9d9d9d', '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185',
    '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700', '--vscode-textLink-foreground': '#4daafc', '--vscode-font-family': 'system-ui',
    '--vscode-panel-border': '#2b2b2b', '--vscode-editor-font-family': 'monospace',
  };
  const view = await open(browser, html, { colorScheme: 'dark', vscodeVars: vars });
  try {
    const dom = await inspect(view.page);
    check('vscode: charts rendered, no CSP violation, no request', Number(dom.rendered) >= 3 && dom.violations.length === 0 && view.requests.length === 0 && view.errors.length === 0, JSON.stringify({ r: dom.rendered, v: dom.violations, q: view.requests, e: view.errors }));
    const bg = await view.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    check('vscode: background from --vscode-editor-background', bg === 'rgb(31, 31, 31)', bg);
    const stroke = await view.page.evaluate(() => getComputedStyle(document.querySelector('g[aria-description="equity"] path')).stroke);
    check('vscode: equity line uses --vscode-charts-blue', stroke === 'rgb(55, 148, 255)', stroke);
    // Update message: the panel posts new markup and data when results change.
    const updated = await view.page.evaluate(async (msg) => {
      window.postMessage(msg, '*');
      await new Promise((r) => setTimeout(r, 300));
      return { title: document.querySelector('h1').textContent, rendered: document.body.dataset.chartsRendered };
    }, { type: 'update', html: require('path') && htmlBody(data, 'Updated report'), data: { ...data, title: 'Updated report' } });
    check('vscode: update message re-renders', updated.title === 'Updated report' && Number(updated.rendered) >= 3, JSON.stringify(updated));
    await view.page.screenshot({ path: path.join(ARTIFACTS, 'report-vscode-dark.png'), fullPage: true });
  } finally {
    await view.cleanup();
  }
}

function loadRenderer() {
  // The renderer is TypeScript; load it through tsx's CommonJS hook.
  require('tsx/cjs');
  return require(path.join(ROOT, 'server', 'src', 'report', 'render.ts'));
}
function htmlBody(data, title) {
  return loadRenderer().renderReportBody({ ...data, title });
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    process.exit(1);
  }
  build();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    for (const c of CASES) await runCase(browser, c);
    await runVscodeFlavor(browser);
  } finally {
    await browser.close();
  }
  console.log(`\nreport render: ${passed} passed, ${failed} failed`);
  if (failed) {
    for (const f of failures) console.log(`  - ${f}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
