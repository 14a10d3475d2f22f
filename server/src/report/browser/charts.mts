// The browser half of the overfitting report: reads the report data embedded in the page and
// draws every chart with Observable Plot (SVG). Bundled by esbuild.report.mjs into
// dist/report-browser.js, which the renderer inlines so the page needs no network.
// Runs in a plain browser (CLI report) and in a VS Code webview (strict CSP, nonce'd script).
// The repo's tsconfig has no DOM lib (the engine must not use it), so the few DOM objects are
// typed loosely here.
import { areaY, axisX, barX, dot, line, lineY, plot, rectX, rectY, ruleX, ruleY, text } from '@observablehq/plot';
import type { DsrChart, EquityChart, PboChart, ReportData, SampleChart, SampleBar } from '../model.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const C = {
  fg: 'var(--sl-fg)',
  muted: 'var(--sl-muted)',
  accent: 'var(--sl-accent)',
  is: 'var(--sl-is)',
  oos: 'var(--sl-oos)',
  bad: 'var(--sl-bad)',
  warn: 'var(--sl-warn)',
  ok: 'var(--sl-ok)',
};

function readData(): ReportData | undefined {
  const el = document.getElementById('report-data');
  if (!el) return undefined;
  try {
    return JSON.parse(el.textContent) as ReportData;
  } catch {
    return undefined;
  }
}

/** Plot adds an inline <style> to every SVG; a strict CSP blocks it, so it goes before insertion (report.css has the same rules). */
function mount(container: any, svg: any): void {
  for (const style of svg.querySelectorAll('style')) style.remove();
  container.replaceChildren(svg);
}

function widthOf(container: any): number {
  return Math.max(320, Math.min(960, Math.floor(container.clientWidth || 720)));
}

const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

function drawEquity(container: any, chart: EquityChart): void {
  const width = widthOf(container);
  const dated = chart.xKind === 'date';
  const xs = chart.points.map((p) => (dated ? new Date(`${p.x}T00:00:00Z`) : (p.x as number)));
  const rows = chart.points.map((p, i) => ({ x: xs[i], equity: p.equity, drawdown: p.drawdown * 100 }));
  const spanTimes = chart.spans.map((s) => ({ kind: s.kind, x1: new Date(s.start.length === 10 ? `${s.start}T00:00:00Z` : s.start), x2: new Date(s.end.length === 10 ? `${s.end}T23:59:59Z` : s.end), source: s.source }));
  const allX = [...xs, ...spanTimes.flatMap((s) => [s.x1, s.x2])] as (Date | number)[];
  const domain = [allX.reduce((a, b) => (a < b ? a : b)), allX.reduce((a, b) => (a > b ? a : b))];
  const shading = (kind: string, fill: string) =>
    rectX(spanTimes.filter((s) => s.kind === kind), { x1: 'x1', x2: 'x2', fill, fillOpacity: 0.14, title: (s: any) => `${kind}: ${s.source}`, ariaDescription: `${kind} span` } as any);
  const top = plot({
    width,
    height: 240,
    marginLeft: 52,
    x: { type: dated ? 'utc' : 'linear', domain, label: dated ? null : chart.series === 'trade returns' ? 'trade' : 'observation' },
    y: { label: 'equity (growth of 1)', grid: true },
    marks: [
      shading('in-sample', C.is),
      shading('out-of-sample', C.oos),
      ruleY([1], { stroke: C.muted, strokeOpacity: 0.6 }),
      lineY(rows, { x: 'x', y: 'equity', stroke: C.accent, strokeWidth: 1.6, ariaDescription: 'equity' } as any),
      text(spanTimes, { x: (s: any) => new Date((s.x1.getTime() + s.x2.getTime()) / 2), frameAnchor: 'top', dy: 6, text: 'kind', fill: C.muted, ariaDescription: 'span labels' } as any),
    ],
  });
  const bottom = plot({
    width,
    height: 110,
    marginLeft: 52,
    x: { type: dated ? 'utc' : 'linear', domain, label: null },
    y: { label: 'drawdown %', grid: true },
    marks: [
      shading('in-sample', C.is),
      shading('out-of-sample', C.oos),
      areaY(rows, { x: 'x', y: 'drawdown', fill: C.bad, fillOpacity: 0.35, ariaDescription: 'drawdown' } as any),
      ruleY([0], { stroke: C.muted }),
    ],
  });
  const wrap = document.createElement('div');
  for (const s of [top, bottom]) {
    for (const style of s.querySelectorAll('style')) style.remove();
    wrap.append(s);
  }
  container.replaceChildren(wrap);
  Object.assign(container.dataset, {
    points: String(chart.points.length),
    finalEquity: chart.points[chart.points.length - 1].equity.toFixed(6),
    maxDrawdown: chart.maxDrawdown.toFixed(6),
    spans: chart.spans.map((s) => `${s.kind}:${s.start.slice(0, 10)}..${s.end.slice(0, 10)}`).join(';'),
  });
}

