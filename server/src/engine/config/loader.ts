// Finding the configuration file that applies to a strategy: the NEAREST one, walking up from the
// strategy's folder and never above the workspace root (as Ruff does). Within one folder the
// precedence is `.strategy-lint.json` > `strategy-lint.toml` > `pyproject.toml`, and a
// pyproject.toml without a `[tool.strategy-lint]` section is not a configuration file (the walk
// goes on above it). Parsed files are cached by path + mtime + size.
import * as path from 'path';
import { parseConfigText } from './parse';
import { isInside } from './paths';
import { CONFIG_FILE_NAMES, type ConfigFs, type ConfigKind, type LoadedConfig } from './types';

const KIND: Record<(typeof CONFIG_FILE_NAMES)[number], ConfigKind> = {
  '.strategy-lint.json': 'json',
  'strategy-lint.toml': 'toml',
  'pyproject.toml': 'pyproject',
};

interface CacheEntry {
  mtimeMs: number;
  size: number;
  workspaceRoot: string;
  /** undefined: the file exists but is not a configuration (pyproject without the section). */
  loaded: LoadedConfig | undefined;
}

export class ConfigLoader {
  private readonly cache = new Map<string, CacheEntry>();
  /** Number of files parsed (not served from the cache); for tests and logs. */
  parses = 0;

  constructor(private readonly fs: ConfigFs) {}

  /**
   * The configuration that applies to `filePath` (absolute), or undefined when there is none.
   * A file outside `workspaceRoot` only sees configuration in its own folder.
   */
  configFor(filePath: string, workspaceRoot: string): LoadedConfig | undefined {
    const file = path.resolve(filePath);
    let root = path.resolve(workspaceRoot);
    let dir = path.dirname(file);
    if (!isInside(root, dir)) root = dir;
    for (;;) {
      for (const name of CONFIG_FILE_NAMES) {
        const loaded = this.load(path.join(dir, name), root);
        if (loaded) return loaded;
      }
      if (dir === root) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir || !isInside(root, parent)) return undefined;
      dir = parent;
    }
  }

  /**
   * One configuration file (kind from its name), or undefined when it does not exist, cannot be
   * read, or is a pyproject.toml without `[tool.strategy-lint]`.
   */
  load(configPath: string, workspaceRoot: string): LoadedConfig | undefined {
    const file = path.resolve(configPath);
    const kind = KIND[path.basename(file) as keyof typeof KIND] ?? (file.endsWith('.json') ? 'json' : 'toml');
    let stat: { mtimeMs: number; size: number } | undefined;
    try {
      stat = this.fs.stat(file);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      this.cache.delete(file);
      return undefined;
    }
    const root = path.resolve(workspaceRoot);
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size && hit.workspaceRoot === root) return hit.loaded;
    let text: string | undefined;
    try {
      text = this.fs.readFile(file);
    } catch {
      text = undefined;
    }
    if (text === undefined) return undefined;
    this.parses++;
    const loaded = parseConfigText(text.replace(/^\uFEFF/, ''), { source: file, kind, workspaceRoot: root });
    if (loaded && text.startsWith('\uFEFF')) for (const p of loaded.problems) p.offset += 1;
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, workspaceRoot: root, loaded });
    return loaded;
  }

  /**
   * The project a file outside the working directory belongs to: the folder of the nearest
   * configuration file above it (as Ruff resolves a project from its `pyproject.toml`), else the
   * file's own folder. Paths in that configuration resolve from there, wherever the CLI runs.
   */
  projectRootFor(filePath: string): string {
    let dir = path.dirname(path.resolve(filePath));
    for (;;) {
      for (const name of CONFIG_FILE_NAMES) if (this.load(path.join(dir, name), dir)) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) return path.dirname(path.resolve(filePath));
      dir = parent;
    }
  }

  /** Forgets cached files (all, or one path). */
  invalidate(configPath?: string): void {
    if (configPath) this.cache.delete(path.resolve(configPath));
    else this.cache.clear();
  }
}
