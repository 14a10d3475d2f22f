import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ConfigProblem } from '../../../server/src/engine/config';

/** A temporary workspace with the given files (relative path -> text); removed by the returned cleanup. */
export function tempWorkspace(files: Record<string, string>): { root: string; file(relative: string): string; write(relative: string, text: string): void; cleanup(): void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'strategy-lint-config-')));
  const write = (relative: string, text: string) => {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  };
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  return { root, file: (relative) => path.join(root, relative), write, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The text each problem points at, with its severity: easy to assert on. */
export function located(text: string, problems: ConfigProblem[]): { at: string; severity: string; message: string }[] {
  return problems.map((p) => ({ at: text.slice(p.offset, p.offset + p.length), severity: p.severity, message: p.message }));
}
