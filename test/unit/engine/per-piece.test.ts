// Parts derived per piece of the index are kept with the piece's copy: an edit derives the edited
// piece's part again and nothing else, unless what the part reads besides its piece changed.
import * as assert from 'node:assert/strict';
import { perPiece, perStatement } from '../../../server/src/engine/facts/per-piece';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex, type SyntaxIndex } from '../../../server/src/engine/python/syntax-index';

const SOURCE = [
  'import numpy as np',
  'WINDOW = 20',
  '',
  '',
  'class Fast:',
  '    period = 10',
  '',
  '    def signal(self, x):',
  '        return np.mean(x[-self.period:]) > 1.5',
  '',
  '    def exit(self, x):',
  '        return np.mean(x) < 0.5',
  '',
  '',
  'def helper(x):',
  '    return np.std(x[-WINDOW:])',
  '',
].join('\n');

function indexOf(text: string, previous?: SyntaxIndex): SyntaxIndex {
  return buildSyntaxIndex(parsePython(text), text, previous?.root);
}

describe('facts kept per piece of the index', () => {
  before(() => initPythonParser());

  it('the index cuts a class into its own entries and one piece per member, in document order', () => {
    const index = indexOf(SOURCE);
    const pieces = index.pieces!;
    assert.deepEqual(pieces.flatMap((p) => p.calls.map((c) => c.name)), index.calls.map((c) => c.name));
    assert.deepEqual(pieces.flatMap((p) => p.assignments.map((a) => a.target)), index.assignments.map((a) => a.target));
    // The class statement: its own entries (the class), `period = 10`, `signal`, `exit`.
    const classPieces = pieces.filter((p) => p.classes.length || p.functions.some((f) => f.className));
    assert.ok(classPieces.length >= 3, `${classPieces.length} pieces in the class`);
    assert.equal(index.statements!.length, index.root.children.length);
  });

  it('an edit in one method derives that method\'s part again; the others are the kept objects', () => {
    const first = indexOf(SOURCE);
    let derived: string[] = [];
    const derive = (index: SyntaxIndex) =>
      perPiece(index, 'test: call names', '', (piece) => {
        derived.push(piece.calls.map((c) => c.name).join(','));
        return { names: piece.calls.map((c) => c.name) };
      });
    const before = derive(first);
    assert.ok(derived.length >= 4);
    derived = [];
    const second = indexOf(SOURCE.replace('< 0.5', '< 0.25'), first);
    const after = derive(second);
    // The class's own entries (its header: no calls) are cut afresh when a member changes.
    assert.deepEqual(derived, ['', 'mean'], 'only the edited method (`exit`, one `mean` call) and the class header were derived again');
    const kept = after.filter((part) => before.includes(part));
    assert.equal(kept.length, after.length - 2);
    derived = [];
    perPiece(second, 'test: call names', 'another context', () => derived.push('x'));
    assert.equal(derived.length, second.pieces!.length, 'a new context derives every part again');
  });

  it('a part of a statement sees the module-level code, and is derived again when that code changes', () => {
    const first = indexOf(SOURCE);
    let derived = 0;
    const assignmentsSeen = (index: SyntaxIndex) =>
      perStatement(index, 'test: assignments', '', (s) => s.functions.some((f) => f.name === 'helper'), (view) => {
        derived++;
        return view.assignments.map((a) => a.target);
      });
    assert.deepEqual(assignmentsSeen(first), [['WINDOW']]);
    assert.equal(derived, 1);
    const second = indexOf(SOURCE.replace('> 1.5', '> 1.25'), first);
    assert.deepEqual(assignmentsSeen(second), [['WINDOW']]);
    assert.equal(derived, 1, 'an edit in another definition keeps the part');
    const third = indexOf(SOURCE.replace('> 1.5', '> 1.25').replace('WINDOW = 20', 'WINDOW = 30\nSTEP = 2'), second);
    assert.deepEqual(assignmentsSeen(third), [['WINDOW', 'STEP']]);
    assert.equal(derived, 2, 'an edit in the module-level code derives it again');
  });
});
