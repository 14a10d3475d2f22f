import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { DocumentStore } from '../../../server/src/python-documents';

const STRATEGY = path.join(__dirname, '..', '..', '..', 'examples', 'freqtrade', 'user_data', 'strategies', 'BandRiderStrategy.py');

describe('incremental re-parsing from LSP content changes', () => {
  before(() => initPythonParser());

  it('gives the same tree as a fresh parse after a sequence of edits (incl. emoji and CRLF)', () => {
    const store = new DocumentStore();
    const text = fs.readFileSync(STRATEGY, 'utf8');
    const uri = 'file:///x.py';
    const entry = store.open(uri, 'python', 1, text);
    store.treeFor(entry);
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# 😀 emoji first\r\n' },
      { range: { start: { line: 20, character: 4 }, end: { line: 20, character: 4 } }, text: 'extra = IntParameter(1, 5, default=3)\n    ' },
      { range: { start: { line: 30, character: 0 }, end: { line: 32, character: 0 } }, text: '' },
      { range: { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } }, text: '\nx = 1\n' },
    ];
    let version = 1;
    for (const edit of edits) {
      store.change(uri, ++version, [edit]);
      const incremental = store.treeFor(entry);
      const fresh = parsePython(entry.document.getText());
      assert.equal(incremental.rootNode.toString(), fresh.rootNode.toString());
      fresh.delete();
    }
    store.close(uri);
  });
});
