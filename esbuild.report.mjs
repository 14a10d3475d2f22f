// Bundles the overfitting report's chart script (server/src/report/browser/charts.mts, with
// Observable Plot and the parts of d3 it uses) into dist/report-browser.js: one IIFE for the
// browser that the report renderer inlines, so report pages need no network at view time.
// Run alone (`node esbuild.report.mjs`) or imported from esbuild.mjs (`await import('./esbuild.report.mjs')`).
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';

export async function buildReportBrowser({ production = true } = {}) {
  mkdirSync('dist', { recursive: true });
  await esbuild.build({
    entryPoints: ['server/src/report/browser/charts.mts'],
    outfile: 'dist/report-browser.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome114', 'firefox115', 'safari16'],
    // Always minified: it is inlined into every report page.
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildReportBrowser();
