// The read-only file access association needs, so tests can fake it and nothing ever writes.
import * as fs from 'node:fs';

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  mtimeMs: number;
  size: number;
}

export interface ResultFs {
  /** Canonical path (symlinks resolved), or undefined when it does not exist. */
  realpath(p: string): string | undefined;
  /** Stat following symlinks (isSymbolicLink from lstat); undefined when missing. */
  stat(p: string): FileStat | undefined;
  /** Entry names, or [] when the folder cannot be read. */
  readdir(p: string): string[];
  /** At most maxBytes from the start (or the end) of a file; undefined on error. */
  readPart(p: string, maxBytes: number, fromEnd?: boolean): Uint8Array | undefined;
  /**
   * A value derived from what this fs answered (the strategies a result holds, a sorted
   * listing), remembered as long as those answers are: only memoizing file systems have it.
   */
  remember?<T>(key: string, compute: () => T): T;
}

/** `compute()`, remembered under `key` when the fs remembers its answers. */
export function derived<T>(fs: ResultFs, key: string, compute: () => T): T {
  return fs.remember ? fs.remember(key, compute) : compute();
}

export const nodeResultFs: ResultFs = {
  realpath(p) {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  },
  stat(p) {
    try {
      const st = fs.statSync(p);
      const link = fs.lstatSync(p).isSymbolicLink();
      return { isFile: st.isFile(), isDirectory: st.isDirectory(), isSymbolicLink: link, mtimeMs: st.mtimeMs, size: st.size };
    } catch {
      return undefined;
    }
  },
  readdir(p) {
    try {
      return fs.readdirSync(p);
    } catch {
      return [];
    }
  },
  readPart(p, maxBytes, fromEnd = false) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(p, 'r');
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, maxBytes);
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, fromEnd ? size - length : 0);
      return buf;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
};
