// Finding the files to check and reading them strictly (invalid UTF-8 and binary are errors).
import * as fs from 'fs';
import * as path from 'path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', '.tox', '.mypy_cache', '.ruff_cache', 'dist', 'build']);

export function collectPythonFiles(inputs: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const visit = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      errors.push(`${p}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && (SKIP_DIRS.has(path.basename(p)) || path.basename(p).startsWith('.'))) return;
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name), false);
    } else if (explicit || p.endsWith('.py') || p.endsWith('.ipynb') || p.endsWith('.pine')) {
      files.push(p);
    }
  };
  for (const input of inputs) visit(input, true);
  return { files, errors };
}

/** The text, or why not: too large (with the size and the limit), or unreadable. */
export type ReadResult = { text: string } | { error: string; tooLarge?: { size: number; limit: number } };

/** Same default as the editor's strategyLint.maxFileBytes: real strategies reach 3.5 MB and 78,000 lines. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export function readSourceFile(file: string, maxBytes = MAX_SOURCE_BYTES): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { error: `skipped: too large (${size} bytes; the limit is ${maxBytes})`, tooLarge: { size, limit: maxBytes } };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { error: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: `binary content (NUL byte at offset ${nul}); not a source file` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not valid UTF-8; save the file as UTF-8' };
  }
}
