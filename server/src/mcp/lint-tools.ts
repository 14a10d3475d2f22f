// lint_file and lint_source: the engine run as `strategy-lint check` runs it, through the same
// input assembler (engine/session.ts: nearest configuration file, per-file-ignores, result
// association with the root as the project), the same size limit and strict UTF-8, with findings
// returned as data: codes, severities, 1-based lines and columns as in `check --format json`, and
// each fix as text edits.
import * as fs from 'fs';
import { configProblemRanges } from '../engine/config';
import { lintPython } from '../engine/lint';
import { selectRules } from '../engine/rules/registry';
import type { LintSession } from '../engine/session';
import type { Finding, Range } from '../engine/types';
import { MAX_SOURCE_BYTES, readSourceFile } from '../cli/files';
import { checkNotebookFile, isNotebookPath } from '../cli/notebook-files';
import { displayPath, existingFile, virtualPath, type Workspace } from './paths';
import { ToolError } from './tool-result';

export interface LintContext {
  workspace: Workspace;
  /** --max-file-bytes given at start-up; else the configuration's max-file-bytes; else the CLI default. */
  maxFileBytes?: number;
  /** The server's input assembler, its project root fixed to the workspace root. */
  session: LintSession;
}

export interface LintRequest {
  select?: string[];
  ignore?: string[];
}

const position = (range: Range) => ({
  line: range.start.line + 1,
  column: range.start.character + 1,
  endLine: range.end.line + 1,
  endColumn: range.end.character + 1,
});

/** One finding as `check --format json` writes it, plus the fix as edits (same 1-based coordinates). */
function findingRow(workspace: Workspace, finding: Finding, cell?: number, relatedCells?: (number | undefined)[]) {
  return {
    ...(cell !== undefined ? { cell } : {}),
    rule: finding.rule,
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    ...position(finding.range),
    ...(finding.related?.length
      ? { related: finding.related.map((r, j) => ({ ...(relatedCells?.[j] !== undefined ? { cell: relatedCells[j] } : {}), message: r.message, line: r.range.start.line + 1, column: r.range.start.character + 1, ...(r.file ? { file: displayPath(workspace, r.file) } : {}) })) }
      : {}),
    ...(finding.fix ? { fix: { title: finding.fix.title, safety: finding.fix.safety, edits: finding.fix.edits.map((e) => ({ ...position(e.range), newText: e.newText })) } } : {}),
  };
}

function checkSelectors(request: LintRequest): void {
  for (const name of [...(request.select ?? []), ...(request.ignore ?? [])]) {
    if (selectRules(name).length === 0) throw new ToolError(`unknown rule '${name}' (a rule name, a code such as SL101, a code prefix such as SL2, or ALL)`);
  }
}

/** Configuration and input for one file, assembled as `check` assembles them (request select/ignore over the file). */
function settingsFor(context: LintContext, absolute: string, request: LintRequest) {
  const settings = { select: request.select ?? [], ignore: request.ignore ?? [], configurationPreference: 'editorFirst' as const };
  const configFile = context.session.configFileFor(absolute, settings);
  let problems: { file: string; line: number; column: number; severity: string; message: string }[] = [];
  if (configFile && configFile.problems.length) {
    const text = fs.readFileSync(configFile.source, 'utf8');
    problems = configProblemRanges(text, configFile.problems).map((p) => ({ file: displayPath(context.workspace, configFile.source), line: p.range.start.line + 1, column: p.range.start.character + 1, severity: p.severity, message: p.message }));
  }
  return {
    input: (text: string) => context.session.inputFor(absolute, text, settings).input,
    maxFileBytes: context.maxFileBytes ?? configFile?.maxFileBytes ?? MAX_SOURCE_BYTES,
    configuration: { file: configFile ? displayPath(context.workspace, configFile.source) : null, problems },
  };
}

function lintText(context: LintContext, absolute: string, text: string, request: LintRequest, settings: ReturnType<typeof settingsFor>) {
  const output = lintPython(settings.input(text));
  try {
    return {
      file: displayPath(context.workspace, absolute),
      findings: output.findings.map((f) => findingRow(context.workspace, f)),
      results: (output.results?.attached ?? []).map((a) => ({ file: displayPath(context.workspace, a.summary.file), format: a.summary.format, ...(a.summary.strategy ? { strategy: a.summary.strategy } : {}), reason: a.reason })),
      refusedResults: (output.results?.refused ?? []).map((r) => ({ file: displayPath(context.workspace, r.file), reason: r.reason })),
      configuration: settings.configuration,
      ...(output.failures.length ? { ruleFailures: output.failures } : {}),
    };
  } finally {
    output.release();
  }
}

export function lintFile(context: LintContext, request: LintRequest & { path: string }) {
  checkSelectors(request);
  const absolute = existingFile(context.workspace, request.path);
  const settings = settingsFor(context, absolute, request);
  if (isNotebookPath(absolute)) {
    // Code cells linted as one program, findings per 1-based cell (as `check`); fixes stay with the editor and `check --fix`.
    const notes: string[] = [];
    const checked = checkNotebookFile(absolute, { input: settings.input, fix: false, unsafe: false, note: (line) => notes.push(line) });
    if ('error' in checked) throw new ToolError(`${request.path}: ${checked.error}`);
    return {
      file: displayPath(context.workspace, absolute),
      findings: checked.findings.map((f, i) => {
        const { fix: _fix, ...row } = findingRow(context.workspace, f, checked.cells?.[i], checked.relatedCells?.[i]);
        return row;
      }),
      configuration: settings.configuration,
      ...(notes.length ? { notes } : {}),
    };
  }
  const read = readSourceFile(absolute, settings.maxFileBytes);
  // `check` reports these as SL000 / SL001 findings; here the tool could not lint, so it is an error.
  if ('error' in read) {
    const code = read.tooLarge ? 'SL000 file-too-large' : 'SL001 unreadable-file';
    const hint = read.tooLarge ? ' (the server was started with this limit: --max-file-bytes or max-file-bytes in the configuration)' : '';
    throw new ToolError(`${request.path}: ${read.error}${hint} [${code}]`);
  }
  return lintText(context, absolute, read.text, request, settings);
}

export function lintSource(context: LintContext, request: LintRequest & { source: string; path?: string }) {
  checkSelectors(request);
  const absolute = virtualPath(context.workspace, request.path ?? 'untitled_strategy.py');
  if (isNotebookPath(absolute)) throw new ToolError('lint_source takes Python source; lint a notebook with lint_file');
  const settings = settingsFor(context, absolute, request);
  const bytes = Buffer.byteLength(request.source, 'utf8');
  if (bytes > settings.maxFileBytes) throw new ToolError(`the source is too large (${bytes} bytes; the limit is ${settings.maxFileBytes}) [SL000 file-too-large]`);
  if (request.source.includes('\0')) throw new ToolError('the source contains a NUL character; not Python source [SL001 unreadable-file]');
  return lintText(context, absolute, request.source.replace(/^\uFEFF/, ''), request, settings);
}
