// The one containment check. Every path the engine follows (configuration, result files,
// glossary files) must stay inside its workspace folder.
import * as path from 'path';

/** True when `child` is `root` or inside it (both absolute; compare real paths to see through symlinks). */
export function isInside(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  if (relative === '') return true;
  // A name that merely starts with two dots ("..backup") is still inside.
  return relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}
