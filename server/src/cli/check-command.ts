// `strategy-lint check [PATH...] [--format text|json|sarif] [--select R,..] [--ignore R,..] [--fix] [--unsafe-fixes]`
import * as fs from 'fs';
import { fixAll } from '../engine/fixes/fix-all';
import * as path from 'path';
import { attachResults, ResultFileCache } from '../engine/attach-results';
import { lintPython, type LintInput } from '../engine/lint';
import { findRule } from '../engine/rules/registry';
import { collectPythonFiles, readSourceFile } from './files';
import { formatJson, formatSarif, formatText, type FileFindings } from './formats';
import { parseArgs, UsageError, type CliIO } from './io';
import { checkNotebookFile, isNotebookPath } from './notebook-files';

const VERSION = '0.1.0';

export async function runCheckCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { format: 'string', select: 'list', ignore: 'list', fix: 'flag', 'unsafe-fixes': 'flag' });
  const format = (parsed.options.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format '${format}' (expected text, json or sarif)`);
  const select = (parsed.options.select as string[] | undefined) ?? [];
  const ignore = (parsed.options.ignore as string[] | undefined) ?? [];
  for (const name of [...select, ...ignore]) if (!findRule(name)) throw new UsageError(`unknown rule '${name}' (see 'strategy-lint rules')`);
  const fix = !!parsed.options.fix || !!parsed.options['unsafe-fixes'];
  const unsafe = !!parsed.options['unsafe-fixes'];

  const { files, errors } = collectPythonFiles(parsed.positional.length ? parsed.positional : ['.']);
  const results: FileFindings[] = [];
  const cache = new ResultFileCache();
  const cwd = process.cwd();
  for (const file of files) {
    if (isNotebookPath(file)) {
      // Code cells as one program, reported per cell (see notebook-files.ts); results association as for a .py file.
      const absolute = path.resolve(file);
      const workspaceRoot = absolute.startsWith(cwd + path.sep) ? cwd : path.dirname(absolute);
      const notebook = checkNotebookFile(file, {
        input: (text) => ({ path: absolute, text, config: { select, ignore }, attach: (facts) => attachResults({ path: absolute, text, classNames: facts.strategies.map((s) => s.name) }, { workspaceRoot }, cache) }),
        fix,
        unsafe,
        note: io.stderr,
      });
      if ('error' in notebook) errors.push(`${file}: ${notebook.error}`);
      else results.push(notebook);
      continue;
    }
    const read = readSourceFile(file);
    if ('error' in read) {
      errors.push(`${file}: ${read.error}`);
      continue;
    }
    const config = { select, ignore };
    const absolute = path.resolve(file);
    // Results must stay inside the project: the working directory, or the file's folder when
    // the file lies outside it.
    const workspaceRoot = absolute.startsWith(cwd + path.sep) ? cwd : path.dirname(absolute);
    const input = (text: string): LintInput => ({
      path: absolute,
      text,
      config,
      attach: (facts) => attachResults({ path: absolute, text, classNames: facts.strategies.map((s) => s.name) }, { workspaceRoot }, cache),
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
  if (errors.length) return 2;
  return results.some((r) => r.findings.length) ? 1 : 0;
}
