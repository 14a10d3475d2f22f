// The Python-side properties, parameterised by fast-check run parameters so the unit run (fixed
// seed, few cases) and the long run (FUZZ_SEED / FUZZ_RUNS) execute the same checks.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintPython } from '../../server/src/engine/lint';
import { parsePython } from '../../server/src/engine/python/parser';
import { LineIndex, parserText } from '../../server/src/engine/text';
import { DocumentStore } from '../../server/src/python-documents';
import {
  anyStringArb,
  assertValidLint,
  describeInput,
  firstDifference,
  lspChangeArb,
  hangGuardMs,
  mutatedStrategyArb,
  tokenSoupArb,
  treeFingerprint,
  type LspChange,
} from './fuzz-python';

/** Lints `text` once, checking every invariant (and the hang guard); returns the ms taken. */
export function lintAndCheck(text: string, path = '/fuzz/strategy.py'): number {
  const started = performance.now();
  let output;
  try {
    output = lintPython({ path, text });
  } catch (error) {
    assert.fail(`lintPython threw on ${describeInput(text)}: ${(error as Error)?.stack ?? error}`);
  }
  const elapsed = performance.now() - started;
  try {
    assertValidLint(text, output);
  } finally {
    output.release();
  }
  const guard = hangGuardMs(text);
  assert.ok(elapsed < guard, `lintPython ran ${elapsed.toFixed(0)} ms (hang guard ${guard.toFixed(0)} ms) on ${describeInput(text)}`);
  return elapsed;
}

export const lintProperties = {
  mutatedStrategies: () => fc.property(mutatedStrategyArb(), (text) => void lintAndCheck(text)),
  tokenSoup: () => fc.property(tokenSoupArb, (text) => void lintAndCheck(text)),
  anyString: () => fc.property(anyStringArb, (text) => void lintAndCheck(text)),
};

/**
 * Applies `changes` one notification at a time through DocumentStore.change + treeFor, and after
 * each compares the incremental tree, and the findings linted from it, with a fresh parse.
 */
export function checkIncremental(initial: string, batches: LspChange[][]): void {
  const store = new DocumentStore();
  const uri = 'file:///fuzz/incremental.py';
  const entry = store.open(uri, 'python', 1, initial);
  let version = 1;
  try {
    store.treeFor(entry);
    let expected = initial;
    for (const batch of batches) {
      store.change(uri, ++version, batch);
      const text = entry.document.getText();
      for (const change of batch) expected = applyLspChange(expected, change);
      if (text !== expected) {
        assert.fail(`document text diverged from LSP semantics after ${JSON.stringify(batch)}:\nstore:    ${describeInput(text)}\nexpected: ${describeInput(expected)}`);
      }
      const incremental = store.treeFor(entry);
      // The product parses parserText() (lone CR as LF, same offsets): so does the reference.
      const fresh = parsePython(parserText(text));
      try {
        const a = treeFingerprint(incremental.rootNode);
        const b = treeFingerprint(fresh.rootNode);
        if (a !== b) {
          assert.fail(`incremental tree differs from a fresh parse after ${JSON.stringify(batch)}: ${firstDifference(a, b)}\ntext: ${describeInput(text)}`);
        }
        const viaStore = lintPython({ path: '/fuzz/incremental.py', text, tree: incremental });
        const viaFresh = lintPython({ path: '/fuzz/incremental.py', text, tree: fresh });
        try {
          assert.deepEqual(viaStore.findings, viaFresh.findings);
          assertValidLint(text, viaStore);
        } finally {
          viaStore.release();
          viaFresh.release();
        }
      } finally {
        fresh.delete();
      }
    }
  } finally {
    store.close(uri);
  }
}

export const incrementalProperty = () =>
  fc.property(
    fc.oneof(mutatedStrategyArb(), tokenSoupArb),
    fc.array(fc.array(lspChangeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
    (initial, batches) => checkIncremental(initial, batches),
  );

/**
 * Reference model of one LSP content change: positions past a line's end clamp to it, lines past
 * the end to the end of the text, a reversed range is ordered; no position inside a CRLF.
 */
export function applyLspChange(text: string, change: LspChange): string {
  if (!change.range) return change.text;
  const lines = new LineIndex(text);
  const a = lines.offsetAt(change.range.start);
  const b = lines.offsetAt(change.range.end);
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
}
