// Glossary hovers in Pine documents: the server's hover reads the Pine tree as it reads Python's.
import * as assert from 'node:assert/strict';
import { lintPython } from '../../../server/src/engine/lint';
import { pythonTermHover } from '../../../server/src/glossary-hover';
import type { DocumentLint } from '../../../server/src/lint-service';

function lintOf(text: string): DocumentLint {
  const output = lintPython({ path: 'script.pine', text });
  return { uri: 'file:///script.pine', version: 1, output, findings: output.findings };
}

describe('pine glossary hovers', () => {
  it('explains a term named in a comment', () => {
    const text = '//@version=5\nstrategy("X")\n// Guard against lookahead bias and repainting here\nx = close\n';
    const hover = pythonTermHover(lintOf(text), { line: 2, character: 18 });
    assert.ok(hover, 'a hover over "lookahead bias"');
    assert.match(hover!.markdown, /Lookahead/i);
    const repaint = pythonTermHover(lintOf(text), { line: 2, character: 40 });
    assert.match(repaint!.markdown, /Repainting/);
    assert.deepEqual(repaint!.range, { start: { line: 2, character: 36 }, end: { line: 2, character: 46 } });
  });

  it('stays silent on code that names no term', () => {
    assert.equal(pythonTermHover(lintOf('//@version=5\nx = close\n'), { line: 1, character: 5 }), undefined);
  });
});
