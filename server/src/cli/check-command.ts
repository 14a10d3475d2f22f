// `strategy-lint check [PATH...] [--format text|json|sarif] [--select R,..] [--ignore R,..] [--config FILE] [--fix] [--unsafe-fixes]`
import * as fs from 'fs';
import { fixAll } from '../engine/fixes/fix-all';
import * as path from 'path';
import { attachResults, ResultFileCache } from '../engine/attach-results';
import { memoizedResultFs } from '../engine/results/memo-fs';
import { nodeResultFs } from '../engine/results/result-fs';
import { applyPerFileIgnores, ConfigLoader, configProblemRanges, configRelativePath, fileConfigOf, mergeConfig } from '../engine/config';
import { nodeConfigFs } from '../engine/config/node-fs';
import { lintPython, type LintConfig, type LintInput } from '../engine/lint';
import { fileTooLargeFinding } from '../engine/rules/meta/file-too-large';
import { unreadableFileFinding } from '../engine/rules/meta/unreadable-file';
import { selectRules } from '../engine/rules/registry';
import { collectPythonFiles, readSourceFile } from './files';
import { formatJson, formatSarif, formatText, type FileFindings } from './formats';
import { parseArgs, UsageError, type CliIO } from './io';
import { checkNotebookFile, isNotebookPath } from './notebook-files';

const VERSION = '0.1.0';

export async function runCheckCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { format: 'string', select: 'list', ignore: 'list', fix: 'flag', 'unsafe-fixes': 'flag', config: 'string', 'exit-zero': 'flag', 'max-file-bytes': 'string' });
  const maxFlag = parsed.options['max-file-bytes'] as string | undefined;
  if (maxFlag !== undefined && !/^\d+$/.test(maxFlag)) throw new UsageError(`--max-file-bytes ${maxFlag}: expected a whole number of bytes`);
  const format = (parsed.options.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format '${format}' (expected text, json or sarif)`);
  const select = (parsed.options.select as string[] | undefined) ?? [];
  const ignore = (parsed.options.ignore as string[] | undefined) ?? [];
  for (const name of [...select, ...ignore]) if (selectRules(name).length === 0) throw new UsageError(`unknown rule '${name}' (see 'strategy-lint rules')`);
  const fix = !!parsed.options.fix || !!parsed.options['unsafe-fixes'];
  const unsafe = !!parsed.options['unsafe-fixes'];

  const { files, errors } = collectPythonFiles(parsed.positional.length ? parsed.positional : ['.']);
  const results: FileFindings[] = [];
  const cache = new ResultFileCache();
  // One run sees a fixed workspace: association may remember folder listings and file heads.
  const resultFs = memoizedResultFs(nodeResultFs);
  const cwd = process.cwd();
  const configs = new ConfigLoader(nodeConfigFs);
  const explicitConfig = parsed.options.config as string | undefined;
  if (explicitConfig && !fs.existsSync(explicitConfig)) throw new UsageError(`--config ${explicitConfig}: file not found`);
  const reportedConfigs = new Set<string>();
  let configErrors = 0;
  /** CLI flags over the nearest configuration file (or --config), then per-file-ignores. */
  const configFor = (absolute: string, workspaceRoot: string): { config: LintConfig; resultGlobs: string[]; periodsPerYear?: number; maxFileBytes?: number } => {
    const loaded = explicitConfig ? configs.load(path.resolve(explicitConfig), workspaceRoot) : configs.configFor(absolute, workspaceRoot);
    if (loaded && !reportedConfigs.has(loaded.source)) {
      reportedConfigs.add(loaded.source);
      const text = fs.readFileSync(loaded.source, 'utf8');
      for (const problem of configProblemRanges(text, loaded.problems)) {
        if (problem.severity === 'error') configErrors++;
        io.stderr(`${path.relative(cwd, loaded.source)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message}`);
      }
    }
    const merged = mergeConfig({ select, ignore }, fileConfigOf(loaded), 'editorFirst');
    return { config: applyPerFileIgnores(merged, loaded ? configRelativePath(loaded, absolute) : ''), resultGlobs: merged.resultGlobs ?? [], periodsPerYear: merged.periodsPerYear, maxFileBytes: merged.maxFileBytes };
  };
  for (const file of files) {
    if (isNotebookPath(file)) {
      // Code cells as one program, reported per cell (see notebook-files.ts); results association as for a .py file.
      const absolute = path.resolve(file);
      const workspaceRoot = absolute.startsWith(cwd + path.sep) ? cwd : configs.projectRootFor(absolute);
      const { config, resultGlobs, periodsPerYear } = configFor(absolute, workspaceRoot);
      const notebook = checkNotebookFile(file, {
        input: (text) => ({ path: absolute, text, config, attach: (facts) => attachResults({ path: absolute, text, classNames: facts.strategies.map((s) => s.name) }, { workspaceRoot, settingsGlobs: resultGlobs, periodsPerYear, fs: resultFs }, cache) }),
        fix,
        unsafe,
        note: io.stderr,
      });
      if ('error' in notebook) errors.push(`${file}: ${notebook.error}`);
      else results.push(notebook);
      continue;
    }
    const absolute = path.resolve(file);
    // Results must stay inside the project: the working directory, or, for a file outside it, the
    // folder of its configuration file (else its own folder).
    const workspaceRoot = absolute.startsWith(cwd + path.sep) ? cwd : configs.projectRootFor(absolute);
    const { config, resultGlobs, periodsPerYear, maxFileBytes } = configFor(absolute, workspaceRoot);
    const read = readSourceFile(file, maxFlag !== undefined ? Number(maxFlag) : maxFileBytes);
    if ('error' in read) {
      // A file that was not linted is a finding (as Ruff's E902), never a silent clean file.
      const finding = read.tooLarge ? fileTooLargeFinding(read.tooLarge.size, read.tooLarge.limit, '--max-file-bytes or max-file-bytes', 'bytes') : unreadableFileFinding(read.error);
      results.push({ file, findings: [finding] });
      continue;
    }
    const input = (text: string): LintInput => ({
      path: absolute,
      text,
      config,
      attach: (facts) => attachResults({ path: absolute, text, classNames: facts.strategies.map((s) => s.name) }, { workspaceRoot, settingsGlobs: resultGlobs, periodsPerYear, fs: resultFs }, cache),
    });
    let output = lintPython(input(read.text));
    if (fix) {
      const fixed = fixAll(input(read.text), output, unsafe);
      if (fixed.applied.length > 0) {
        fs.writeFileSync(file, fixed.text);
        const n = fixed.applied.length;
        io.stderr(`${file}: fixed ${n} problem${n === 1 ? '' : 's'} (${[...new Set(fixed.applied.map((f) => f.rule))].join(', ')})`);
        if (fixed.output !== output) output.release();
        output = fixed.output;
      }
    }
    output.release();
    results.push({ file, findings: output.findings });
  }
  const rendered = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, process.cwd(), VERSION) : formatText(results);
  io.stdout(rendered);
  for (const error of errors) io.stderr(`strategy-lint: ${error}`);
  if (errors.length || configErrors) return 2;
  // --exit-zero (as in Ruff): report findings without failing, e.g. for a demo or a first run in CI.
  if (parsed.options['exit-zero']) return 0;
  return results.some((r) => r.findings.length) ? 1 : 0;
}
