// The one renderer of the overfitting report: report data -> a self-contained HTML document
// (inline CSS, inline data, inline chart script; no network at view time). Used as is by the
// CLI (`strategy-lint report`) and by the VS Code webview, which passes its own CSP source and
// switches the colours to the editor theme's CSS variables.
import { randomBytes } from 'crypto';
import type { ReportData, StrategyReport, Verdict } from './model';

export interface RenderOptions {
  /** The chart bundle (dist/report-browser.js), inlined into the page. */
  script: string;
  /** Nonce for the page's one <style> and <script> elements (random when absent). */
  nonce?: string;
  /** 'vscode' takes colours and fonts from the editor theme; 'standalone' follows the OS light/dark setting. */
  flavor?: 'standalone' | 'vscode';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script type="application/json"> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** Strict policy: nothing loads from anywhere; only the nonce'd style and script run. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --sl-fg: #1f2328; --sl-bg: #ffffff; --sl-panel: #f6f8fa; --sl-border: #d0d7de; --sl-muted: #59636e;
  --sl-accent: #0969da; --sl-is: #bc4c00; --sl-oos: #1a7f37; --sl-bad: #cf222e; --sl-warn: #9a6700; --sl-ok: #1a7f37;
  --sl-link: #0969da; --sl-font: system-ui, -apple-system, "Segoe UI", sans-serif; --sl-mono: ui-monospace, monospace;
}
@media (prefers-color-scheme: dark) {
  :root:not(.vscode) {
    --sl-fg: #e6edf3; --sl-bg: #0d1117; --sl-panel: #161b22; --sl-border: #30363d; --sl-muted: #9198a1;
    --sl-accent: #4493f8; --sl-is: #f0883e; --sl-oos: #3fb950; --sl-bad: #f85149; --sl-warn: #d29922; --sl-ok: #3fb950; --sl-link: #4493f8;
  }
}
:root.vscode {
  --sl-fg: var(--vscode-editor-foreground); --sl-bg: var(--vscode-editor-background);
  --sl-panel: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  --sl-border: var(--vscode-panel-border, var(--vscode-widget-border, #8884)); --sl-muted: var(--vscode-descriptionForeground);
  --sl-accent: var(--vscode-charts-blue); --sl-is: var(--vscode-charts-orange); --sl-oos: var(--vscode-charts-green);
  --sl-bad: var(--vscode-charts-red); --sl-warn: var(--vscode-charts-yellow); --sl-ok: var(--vscode-charts-green);
  --sl-link: var(--vscode-textLink-foreground); --sl-font: var(--vscode-font-family); --sl-mono: var(--vscode-editor-font-family);
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--sl-bg); color: var(--sl-fg); font-family: var(--sl-font); font-size: 14px; line-height: 1.5; }
main { max-width: 1000px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 1.5em; margin: 0 0 2px; } h2 { font-size: 1.25em; margin: 28px 0 4px; } h3 { font-size: 1.05em; margin: 0 0 6px; }
a { color: var(--sl-link); }
.path, .muted { color: var(--sl-muted); } .path { font-family: var(--sl-mono); font-size: 0.9em; word-break: break-all; }
.headline { font-weight: 600; margin: 2px 0 8px; }
.note { border-left: 3px solid var(--sl-warn); padding: 4px 10px; background: var(--sl-panel); }
details.files { color: var(--sl-muted); margin-bottom: 10px; } details.files li { font-size: 0.9em; }
figure.chart { margin: 14px 0; padding: 12px 14px; border: 1px solid var(--sl-border); border-radius: 6px; background: var(--sl-panel); }
.plot { min-height: 40px; overflow-x: auto; } .plot .pair { display: flex; flex-wrap: wrap; gap: 24px; }
svg.plot, .plot svg { display: block; height: auto; max-width: 100%; overflow: visible; --plot-background: var(--sl-panel); }
.plot svg text, .plot svg tspan { white-space: pre; }
.legend { font-size: 0.85em; color: var(--sl-muted); margin: 4px 0 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: baseline; }
.sw-is { background: var(--sl-is); opacity: 0.5; } .sw-oos { background: var(--sl-oos); opacity: 0.5; } .sw-accent { background: var(--sl-accent); }
.sw-bad { background: var(--sl-bad); } .sw-warn { background: var(--sl-warn); } .sw-ok { background: var(--sl-ok); } .sw-muted { background: var(--sl-muted); }
figcaption.verdict { margin-top: 8px; padding: 6px 10px; border-left: 4px solid var(--sl-muted); background: var(--sl-bg); }
.verdict-ok { border-color: var(--sl-ok) !important; } .verdict-warn { border-color: var(--sl-warn) !important; } .verdict-bad { border-color: var(--sl-bad) !important; }
.verdict .level { font-weight: 700; margin-right: 6px; }
.verdict-ok .level { color: var(--sl-ok); } .verdict-warn .level { color: var(--sl-warn); } .verdict-bad .level { color: var(--sl-bad); } .verdict-info .level { color: var(--sl-muted); }
.verdict .terms { display: block; font-size: 0.85em; color: var(--sl-muted); }
.missing { color: var(--sl-muted); font-style: italic; }
.bars .bar { margin: 4px 0 10px; } .bar-label { font-size: 0.92em; } .bar-label span { color: var(--sl-muted); }
#glossary dt { font-weight: 700; margin-top: 12px; } #glossary dd { margin: 2px 0 0 0; }
#glossary dt:target, #glossary dt:target + dd { background: var(--sl-panel); }
noscript { display: block; color: var(--sl-muted); }
`;

const LEVEL_WORD: Record<Verdict['level'], string> = { ok: 'OK', warn: 'Caution', bad: 'Red flag', info: 'Note' };

function verdictHtml(verdict: Verdict, titles: Map<string, string>): string {
  const links = verdict.terms.map((id) => `<a href="#term-${escapeHtml(id)}" data-term="${escapeHtml(id)}">${escapeHtml(titles.get(id) ?? id)}</a>`);
  return `<figcaption class="verdict verdict-${verdict.level}" data-level="${verdict.level}"><span class="level">${LEVEL_WORD[verdict.level]}:</span><span class="text">${escapeHtml(verdict.text)}</span>${links.length ? `<span class="terms">Terms: ${links.join(' · ')}</span>` : ''}</figcaption>`;
}

function figure(id: string, index: number, title: string, explain: string, legend: string, verdict: Verdict | undefined, titles: Map<string, string>): string {
  return `<figure class="chart" id="${id}-${index}">
<h3>${escapeHtml(title)}</h3>
<p class="muted">${explain}</p>
<div class="plot" data-chart="${id}" data-strategy-index="${index}"><noscript>The chart needs JavaScript; the verdict below says what it shows.</noscript></div>
${legend ? `<p class="legend">${legend}</p>` : ''}
${verdict ? verdictHtml(verdict, titles) : ''}
</figure>`;
}

function missingFigure(title: string, reason: string): string {
  return `<figure class="chart"><h3>${escapeHtml(title)}</h3><p class="missing">${escapeHtml(reason)}</p></figure>`;
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(d)) : 'n/a');

function strategyHtml(s: StrategyReport, index: number, titles: Map<string, string>): string {
  const parts: string[] = [];
  parts.push(`<section class="strategy" data-strategy="${escapeHtml(s.name)}">`);
  parts.push(`<h2>${escapeHtml(s.name)}</h2>`);
  if (s.headline.length) parts.push(`<p class="headline">${escapeHtml(s.headline.join(' · '))}</p>`);
  parts.push(
    `<details class="files"><summary>${s.files.length} result file${s.files.length === 1 ? '' : 's'} attached</summary><ul>${s.files
      .map((f) => `<li><span class="path">${escapeHtml(f.file)}</span> (${escapeHtml(f.format)}): ${escapeHtml(f.reason)}</li>`)
      .join('')}</ul></details>`,
  );
  if (s.equity) {
    const e = s.equity;
    const explain = `${escapeHtml(e.source)}: growth of 1 with ${escapeHtml(e.series)}${e.datesApproximate ? ' (the file gives the period, not a date per observation: observations are spread evenly over it)' : ''}. Shaded: periods the optimiser saw (in-sample) and did not see (out-of-sample).`;
    const legend = `<span class="swatch sw-accent"></span>equity<span class="swatch sw-is"></span>in-sample<span class="swatch sw-oos"></span>out-of-sample<span class="swatch sw-bad"></span>drawdown`;
    parts.push(figure('equity', index, 'Equity curve and drawdowns', explain, legend, e.verdict, titles));
  } else parts.push(missingFigure('Equity curve and drawdowns', s.missing.equity ?? 'Not available.'));
  if (s.dsr) {
    const d = s.dsr;
    const dist = d.histogram
      ? `the Sharpe ratios of the ${fmt(d.trials, 0)} trials recorded in the results`
      : `the Sharpe ratio a trial with no skill would show (normal, variance 1/(T−1) for T = ${fmt(d.observations, 0)}; the results do not record each trial's Sharpe)`;
    const explain = `Grey: ${escapeHtml(dist)}. Dashed: the Sharpe the best of N = ${fmt(d.trials, 0)} such trials is expected to reach (${escapeHtml(d.trialsSource)}). Solid: the chosen strategy, ${escapeHtml(d.chosenLabel)}. DSR ${d.dsr === null ? 'n/a' : fmt(d.dsr)}, PSR ${d.psr === null ? 'n/a' : fmt(d.psr)}.`;
    const legend = `<span class="swatch sw-muted"></span>${d.histogram ? 'trials' : 'skill-less trial (assumed)'}<span class="swatch sw-warn"></span>expected maximum<span class="swatch sw-${d.sharpe >= d.expectedMax ? 'ok' : 'bad'}"></span>chosen`;
    parts.push(figure('dsr', index, 'Deflated Sharpe: is the chosen Sharpe better than luck after N trials?', explain, legend, d.verdict, titles));
  } else parts.push(missingFigure('Deflated Sharpe', s.missing.dsr ?? 'Not available.'));
  if (s.pbo) {
    const p = s.pbo;
    const explain = `${escapeHtml(p.source)}: ${p.trials} configurations × ${fmt(p.observations, 0)} periods, cut into S = ${p.splits} blocks; each of the ${fmt(p.combinations, 0)} splits picks the in-sample best. Left: where it ranks out of sample (logit; left of 0 = below the median, red). Right: its in-sample vs out-of-sample ${escapeHtml(p.metric)}${p.pairs.length < p.pairsTotal ? ` (${fmt(p.pairs.length, 0)} of ${fmt(p.pairsTotal, 0)} splits shown)` : ''}; dashed = no degradation, red = fitted line.`;
    const legend = `<span class="swatch sw-bad"></span>below median out of sample<span class="swatch sw-ok"></span>above<span class="swatch sw-accent"></span>split`;
    parts.push(figure('pbo', index, 'Probability of Backtest Overfitting (CSCV)', explain, legend, p.verdict, titles));
  } else parts.push(missingFigure('Probability of Backtest Overfitting', s.missing.pbo ?? 'Not available.'));
  if (s.sample.bars.length) {
    parts.push(figure('sample', index, 'Sample and parameters against their minimums', 'Each bar is a measure of the backtest; the dashed line is the threshold it must clear (green: clears it, red: does not).', '', s.sample.verdict, titles));
  } else parts.push(`<figure class="chart"><h3>Sample and parameters</h3>${verdictHtml(s.sample.verdict, titles)}</figure>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** The page's <main>: everything but the charts' SVG, which the inline script draws into it. */
export function renderReportBody(data: ReportData): string {
  const titles = new Map(data.terms.map((t) => [t.id, t.title]));
  const parts: string[] = [];
  parts.push(`<main id="report" data-version="${data.version}">`);
  parts.push(`<header><h1>${escapeHtml(data.title)}</h1><p class="path">${escapeHtml(data.file)}</p></header>`);
  for (const note of data.notes) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  data.strategies.forEach((s, i) => parts.push(strategyHtml(s, i, titles)));
  if (data.terms.length) {
    parts.push(`<section id="glossary"><h2>Glossary</h2><dl>`);
    for (const t of data.terms) {
      const source = /^https?:\/\//.test(t.source) ? ` <a href="${escapeHtml(t.source)}">Read more</a>` : '';
      parts.push(`<dt id="term-${escapeHtml(t.id)}">${escapeHtml(t.title)}</dt><dd>${escapeHtml(t.definition)}${source}</dd>`);
    }
    parts.push(`</dl></section>`);
  }
  parts.push(`<p class="muted">Generated by Strategy Lint. Formulas: Bailey &amp; López de Prado (PSR 2012, DSR 2014), Bailey, Borwein, López de Prado &amp; Zhu (MinBTL 2014, PBO 2017).</p>`);
  parts.push('</main>');
  return parts.join('\n');
}

/** A complete, self-contained HTML document. */
export function renderReportHtml(data: ReportData, options: RenderOptions): string {
  const nonce = options.nonce ?? newNonce();
  const flavor = options.flavor ?? 'standalone';
  const script = options.script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  return `<!DOCTYPE html>
<html lang="en" class="${flavor === 'vscode' ? 'vscode' : 'standalone'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style nonce="${nonce}">${REPORT_CSS}</style>
</head>
<body>
${renderReportBody(data)}
<script type="application/json" id="report-data" nonce="${nonce}">${jsonForScript(data)}</script>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}