function drawDsr(container: any, chart: DsrChart): void {
  const width = widthOf(container);
  const marks: any[] = [];
  if (chart.histogram) {
    marks.push(rectY(chart.histogram, { x1: 'x0', x2: 'x1', y: 'count', fill: C.muted, fillOpacity: 0.55, insetLeft: 0.5, insetRight: 0.5, title: (b: any) => `${b.count} trials`, ariaDescription: 'trial sharpes' } as any));
  } else if (chart.nullDensity) {
    marks.push(areaY(chart.nullDensity, { x: 'x', y: 'density', fill: C.muted, fillOpacity: 0.3, ariaDescription: 'null distribution' } as any));
    marks.push(lineY(chart.nullDensity, { x: 'x', y: 'density', stroke: C.muted } as any));
  }
  marks.push(ruleX([0], { stroke: C.muted, strokeOpacity: 0.5 }));
  marks.push(ruleX([chart.expectedMax], { stroke: C.warn, strokeWidth: 2, strokeDasharray: '5,3', ariaDescription: 'expected max' } as any));
  // Each label (on its own row) goes on the side of its line with more room.
  const xs = [chart.sharpe, chart.expectedMax, 0, ...(chart.histogram ?? []).flatMap((b) => [b.x0, b.x1]), ...(chart.nullDensity ?? []).map((p) => p.x)];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const side = (x: number) => ((x - lo) / (hi - lo || 1) < 0.6 ? { dx: 5, textAnchor: 'start' } : { dx: -5, textAnchor: 'end' });
  const chosenRight = chart.sharpe >= chart.expectedMax;
  marks.push(text([chart.expectedMax], { x: (d: number) => d, frameAnchor: 'top', dy: 4, ...side(chart.expectedMax), text: () => (chart.trials > 1 ? `expected best of ${chart.trials.toLocaleString('en-US')} skill-less trials` : 'N = 1: benchmark 0'), fill: C.warn } as any));
  const chosenColor = chosenRight ? C.ok : C.bad;
  marks.push(ruleX([chart.sharpe], { stroke: chosenColor, strokeWidth: 2.5, ariaDescription: 'chosen sharpe' } as any));
  marks.push(text([chart.sharpe], { x: (d: number) => d, frameAnchor: 'top', dy: 20, ...side(chart.sharpe), text: () => 'chosen strategy', fill: chosenColor, fontWeight: 'bold' } as any));
  const svg = plot({
    width,
    height: 230,
    marginLeft: 52,
    x: { label: `Sharpe ratio per ${chart.unit}`, nice: true },
    y: { label: chart.histogram ? 'trials' : 'density (assumed)', grid: true },
    marks,
  });
  mount(container, svg);
  Object.assign(container.dataset, {
    trials: String(chart.trials),
    expectedMax: chart.expectedMax.toFixed(6),
    sharpe: chart.sharpe.toFixed(6),
    dsr: chart.dsr === null ? '' : chart.dsr.toFixed(6),
    distribution: chart.histogram ? 'trials' : 'null',
    bins: chart.histogram ? chart.histogram.map((b) => b.count).join(',') : '',
  });
}

