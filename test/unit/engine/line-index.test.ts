// LineIndex maps offsets to LSP positions: \n, \r\n (once) and a lone \r break lines. Text
// without \r takes a faster path; both must place every offset as LSP's TextDocument does.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/engine/text';

/** Positions the slow way: walk the text, counting breaks as LSP does. */
function referencePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  // An offset between the \r and \n of a CRLF is the end of its line.
  const character = text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 - start : offset - start;
  return { line, character };
}

describe('LineIndex', () => {
  it('places every offset as a walk of the text does, with and without carriage returns', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.boolean(), (parts, withoutCr) => {
        const text = withoutCr ? parts.join('').replace(/\r/g, '') : parts.join('');
        const lines = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.positionAt(offset), referencePosition(text, offset), `offset ${offset} of ${JSON.stringify(text)}`);
        assert.equal(lines.lineCount, referencePosition(text, text.length).line + 1);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
