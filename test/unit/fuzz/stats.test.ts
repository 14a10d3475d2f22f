// Property tests of the statistics module: numbers or explicit null, never NaN. Fixed seed,
// bounded counts; the long run (test/fuzz/stats.fuzz.ts) also covers extreme magnitudes.
import fc from 'fast-check';
import { unitParams } from '../../helpers/fuzz-config';
import { statsEdgeCases, statsKnownBugs, statsProperties } from '../../helpers/fuzz-stats';

describe('fuzz: statistics never return NaN', function () {
  this.timeout(60000);
  const properties = statsProperties(false);

  it('moments and Sharpe of arbitrary return series (300 cases)', () => fc.assert(properties.moments(), unitParams(300)));
  it('PSR, MinTRL, DSR, MinBTL over arbitrary inputs (500 cases)', () => fc.assert(properties.sharpeFamily(), unitParams(500)));
  it('computeSharpeStats (300 cases)', () => fc.assert(properties.summary(), unitParams(300)));
  it('PBO (fast and reference) on random, tied, constant, NaN and ragged matrices (60 cases)', () => fc.assert(properties.pbo(), unitParams(60)));

  for (const edge of statsEdgeCases()) it(`edge case: ${edge.name}`, edge.run);

  // KNOWN BUGS found by this fuzzer (server/src/engine/stats/moments.ts, minbtl.ts): un-skip when fixed.
  for (const bug of statsKnownBugs()) it(`fixed bug: ${bug.name}`, bug.run);
});
