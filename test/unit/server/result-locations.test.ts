// Where diagnostics about result files point: the key in a pretty-printed file, the line start
// plus the key path far along a long line (a one-line JSON export).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LONG_LINE_COLUMN, ResultLocations } from '../../../server/src/result-locations';

describe('result file locations', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-loc-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a key near the start of its line where it is', () => {
    const at = new ResultLocations().locate(path.join(dir, 'none.json'), { start: { line: 7, character: 4 }, end: { line: 7, character: 18 } });
    assert.deepEqual(at, { range: { start: { line: 7, character: 4 }, end: { line: 7, character: 18 } } });
  });

  it('moves a key far along a one-line file to line 1 and names its path', () => {
    const file = path.join(dir, 'one-line.json');
    const text = JSON.stringify({ strategy: { S: { trades: Array.from({ length: 400 }, (_, i) => ({ profit: i })), total_trades: 400 } } });
    fs.writeFileSync(file, text);
    const offset = text.indexOf('"total_trades"');
    assert.ok(offset > LONG_LINE_COLUMN);
    const locations = new ResultLocations();
    const at = locations.locate(file, { start: { line: 0, character: offset }, end: { line: 0, character: offset + 14 } });
    assert.deepEqual(at.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(at.keyPath, 'strategy/S/total_trades');
    assert.equal(locations.message('Only 400 trades.', at), 'Only 400 trades. (at key strategy/S/total_trades)');
  });

  it('still moves the location when the file cannot be read, without a key path', () => {
    const at = new ResultLocations().locate(path.join(dir, 'gone.json'), { start: { line: 0, character: 19000 }, end: { line: 0, character: 19010 } });
    assert.deepEqual(at, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, keyPath: undefined });
  });
});
