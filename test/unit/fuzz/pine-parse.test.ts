// Property tests of the Pine parser: on any text it returns a tree, never throws, and every node
// lies inside the text with its children inside it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePine } from '../../../server/src/engine/pine/parse';
import type { PineNode } from '../../../server/src/engine/pine/tree';
import { unitParams } from '../../helpers/fuzz-config';

function checkTree(text: string): void {
  const tree = parsePine(text);
  // Iterative: a long chain `a + b + ...` makes a deep tree.
  const stack: PineNode[] = [tree.rootNode];
  while (stack.length) {
    const node = stack.pop()!;
    assert.ok(node.startIndex >= 0 && node.startIndex <= node.endIndex && node.endIndex <= text.length, `${node.type} ${node.startIndex}-${node.endIndex} outside 0-${text.length}`);
    for (const child of node.children) {
      assert.equal(child.parent, node);
      assert.ok(child.startIndex >= node.startIndex && child.endIndex <= node.endIndex, `${child.type} outside its parent ${node.type}`);
      stack.push(child);
    }
  }
  for (const e of tree.errors) assert.ok(e.startIndex >= 0 && e.endIndex <= text.length);
}

const PIECES = [
  '//@version=5\n', 'strategy("S", overlay=true)\n', 'x = ', 'var ', 'varip ', 'float ', 'array<float> ', 'input.int(14, minval=1)',
  'request.security(syminfo.tickerid, "D", close[1], lookahead=barmerge.lookahead_on)', 'if ', 'else', 'for i = 0 to 10', 'while ',
  'switch ', ' => ', '\n', '\n    ', '\n     ', '\t', '(', ')', '[', ']', ',', ':=', '?', ':', 'close', '[1]', '"str', "'s'", '#ff0000',
  '1.5e3', '// c\n', 'method ', 'type ', 'export ', 'import a/b/1 as c', '<', '>', 'not ', 'and ', '-', '\r\n', '\uD800', '🙂',
];

describe('fuzz: parsePine', function () {
  this.timeout(60000);

  it('never throws and keeps every node inside the text on token soup (300 cases)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (parts) => checkTree(parts.join(''))), unitParams(300));
  });

  it('never throws on arbitrary strings incl. lone surrogates (300 cases)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkTree(text)), unitParams(300));
  });

  it('survives deep nesting and long lines', () => {
    checkTree('x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000));
    checkTree('x = ' + '['.repeat(5000));
    checkTree('if a\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(4 * (i + 1)) + 'if b\n').join(''));
    checkTree('x = ' + Array.from({ length: 20000 }, (_, i) => `a${i}`).join(' + '));
    checkTree('a = not '.repeat(3000));
  });
});
