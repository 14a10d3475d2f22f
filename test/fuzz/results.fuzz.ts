// Long fuzz run of result loading: `npm run fuzz` (FUZZ_SEED, FUZZ_RUNS), plus memory figures
// for a file just under the 50 MB cap.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import fc from 'fast-check';
import { longRunParams } from '../helpers/fuzz-config';
import { probeLoadMemory, writeBigBacktest } from '../helpers/fuzz-big-files';
import { loadAndCheck, pathologicalResults, resultProperty } from '../helpers/fuzz-results';

describe('long fuzz: loadResultFile', () => {
  it('mutated real result files, junk and broken zips', () => fc.assert(resultProperty(), longRunParams(1)));

  for (const sample of pathologicalResults()) {
    it(`pathological: ${sample.name}`, () => void loadAndCheck(sample));
  }

  for (const megabytes of [100, 45]) {
    it(`memory: a ${megabytes} MB freqtrade backtest`, () => {
      const { dir, file } = writeBigBacktest(megabytes);
      try {
        const probe = probeLoadMemory(file);
        console.log(`      ${megabytes} MB: ${JSON.stringify(probe)}`);
        assert.ok(probe.loadPeakGrowthMB < megabytes * 6, `peak RSS grew by ${probe.loadPeakGrowthMB} MB`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
