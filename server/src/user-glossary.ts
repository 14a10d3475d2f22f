// User glossary files named in settings: read as JSON data (never executed), confined to the
// workspace folder, merged over the built-in terms by id.
import { isInside } from './engine/paths';
import * as fs from 'fs';
import * as path from 'path';
import { loadGlossary, parseUserGlossary, setActiveGlossary, type GlossaryTerm } from './engine/glossary/glossary';

let lastKey = '';

/** Loads the named files (relative to `root`) and makes the merged glossary active; returns problems. */
export function applyUserGlossaries(files: string[], root: string): string[] {
  const problems: string[] = [];
  const lists: GlossaryTerm[][] = [];
  const keyParts: string[] = [];
  const realRoot = safeRealpath(root) ?? root;
  for (const name of files) {
    const resolved = path.resolve(root, name);
    const real = safeRealpath(resolved);
    if (!real) {
      problems.push(`glossary file ${name}: not found`);
      continue;
    }
    if (!isInside(realRoot, real)) {
      problems.push(`glossary file ${name}: refused, it resolves outside the workspace folder`);
      continue;
    }
    try {
      const stat = fs.statSync(real);
      keyParts.push(`${real}:${stat.mtimeMs}:${stat.size}`);
      if (stat.size > 5 * 1024 * 1024) {
        problems.push(`glossary file ${name}: skipped, larger than 5 MB`);
        continue;
      }
      const parsed = parseUserGlossary(fs.readFileSync(real, 'utf8'), name);
      problems.push(...parsed.problems.map((p) => p.message));
      lists.push(parsed.terms);
    } catch (error) {
      problems.push(`glossary file ${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  }
  const key = keyParts.join('|');
  if (key !== lastKey) {
    lastKey = key;
    setActiveGlossary(lists.length ? loadGlossary(lists) : undefined);
  }
  return problems;
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}
