// `unreadable-file` (SL001): a source file that cannot be read as text (permissions, binary
// content, invalid UTF-8) is a finding, as Ruff's E902, so a JSON or SARIF consumer never mistakes
// it for a clean file. The CLI decides it while reading, before any parse, so `check` does nothing.
import type { Finding } from '../../types';
import type { Rule } from '../rule';

export const unreadableFile: Rule = {
  name: 'unreadable-file',
  code: 'SL001',
  family: 'meta',
  defaultSeverity: 'error',
  summary: 'The file cannot be read as UTF-8 Python source, so it was not linted.',
  glossary: ['overfitting-detection'],
  docs: {
    what:
      'Reports, at the top of the file, a source file the CLI could not read: no permission, binary content (a NUL byte), or bytes that are not valid UTF-8. No other rule runs on it.',
    why:
      'A linter that silently skips a file it cannot read reports that file as clean. In CI that hides the strategy that most needs a look: a file saved in a legacy encoding, a corrupted checkout, a binary committed under a `.py` name.',
    example: '# strategies/legacy.py saved in Windows-1252: "caf\\xe9" is not valid UTF-8',
    fix: 'Save the file as UTF-8 (Python 3 source is UTF-8 by default), fix its permissions, or exclude it from the paths you check.',
  },
  check() {
    // Decided while reading: see unreadableFileFinding.
  },
};

export function unreadableFileFinding(reason: string): Finding {
  return {
    rule: unreadableFile.name,
    code: unreadableFile.code,
    severity: unreadableFile.defaultSeverity,
    message: `Strategy Lint could not read this file: ${reason}.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
