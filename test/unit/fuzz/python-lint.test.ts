// Property tests of lintPython and incremental parsing: fixed seed, bounded counts (the long run
// with FUZZ_SEED / FUZZ_RUNS is test/fuzz/python.fuzz.ts).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { DocumentStore } from '../../../server/src/python-documents';
import { unitParams } from '../../helpers/fuzz-config';
import { pathologicalSources, treeFingerprint } from '../../helpers/fuzz-python';
import { checkIncremental, incrementalProperty, lintAndCheck, lintProperties } from '../../helpers/fuzz-python-properties';

describe('fuzz: lintPython', function () {
  this.timeout(60000);
  before(() => initPythonParser());

  it('keeps its invariants on mutated real-style strategies (200 cases)', () => {
    fc.assert(lintProperties.mutatedStrategies(), unitParams(200));
  });

  it('keeps its invariants on token soup (150 cases)', () => {
    fc.assert(lintProperties.tokenSoup(), unitParams(150));
  });

  it('keeps its invariants on arbitrary strings incl. lone surrogates (200 cases)', () => {
    fc.assert(lintProperties.anyString(), unitParams(200));
  });

  for (const { name, text } of pathologicalSources()) {
    it(`keeps its invariants on: ${name}`, () => {
      lintAndCheck(text);
    });
  }
});

describe('fuzz: incremental parsing equals a fresh parse', function () {
  this.timeout(60000);
  before(() => initPythonParser());

  it('after random edit sequences incl. out-of-range and reversed ranges (100 cases)', () => {
    fc.assert(incrementalProperty(), unitParams(100));
  });

  it('after a reversed range (end before start)', () => {
    checkIncremental('a = 1\nb = 2\nc = 3\n', [[{ range: { start: { line: 2, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]]);
  });

  it('after edits on a document with lone CR line endings', () => {
    checkIncremental('a = 1\rb = 2\rc = 3\r', [[{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'bb' }]]);
  });

  it('after an edit that splits a CRLF pair', () => {
    checkIncremental('a = 1\r\nb = 2\r\n', [[{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: 'x\r' }]]);
  });

  it('after an edit beyond the last line', () => {
    checkIncremental('a = 1', [[{ range: { start: { line: 99, character: 3 }, end: { line: 120, character: 0 } }, text: '\nb = 2' }]]);
  });

  it('after two changes in one notification with the same version', () => {
    checkIncremental('a = 1\n', [
      [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'abc' },
        { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } }, text: '42' },
      ],
    ]);
  });

  it('re-parses when a client repeats a version number', () => {
    const store = new DocumentStore();
    const uri = 'file:///fuzz/repeat.py';
    const entry = store.open(uri, 'python', 1, 'a = 1\n');
    try {
      store.treeFor(entry);
      store.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: '2' }]);
      store.treeFor(entry);
      store.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'class S(IStrategy): pass' }]);
      const tree = store.treeFor(entry);
      const fresh = parsePython(entry.document.getText());
      try {
        assert.equal(treeFingerprint(tree.rootNode), treeFingerprint(fresh.rootNode));
      } finally {
        fresh.delete();
      }
    } finally {
      store.close(uri);
    }
  });

  it('keeps the text right after an edit on lines past the end (TextDocument corrupts its line table on those)', () => {
    checkIncremental('a = 1\nb = 2\n', [
      [
        { range: { start: { line: 4, character: 0 }, end: { line: 3, character: 0 } }, text: 'x = 1\n' },
        { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }, text: '' },
      ],
    ]);
  });
});
