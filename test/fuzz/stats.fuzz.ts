// Long fuzz run of the statistics: `npm run fuzz` (FUZZ_SEED, FUZZ_RUNS). FUZZ_EXTREME=1 adds
// subnormal and near-overflow inputs (which currently hit the known NaN bugs).
import fc from 'fast-check';
import { longRunParams } from '../helpers/fuzz-config';
import { statsProperties } from '../helpers/fuzz-stats';

describe('long fuzz: statistics', () => {
  const properties = statsProperties(process.env.FUZZ_EXTREME === '1');
  it('moments and Sharpe', () => fc.assert(properties.moments(), longRunParams(1)));
  it('PSR, MinTRL, DSR, MinBTL', () => fc.assert(properties.sharpeFamily(), longRunParams(2)));
  it('computeSharpeStats', () => fc.assert(properties.summary(), longRunParams(1)));
  it('PBO', () => fc.assert(properties.pbo(), longRunParams(0.3)));
});
