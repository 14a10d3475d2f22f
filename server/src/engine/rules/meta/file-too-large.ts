// `file-too-large` (SL000): a file above the size limit is not linted at all. The front that reads
// the file decides that before parsing (nothing of it is parsed), so `check` does nothing and the
// finding comes from `fileTooLargeFinding`, which keeps its wording and code in this one place.
import type { Finding } from '../../types';
import type { Rule } from '../rule';

export const fileTooLarge: Rule = {
  name: 'file-too-large',
  code: 'SL000',
  family: 'meta',
  defaultSeverity: 'info',
  summary: 'The file is above the size limit, so it was not linted.',
  glossary: ['overfitting-detection'],
  docs: {
    what:
      'Reports, at the top of the file, that Strategy Lint skipped a file larger than the size limit (the `strategyLint.maxFileBytes` setting in editors; `--max-file-bytes` or `max-file-bytes` in a configuration file for the CLI; 8 MiB by default, above the largest real strategies, about 3.5 MB). No other rule runs on it.',
    why:
      'Strategy files are small; a multi-megabyte Python file is generated code, vendored data or a notebook export, and analysing it on every keystroke would stall the editor. Saying that the file was skipped keeps the silence honest: no findings here means "not checked", not "checked and clean".',
    example: '# a 40 MB file of generated feature tables, saved as features_dump.py',
    fix: 'Raise `strategyLint.maxFileBytes` if the file really is a strategy, or exclude the file from linting.',
  },
  check() {
    // Decided before parsing: see fileTooLargeFinding.
  },
};

/** The finding for a file of `length` characters above `limit` (the setting named in the message). */
export function fileTooLargeFinding(length: number, limit: number, setting = 'strategyLint.maxFileBytes', unit = 'characters'): Finding {
  return {
    rule: fileTooLarge.name,
    code: fileTooLarge.code,
    severity: fileTooLarge.defaultSeverity,
    message: `Strategy Lint skipped this file: ${length} ${unit} is above the limit of ${limit} (setting ${setting}).`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
