// A ResultFs that remembers every answer: for one CLI run over a whole workspace, where files do
// not change underneath and a thousand strategies would otherwise list and read the same
// result folders a thousand times. The server keeps one between keystrokes and drops it when a
// watched result or configuration file changes, or after a few seconds.
import type { ResultFs } from './result-fs';

export function memoizedResultFs(base: ResultFs): ResultFs {
  const memo = new Map<string, unknown>();
  const cached = <T>(key: string, compute: () => T): T => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute();
    memo.set(key, value);
    return value;
  };
  return {
    realpath: (p) => cached(`r\0${p}`, () => base.realpath(p)),
    stat: (p) => cached(`s\0${p}`, () => base.stat(p)),
    readdir: (p) => cached(`d\0${p}`, () => base.readdir(p)),
    readPart: (p, maxBytes, fromEnd) => cached(`p\0${p}\0${maxBytes}\0${fromEnd ? 1 : 0}`, () => base.readPart(p, maxBytes, fromEnd)),
    remember: (key, compute) => cached(`v\0${key}`, compute),
  };
}
