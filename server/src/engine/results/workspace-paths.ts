// Containment checks: every associated file must stay inside the workspace, both by its
// written path (no "..") and after resolving symlinks.
import * as path from 'node:path';
import { isInside } from '../paths';
import type { ResultFs } from './result-fs';

export type Contained = { ok: true; real: string } | { ok: false; reason: string };


export class Workspace {
  readonly root: string;
  readonly realRoot: string;

  constructor(root: string, private readonly fs: ResultFs) {
    this.root = path.resolve(root);
    this.realRoot = fs.realpath(this.root) ?? this.root;
  }

  /** Check an absolute path: inside the root as written and as resolved; must exist. */
  check(p: string): Contained {
    const abs = path.resolve(p);
    if (!isInside(this.root, abs)) return { ok: false, reason: 'outside the workspace (the path leaves it with ..)' };
    const real = this.fs.realpath(abs);
    if (real === undefined) return { ok: false, reason: 'file not found' };
    if (!isInside(this.realRoot, real)) return { ok: false, reason: `resolves outside the workspace through a symlink (to ${real})` };
    return { ok: true, real };
  }

  relative(p: string): string {
    return path.relative(this.root, p).split(path.sep).join('/');
  }
}
