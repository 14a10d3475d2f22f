// Finds the chart bundle (dist/report-browser.js, built by esbuild.report.mjs) that the
// renderer inlines. Beside the running bundle when installed (dist/cli.js, dist/server.js,
// dist/extension.js); under the repo's dist/ when run from source (tsx, mocha).
import * as fs from 'fs';
import * as path from 'path';

export const REPORT_SCRIPT_NAME = 'report-browser.js';

export function reportScriptCandidates(extra: string[] = []): string[] {
  return [...extra, path.join(__dirname, REPORT_SCRIPT_NAME), path.resolve(__dirname, '..', '..', '..', 'dist', REPORT_SCRIPT_NAME)];
}

let cached: { file: string; mtimeMs: number; text: string } | undefined;

/** The bundle's text; throws with what to run when it has not been built. */
export function loadReportScript(extraCandidates: string[] = []): string {
  for (const file of reportScriptCandidates(extraCandidates)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (cached && cached.file === file && cached.mtimeMs === stat.mtimeMs) return cached.text;
    const text = fs.readFileSync(file, 'utf8');
    cached = { file, mtimeMs: stat.mtimeMs, text };
    return text;
  }
  throw new Error(`the report's chart script (${REPORT_SCRIPT_NAME}) is missing: run 'node esbuild.report.mjs' (or 'npm run build')`);
}
