import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { initPythonParser } from '../../server/src/engine/python/parser';
import { expectedPath, FIXTURE_ROOT, fixtureFiles, snapshotOf } from '../helpers/snapshots';

describe('strategy fixtures match their reviewed snapshots', () => {
  before(() => initPythonParser());
  const files = fixtureFiles();
  it('has fixtures', () => assert.ok(files.length > 0, `no fixtures under ${FIXTURE_ROOT}`));
  for (const file of files) {
    it(path.relative(FIXTURE_ROOT, file), () => {
      const target = expectedPath(file);
      assert.ok(fs.existsSync(target), `missing snapshot ${target}: run npm run snapshots and review it`);
      assert.equal(snapshotOf(file), fs.readFileSync(target, 'utf8'));
    });
  }
});
