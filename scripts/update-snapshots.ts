// Regenerates the expected-findings snapshot beside every strategy fixture. Review the diff!
import * as fs from 'fs';
import { initPythonParser } from '../server/src/engine/python/parser';
import { expectedPath, fixtureFiles, snapshotOf } from '../test/helpers/snapshots';

initPythonParser().then(() => {
  let changed = 0;
  for (const file of fixtureFiles()) {
    const next = snapshotOf(file);
    const target = expectedPath(file);
    const previous = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (previous !== next) {
      fs.writeFileSync(target, next);
      changed++;
      console.log(`updated ${target}`);
    }
  }
  console.log(`${changed} snapshot(s) changed`);
});
