// `strategy-lint check [PATH...] [--format text|json|sarif] [--select R,..] [--ignore R,..] [--config FILE] [--fix] [--unsafe-fixes]`
import * as fs from 'fs';
import { fixAll } from '../engine/fixes/fix-all';
import * as path from 'path';
import { configProblemRanges } from '../engine/config';
import { lintPython, type LintInput } from '../engine/lint';
import { LintSession } from '../engine/session';
import { fileTooLargeFinding } from '../engine/rules/meta/file-too-large';
import { unreadableFileFinding } from '../engine/rules/meta/unreadable-file';
import { selectRules } from '../engine/rules/registry';
import { collectPythonFiles, readSourceFile } from './files';
import { formatJson, formatSarif, formatText, type FileFindings } from './formats';
import { parseArgs, UsageError, type CliIO } from './io';
import { checkNotebookFile, isNotebookPath } from './notebook-files';

const VERSION = '0.1.0';
/**
 * Result files kept loaded during a run: a strategy's results (a backtest, its hyperopt runs)
 * are shared, if at all, by strategies of the same folder, which are checked one after another.
 */
const RESULT_FILES_KEPT = 64;

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
  // One run sees a fixed workspace: the session may remember folder listings and file heads.
  // Results stay inside the project: the working directory, or, for a file outside it, the
  // folder of its configuration file (else its own folder).
  const session = new LintSession({ listings: { kind: 'run' }, resultFilesKept: RESULT_FILES_KEPT });
  const cwd = process.cwd();
  const explicitConfig = parsed.options.config as string | undefined;
  if (explicitConfig && !fs.existsSync(explicitConfig)) throw new UsageError(`--config ${explicitConfig}: file not found`);
  const reportedConfigs = new Set<string>();
  let configErrors = 0;
  /** Problems in a configuration file, printed once per run. */
  const reportConfig = (absolute: string) => {
    const loaded = session.configFileFor(absolute, { configFile: explicitConfig });
    if (loaded && !reportedConfigs.has(loaded.source)) {
      reportedConfigs.add(loaded.source);
      const configText = fs.readFileSync(loaded.source, 'utf8');
      for (const problem of configProblemRanges(configText, loaded.problems)) {
        if (problem.severity === 'error') configErrors++;
        io.stderr(`${path.relative(cwd, loaded.source)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message}`);
      }
    }
    return loaded;
  };
  /** CLI flags over the nearest configuration file (or --config), then per-file-ignores. */
  const inputFor = (absolute: string, text: string) =>
    session.inputFor(absolute, text, { select, ignore, configFile: explicitConfig, configurationPreference: 'editorFirst' });
  for (const file of files) {
    const absolute = path.resolve(file);
    const maxFileBytes = reportConfig(absolute)?.maxFileBytes;
    if (isNotebookPath(file)) {
      // Code cells as one program, reported per cell (see notebook-files.ts); results association as for a .py file.
      const notebook = checkNotebookFile(file, { input: (text) => inputFor(absolute, text).input, fix, unsafe, note: io.stderr });
      if ('error' in notebook) errors.push(`${file}: ${notebook.error}`);
      else results.push(notebook);
      continue;
    }
    const read = readSourceFile(file, maxFlag !== undefined ? Number(maxFlag) : maxFileBytes);
    if ('error' in read) {
      // A file that was not linted is a finding (as Ruff's E902), never a silent clean file.
      const finding = read.tooLarge ? fileTooLargeFinding(read.tooLarge.size, read.tooLarge.limit, '--max-file-bytes or max-file-bytes', 'bytes') : unreadableFileFinding(read.error);
      results.push({ file, findings: [finding] });
      continue;
    }
    const input = (text: string): LintInput => inputFor(absolute, text).input;
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