function drawPbo(container: any, chart: PboChart): void {
  const width = widthOf(container);
  const half = Math.max(320, Math.floor((width - 24) / 2));
  const losers = chart.logitBins.filter((b) => b.x1 <= 0);
  const winners = chart.logitBins.filter((b) => b.x1 > 0);
  const hist = plot({
    width: half,
    height: 240,
    marginLeft: 48,
    x: { label: 'logit of the in-sample best\'s out-of-sample rank' },
    y: { label: 'splits', grid: true },
    marks: [
      rectY(losers, { x1: 'x0', x2: 'x1', y: 'count', fill: C.bad, fillOpacity: 0.7, insetLeft: 0.5, insetRight: 0.5, title: (b: any) => `${b.count} splits`, ariaDescription: 'logit bins' } as any),
      rectY(winners, { x1: 'x0', x2: 'x1', y: 'count', fill: C.ok, fillOpacity: 0.7, insetLeft: 0.5, insetRight: 0.5, title: (b: any) => `${b.count} splits`, ariaDescription: 'logit bins' } as any),
      ruleX([0], { stroke: C.fg, strokeWidth: 1.5 }),
      text([0], { x: () => 0, frameAnchor: 'top', dy: 4, dx: -4, textAnchor: 'end', text: () => `PBO ${percent(chart.pbo)} ←`, fill: C.bad } as any),
      ruleY([0]),
    ],
  });
  const all = chart.pairs.flatMap((p) => [p.is, p.oos]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const isValues = chart.pairs.map((p) => p.is);
  const isLo = Math.min(...isValues);
  const isHi = Math.max(...isValues);
  const fit = chart.degradation ? [isLo, isHi].map((x) => ({ x, y: chart.degradation!.intercept + chart.degradation!.slope * x })) : [];
  const scatter = plot({
    width: half,
    height: 240,
    marginLeft: 52,
    x: { label: `in-sample ${chart.metric} of the chosen` },
    y: { label: `out-of-sample ${chart.metric}`, grid: true },
    marks: [
      ruleY([0], { stroke: C.muted }),
      line([{ x: lo, y: lo }, { x: hi, y: hi }], { x: 'x', y: 'y', stroke: C.muted, strokeDasharray: '4,3', ariaDescription: 'no degradation' } as any),
      dot(chart.pairs, { x: 'is', y: 'oos', r: 1.6, fill: C.accent, fillOpacity: 0.35, ariaDescription: 'is-oos pairs' } as any),
      line(fit, { x: 'x', y: 'y', stroke: C.bad, strokeWidth: 2, ariaDescription: 'degradation fit' } as any),
    ],
  });
  const wrap = document.createElement('div');
  wrap.className = 'pair';
  for (const s of [hist, scatter]) {
    for (const style of s.querySelectorAll('style')) style.remove();
    wrap.append(s);
  }
  container.replaceChildren(wrap);
  Object.assign(container.dataset, {
    pbo: chart.pbo.toFixed(6),
    logitBins: chart.logitBins.map((b) => b.count).join(','),
    logits: String(chart.logitCount),
    pairs: String(chart.pairs.length),
    slope: chart.degradation ? chart.degradation.slope.toFixed(6) : '',
  });
}

function barPlot(bar: SampleBar, width: number): any {
  const max = Math.max(bar.value, bar.threshold) * 1.18 || 1;
  const color = bar.pass ? C.ok : C.bad;
  const fmt = (x: number) => (bar.unit === 'years' ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
  return plot({
    width,
    height: 64,
    marginLeft: 12,
    marginRight: 12,
    marginTop: 18,
    x: { domain: [0, max], label: bar.unit, labelAnchor: 'right' },
    y: { axis: null, domain: [0, 1] },
    marks: [
      barX([bar], { x1: 0, x2: 'value', y1: 0.15, y2: 0.85, fill: color, fillOpacity: 0.75, title: (b: SampleBar) => `${b.label}: ${fmt(b.value)} ${b.unit}`, ariaDescription: 'value' } as any),
      ruleX([bar.threshold], { y1: 0, y2: 1, stroke: C.fg, strokeWidth: 2, strokeDasharray: '4,2', ariaDescription: 'threshold' } as any),
      text([bar], { x: 'value', y: 0.5, dx: 4, textAnchor: 'start', text: (b: SampleBar) => fmt(b.value), fill: C.fg, fontWeight: 'bold' } as any),
      text([bar], { x: 'threshold', y: 1, dy: -8, text: (b: SampleBar) => `${b.direction === 'at-most' ? 'max' : 'min'} ${fmt(b.threshold)}`, fill: C.fg } as any),
      axisX({ ticks: 5, tickSize: 3 }),
    ],
  });
}

function drawSample(container: any, chart: SampleChart): void {
  const width = widthOf(container);
  const list = document.createElement('div');
  list.className = 'bars';
  for (const bar of chart.bars) {
    const row = document.createElement('div');
    row.className = `bar ${bar.pass ? 'pass' : 'fail'}`;
    Object.assign(row.dataset, { id: bar.id, value: String(bar.value), threshold: String(bar.threshold), pass: String(bar.pass) });
    const label = document.createElement('div');
    label.className = 'bar-label';
    const strong = document.createElement('strong');
    strong.textContent = bar.label;
    const note = document.createElement('span');
    note.textContent = ` — ${bar.note}`;
    label.append(strong, note);
    const svg = barPlot(bar, width);
    for (const style of svg.querySelectorAll('style')) style.remove();
    row.append(label, svg);
    list.append(row);
  }
  container.replaceChildren(list);
  container.dataset.bars = String(chart.bars.length);
}

function guard(container: any, draw: () => void): void {
  try {
    draw();
    container.dataset.rendered = 'true';
  } catch (error) {
    container.dataset.rendered = 'error';
    container.textContent = `Chart failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function renderAll(data: ReportData): number {
  let count = 0;
  for (const container of document.querySelectorAll('[data-chart]')) {
    const strategy = data.strategies[Number(container.dataset.strategyIndex)];
    if (!strategy) continue;
    const kind = container.dataset.chart;
    if (kind === 'equity' && strategy.equity) guard(container, () => drawEquity(container, strategy.equity!));
    else if (kind === 'dsr' && strategy.dsr) guard(container, () => drawDsr(container, strategy.dsr!));
    else if (kind === 'pbo' && strategy.pbo) guard(container, () => drawPbo(container, strategy.pbo!));
    else if (kind === 'sample') guard(container, () => drawSample(container, strategy.sample));
    else continue;
    count++;
  }
  document.body.dataset.chartsRendered = String(count);
  return count;
}

let current = readData();
if (current) renderAll(current);

// Redraw at the new width (webview panels are resized often).
let resizeTimer: any;
let lastWidth = window.innerWidth;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (current && Math.abs(window.innerWidth - lastWidth) > 24) {
      lastWidth = window.innerWidth;
      renderAll(current);
    }
  }, 150);
});

// VS Code webview: the extension posts new markup + data when the results change.
window.addEventListener('message', (event: any) => {
  const message = event.data;
  if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
  const main = document.getElementById('report');
  if (main) main.outerHTML = message.html;
  current = message.data as ReportData;
  renderAll(current);
});
