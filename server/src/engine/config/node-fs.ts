// ConfigFs over Node's fs, for the language server and the CLI (the engine itself stays free of fs).
import * as fs from 'fs';
import type { ConfigFs } from './types';

export const nodeConfigFs: ConfigFs = {
  stat(file) {
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
    } catch {
      return undefined;
    }
  },
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};
