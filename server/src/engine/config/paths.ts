// Paths named in a configuration file (`results`, `glossary`) are relative to the file's folder
// and must stay inside the workspace root: `..` that leaves it, and absolute paths elsewhere, are
// refused. Accepted entries are returned workspace-relative with `/` separators, the form the
// settings `strategyLint.resultGlobs` / `strategyLint.glossaryFiles` use.
import * as path from 'path';
import { isInside } from '../paths';
import { hasGlobMagic } from './glob';

export type ResolvedPath = { relative: string } | { error: string };

const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\)/;

export { isInside };

export function resolveConfigPath(entry: string, configDir: string, workspaceRoot: string, allowGlob: boolean): ResolvedPath {
  const trimmed = entry.trim();
  if (!trimmed) return { error: 'empty path' };
  if (trimmed.includes('\0')) return { error: 'path contains a NUL character' };
  const absolute = path.isAbsolute(trimmed) || WINDOWS_ABSOLUTE.test(trimmed);
  if (WINDOWS_ABSOLUTE.test(trimmed) && path.sep === '/') return { error: `'${entry}' is an absolute path outside the workspace` };
  const segments = trimmed.split(/[\\/]+/);
  const firstMagic = allowGlob ? segments.findIndex(hasGlobMagic) : -1;
  const fixed = firstMagic < 0 ? segments : segments.slice(0, firstMagic);
  const pattern = firstMagic < 0 ? [] : segments.slice(firstMagic);
  if (!allowGlob && segments.some(hasGlobMagic)) return { error: `'${entry}' must be a file path, not a glob` };
  if (pattern.includes('..')) return { error: `'${entry}' uses '..' after a wildcard; write a path inside the workspace` };
  const base = absolute ? path.resolve(fixed.join('/') || '/') : path.resolve(configDir, ...fixed);
  const root = path.resolve(workspaceRoot);
  if (!isInside(root, base)) {
    return { error: absolute ? `'${entry}' is an absolute path outside the workspace` : `'${entry}' leaves the workspace root` };
  }
  const relative = path.relative(root, base).split(path.sep).filter(Boolean);
  const joined = [...relative, ...pattern].join('/');
  return { relative: joined || '.' };
}
