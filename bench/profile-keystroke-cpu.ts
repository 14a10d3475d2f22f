// CPU profile of the keystroke loop alone (bench/profile-keystroke.ts's edits, no first lint):
//   npx tsx bench/profile-keystroke-cpu.ts OUT.cpuprofile [keystrokes] [FILE]
// then `node bench/cpuprofile-summary.cjs OUT.cpuprofile 40` for self and inclusive time.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import { initPythonParser, parsePython, Edit } from '../server/src/engine/python/parser';
import { lintPython } from '../server/src/engine/lint';
import { parserText } from '../server/src/engine/text';

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function main() {
  await initPythonParser();
  const out = process.argv[2] ?? 'keystroke.cpuprofile';
  const count = Number(process.argv[3] ?? 200);
  const file = process.argv[4] || `${__dirname}/.generated/large/strategy_library.py`;
  let text = fs.readFileSync(file, 'utf8');
  // Type after the name of the frame the file indexes most (`dataframe[`, or `df[`).
  const needle = ['dataframe[', 'df['].find((n) => text.includes(n)) ?? '(';
  let tree = parsePython(parserText(text));
  let previousRoot = lintPython({ path: file, text, tree }).index.root;
  const offsets: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) offsets.push(at + needle.length - 1);
  const step = Math.max(1, Math.floor(offsets.length / count));
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(session, 'Profiler.start');
  let shift = 0;
  for (let i = 0, done = 0; i < offsets.length && done < count; i += step, done++) {
    const off = offsets[i] + shift;
    const before = text.slice(0, off).split('\n');
    const point = { row: before.length - 1, column: before[before.length - 1].length };
    text = text.slice(0, off) + 'x' + text.slice(off);
    shift++;
    tree.edit(new Edit({ startIndex: off, oldEndIndex: off, newEndIndex: off + 1, startPosition: point, oldEndPosition: point, newEndPosition: { row: point.row, column: point.column + 1 } }));
    const next = parsePython(parserText(text), tree);
    tree.delete();
    tree = next;
    const result = lintPython({ path: file, text, tree, previousRoot });
    for (const group of Object.keys(result.facts ?? {})) void (result.facts as unknown as Record<string, unknown>)[group];
    previousRoot = result.index.root;
  }
  const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
  fs.writeFileSync(out, JSON.stringify(profile));
}
void main();
