// Long fuzz run of the Python side: `npm run fuzz` (FUZZ_SEED, FUZZ_RUNS; default 1000 runs).
// Same properties as test/unit/fuzz/python-lint.test.ts, more cases, and the full-size inputs.
import fc from 'fast-check';
import { initPythonParser } from '../../server/src/engine/python/parser';
import { longRunParams } from '../helpers/fuzz-config';
import { pathologicalSources } from '../helpers/fuzz-python';
import { incrementalProperty, lintAndCheck, lintProperties } from '../helpers/fuzz-python-properties';

describe('long fuzz: lintPython', () => {
  before(() => initPythonParser());

  it('mutated real-style strategies', () => fc.assert(lintProperties.mutatedStrategies(), longRunParams(1)));
  it('token soup', () => fc.assert(lintProperties.tokenSoup(), longRunParams(1)));
  it('arbitrary strings', () => fc.assert(lintProperties.anyString(), longRunParams(1)));
  it('incremental parsing equals a fresh parse', () => fc.assert(incrementalProperty(), longRunParams(0.5)));

  for (const { name, text } of pathologicalSources('long')) {
    it(`pathological: ${name}`, () => void lintAndCheck(text));
  }
});
