// A 100 MB result file is refused by loadResultFile's size cap without parsing: its memory stays
// bounded. Measured in a child process (peak RSS from getrusage).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { probeLoadMemory, writeBigBacktest } from '../../helpers/fuzz-big-files';

describe('fuzz: a 100 MB result file', function () {
  this.timeout(120000);

  it('is refused above the cap with bounded memory', () => {
    const { dir, file } = writeBigBacktest(100);
    try {
      const probe = probeLoadMemory(file);
      console.log(`      100 MB file: load ${probe.ms} ms, peak RSS growth while loading ${probe.loadPeakGrowthMB} MB (peak after reading the bytes ${probe.peakRssAfterReadMB} MB)`);
      assert.equal(probe.summaries, 1);
      assert.match(probe.problems[0], /too large/);
      assert.ok(probe.loadPeakGrowthMB < 20, `loading grew peak RSS by ${probe.loadPeakGrowthMB} MB`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
