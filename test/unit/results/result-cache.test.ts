// What a run over a workspace keeps in memory: a bounded number of loaded result files (least
// recently used dropped first), and listings derived once per memoizing file system.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultFileCache } from '../../../server/src/engine/results/attach';
import { memoizedResultFs } from '../../../server/src/engine/results/memo-fs';
import { derived, nodeResultFs } from '../../../server/src/engine/results/result-fs';

describe('results: the result file cache and derived listings', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cache-'));
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${name}.backtest.csv`), 'date,return\n2024-01-01,0.01\n2024-01-02,-0.02\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const names = (cache: ResultFileCache) => cache.cachedFiles().map((f) => path.basename(f.file, '.backtest.csv'));

  it('keeps at most `kept` files, dropping the least recently used, and serves a kept file without re-reading it', () => {
    const cache = new ResultFileCache(252, undefined, 2);
    const file = (n: string) => path.join(dir, `${n}.backtest.csv`);
    const a = cache.load(file('a'));
    cache.load(file('b'));
    assert.equal(cache.load(file('a')), a, 'a kept: the same object');
    cache.load(file('c'));
    assert.deepEqual(names(cache), ['a', 'c'], 'b was used least recently');
    assert.notEqual(cache.load(file('b')), undefined);
    assert.deepEqual(names(cache), ['c', 'b']);
  });

  it('keeps every file by default', () => {
    const cache = new ResultFileCache();
    for (const n of ['a', 'b', 'c', 'a']) cache.load(path.join(dir, `${n}.backtest.csv`));
    assert.deepEqual(names(cache).sort(), ['a', 'b', 'c']);
  });

  it('derives a value once per memoizing file system, and every time from the plain one', () => {
    let computed = 0;
    const compute = () => ++computed;
    const memo = memoizedResultFs(nodeResultFs);
    assert.equal(derived(memo, 'k', compute), 1);
    assert.equal(derived(memo, 'k', compute), 1);
    assert.equal(derived(memoizedResultFs(nodeResultFs), 'k', compute), 2, 'a fresh memo (listings reset) derives again');
    assert.equal(derived(nodeResultFs, 'k', compute), 3);
    assert.equal(derived(nodeResultFs, 'k', compute), 4);
  });
});
