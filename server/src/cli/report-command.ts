// `strategy-lint report STRATEGY [-o report.html]`: the overfitting report of one strategy and
// its attached results as one self-contained HTML file (charts inlined, no network at view time).
import * as fs from 'fs';
import * as path from 'path';
import { lintPython } from '../engine/lint';
import { LintSession } from '../engine/session';
import { buildReportData, type ReportData } from '../report/model';
import { renderReportHtml } from '../report/render';
import { loadReportScript } from '../report/script';
import { readSourceFile } from './files';
import { parseArgs, UsageError, type CliIO } from './io';

export const REPORT_HELP = `usage: strategy-lint report STRATEGY.py [-o FILE.html] [--json]

Writes the overfitting report of a strategy and the backtest results attached to it (the same
association as 'check'): the equity curve with in-sample / out-of-sample periods and drawdowns,
the deflated Sharpe picture, the PBO picture, and sample size against MinTRL / MinBTL and the
tuned parameters, each with a one-line verdict and the glossary terms it rests on.

The HTML file is self-contained (styles, data and the chart script are inlined): it opens
offline in any browser.

options:
  -o, --output FILE   where to write (default: report.html; '-' writes to standard output)
  --json              write the report data as JSON instead of HTML
  -h, --help          show this help
`;

/** Lints `file` with its results attached and builds the report data (shared with tests). */
export function reportDataForFile(file: string, cwd = process.cwd()): ReportData {
  const read = readSourceFile(path.resolve(cwd, file));
  if ('error' in read) throw new UsageError(`${file}: ${read.error}`);
  const absolute = path.resolve(cwd, file);
  // The same assembler as `check` (its help promises the same association).
  const session = new LintSession({ cwd, listings: { kind: 'run' } });
  const assembled = session.inputFor(absolute, read.text, { configurationPreference: 'editorFirst' });
  const workspaceRoot = assembled.workspaceRoot;
  const output = lintPython(assembled.input);
  try {
    return buildReportData(output, absolute, { displayPath: path.relative(cwd, absolute) || absolute, workspaceRoot });
  } finally {
    output.release();
  }
}

export async function runReportCommand(args: string[], io: CliIO): Promise<number> {
  // Short options first: parseArgs only knows --long ones.
  const normalized = args.map((a) => (a === '-o' ? '--output' : a === '-h' ? '--help' : a));
  const parsed = parseArgs(normalized, { output: 'string', json: 'flag', help: 'flag' });
  if (parsed.options.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  if (parsed.positional.length !== 1) throw new UsageError(`report needs exactly one strategy file (try 'strategy-lint report --help')`);
  const file = parsed.positional[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${file}: not a file`);
  const data = reportDataForFile(file);
  const out = (parsed.options.output as string | undefined) ?? 'report.html';
  let text: string;
  if (parsed.options.json) text = JSON.stringify(data, null, 2) + '\n';
  else {
    let script: string;
    try {
      script = loadReportScript();
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    text = renderReportHtml(data, { script });
  }
  if (out === '-') io.stdout(text);
  else {
    fs.writeFileSync(out, text);
    const charts = data.strategies.reduce((n, s) => n + [s.equity, s.dsr, s.pbo].filter(Boolean).length + (s.sample.bars.length ? 1 : 0), 0);
    io.stderr(`strategy-lint: wrote ${out} (${data.strategies.length} strateg${data.strategies.length === 1 ? 'y' : 'ies'}, ${charts} charts)`);
  }
  return 0;
}
