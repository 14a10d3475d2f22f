// Result globs ("results/**/*.backtest.json", "results/{a,b}/*.json") match with the one glob
// engine of the configuration (config/glob.ts), so a pattern the configuration accepts matches
// the same files here. Paths are compared with '/' separators, relative to the workspace.
import { globToRegExp as configGlob } from '../config/glob';

/** Does the workspace-relative path (any separators) match the pattern? */
export function matchGlob(pattern: string, relativePath: string): boolean {
  return configGlob(pattern.replace(/\\/g, '/').replace(/^\.\//, '')).test(relativePath.replace(/\\/g, '/'));
}
