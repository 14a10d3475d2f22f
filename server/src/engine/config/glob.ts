// A small glob matcher for configuration patterns (`per-file-ignores`): `**` (any folders),
// `*` and `?` (within one path segment), `[abc]` / `[!abc]` and `{a,b}`. Paths use `/`.
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  const re = new RegExp(`^${translate(glob)}$`);
  if (cache.size > 500) cache.clear();
  cache.set(glob, re);
  return re;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function translate(glob: string): string {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        i += 2;
        if (atStart && glob[i] === '/') {
          out += '(?:.*/)?';
          i++;
        } else {
          out += '.*';
        }
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close + 1;
        continue;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escape(glob[i + 1]);
      i += 2;
      continue;
    } else {
      out += escape(c);
    }
    i++;
  }
  // An unclosed `{`: close its group so the expression stays valid.
  out += ')'.repeat(braces);
  return out;
}

/** Ruff's rule: a pattern without `/` matches the file name at any depth, else the whole path. */
export function matchesPathGlob(glob: string, relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const pattern = glob.replace(/^\.\//, '');
  if (!pattern.includes('/')) return globToRegExp(pattern).test(path.slice(path.lastIndexOf('/') + 1));
  return globToRegExp(pattern).test(path);
}

export function hasGlobMagic(segment: string): boolean {
  return /[*?[{]/.test(segment);
}
