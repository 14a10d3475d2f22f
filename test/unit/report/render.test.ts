import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../server/src/cli/main';
import type { ReportData } from '../../../server/src/report/model';
import { contentSecurityPolicy, jsonForScript, renderReportBody, renderReportHtml } from '../../../server/src/report/render';
import { loadReportScript } from '../../../server/src/report/script';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

async function run(args: string[], cwd = EXAMPLES): Promise<{ code: number; out: string; err: string[] }> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    let out = '';
    const err: string[] = [];
    const code = await main(args, { stdout: (t) => (out += t), stderr: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

const hostile = '</script><img src=x onerror=alert(1)>';
const DATA: ReportData = {
  version: 1,
  file: `strategies/${hostile}.py`,
  title: `Overfitting report: ${hostile}`,
  notes: [],
  terms: [{ id: 'sample-size', title: 'Sample Size', definition: 'How many observations <b>a</b> statistic rests on.', source: 'javascript:alert(1)' }],
  strategies: [
    {
      name: hostile,
      files: [{ file: '/r.json', format: 'csv-returns', reason: 'directive' }],
      headline: ['3 trades'],
      equity: null,
      dsr: null,
      pbo: null,
      missing: { equity: 'none', dsr: 'none', pbo: 'none' },
      sample: { bars: [{ id: 'trades', label: 'Trades', value: 3, threshold: 30, direction: 'at-least', unit: 'trades', pass: false, note: 'at least 30' }], verdict: { level: 'bad', text: `only 3 trades ${hostile}`, terms: ['sample-size'] } },
    },
  ],
};

describe('report renderer', () => {
  before(function () {
    this.timeout(60000);
    // The CLI inlines the chart bundle: build it when a fresh checkout has none.
    if (!fs.existsSync(path.join(ROOT, 'dist', 'report-browser.js'))) execFileSync(process.execPath, ['esbuild.report.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  it('escapes every user-supplied string and keeps the embedded JSON inert', () => {
    const html = renderReportHtml(DATA, { script: 'console.log(1)', nonce: 'abc123' });
    assert.ok(!html.includes('<img src=x'), 'markup from names is escaped');
    assert.equal(html.match(/<\/script>/g)!.length, 2, 'only the two script elements close');
    const json = html.match(/<script type="application\/json" id="report-data" nonce="abc123">([\s\S]*?)<\/script>/)![1];
    assert.deepEqual(JSON.parse(json), DATA);
    assert.ok(!html.includes('href="javascript:'), 'non-http glossary sources get no link');
    assert.ok(!jsonForScript({ a: '</script>' }).includes('<'));
  });

  it('has a strict CSP whose nonce is on the style and both scripts, and no remote resource', () => {
    const html = renderReportHtml(DATA, { script: 'var a = "</script>";', nonce: 'n0nce' });
    assert.ok(html.includes(`content="${contentSecurityPolicy('n0nce')}"`));
    assert.match(contentSecurityPolicy('n0nce'), /^default-src 'none'; img-src data:; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'/);
    assert.equal(html.match(/<style nonce="n0nce">/g)!.length, 1);
    assert.equal(html.match(/<script[^>]* nonce="n0nce"/g)!.length, 2);
    assert.ok(!/<(script|link|img)[^>]+(src|href)=/.test(html));
    assert.ok(html.includes('var a = "<\\/script>";'), 'a </script> inside the bundle cannot end the element');
  });

  it('vscode flavour takes colours from the theme variables', () => {
    const html = renderReportHtml(DATA, { script: '', flavor: 'vscode' });
    assert.match(html, /<html lang="en" class="vscode">/);
    assert.match(html, /--sl-bg: var\(--vscode-editor-background\)/);
  });

  it('links each verdict term to its definition in the page', () => {
    const body = renderReportBody(DATA);
    assert.match(body, /<a href="#term-sample-size" data-term="sample-size">Sample Size<\/a>/);
    assert.match(body, /<dt id="term-sample-size">Sample Size<\/dt><dd>How many observations &lt;b&gt;a&lt;\/b&gt;/);
    assert.match(body, /data-chart="sample" data-strategy-index="0"/);
  });

  it('loads the chart bundle with Observable Plot inside', () => {
    const script = loadReportScript();
    assert.ok(script.length > 100_000);
    assert.ok(!/<\/script/i.test(script));
  });
});

describe('strategy-lint report', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-report-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes one self-contained HTML file with the data, the styles and the chart script inlined', async () => {
    const out = path.join(tmp, 'band.html');
    const { code, err } = await run(['report', 'freqtrade/user_data/strategies/BandRiderStrategy.py', '-o', out]);
    assert.equal(code, 0, err.join('\n'));
    assert.match(err[0], /wrote .*band\.html \(1 strategy, 3 charts\)/);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.length > 200_000, 'the chart library is inlined');
    assert.match(html, /data-chart="equity"/);
    assert.match(html, /freqtrade\/user_data\/strategies\/BandRiderStrategy\.py/, 'the path is shown relative to the working directory');
    assert.ok(!/<(script|link|img)[^>]+(src|href)=/.test(html));
  });

  it('--json writes the report data; -o - writes to standard output', async () => {
    const { code, out } = await run(['report', 'vectorbt/ma_sweep.py', '--json', '-o', '-']);
    assert.equal(code, 0);
    const data = JSON.parse(out) as ReportData;
    assert.equal(data.strategies[0].pbo!.trials, 60);
  });

  it('defaults to report.html in the working directory', async () => {
    const strategy = path.join(EXAMPLES, 'backtrader', 'sma_cross.py');
    const { code } = await run(['report', strategy], tmp);
    assert.equal(code, 0);
    assert.ok(fs.existsSync(path.join(tmp, 'report.html')));
  });

  it('usage errors exit 2 with one line', async () => {
    for (const args of [['report'], ['report', 'missing.py'], ['report', 'a.py', 'b.py'], ['report', '--bogus', 'x.py']]) {
      const { code, err } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(err.length, 1);
    }
    const help = await run(['report', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /usage: strategy-lint report/);
  });
});
