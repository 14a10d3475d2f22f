// A small glob matcher for settings like "results/**/*.backtest.json": `**` spans folders,
// `*` and `?` stay inside one path segment. Paths are compared with '/' separators.

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      // "**/" matches zero or more whole folders; a trailing "**" matches the rest.
      if (p[i + 2] === '/') { re += '(?:[^/]*/)*'; i += 2; }
      else { re += '.*'; i += 1; }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}$`);
  cache.set(pattern, compiled);
  return compiled;
}

/** Does the workspace-relative path (any separators) match the pattern? */
export function matchGlob(pattern: string, relativePath: string): boolean {
  return globToRegExp(pattern).test(relativePath.replace(/\\/g, '/'));
}
