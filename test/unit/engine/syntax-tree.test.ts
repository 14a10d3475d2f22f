// The engine reads a JavaScript copy of tree-sitter's tree (syntax-tree.ts). The copy must be the
// same tree: every node's type, MISSING flag, offsets and points, every field, the error flags.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node } from 'web-tree-sitter';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../../../server/src/engine/python/syntax-index';
import type { SyntaxNode } from '../../../server/src/engine/python/syntax-tree';
import { parserText } from '../../../server/src/engine/text';
import { applyMutation, firstDifference, mirrorFingerprint, mutatedStrategyArb, mutationArb, pathologicalSources, pythonCorpus, tokenSoupArb, treeFingerprint } from '../../helpers/fuzz-python';
import { mirrorTree } from '../../../server/src/engine/python/syntax-tree';
import { walkCursor } from '../../../server/src/engine/python/cursor-fast';

/** Fields and error flags, node by node, walking both trees in step. */
function assertSameFields(realRoot: Node, copyRoot: SyntaxNode): void {
  const stack: [Node, SyntaxNode, string][] = [[realRoot, copyRoot, 'root']];
  while (stack.length) {
    const [real, copy, path] = stack.pop()!;
    assert.equal(copy.hasError, real.hasError, `${path}: hasError`);
    assert.equal(copy.isNamed, real.isNamed, `${path}: isNamed`);
    assert.equal(copy.childCount, real.childCount, `${path}: childCount`);
    for (let i = 0; i < real.childCount; i++) {
      const field = real.fieldNameForChild(i);
      assert.equal(copy.fieldNameForChild(i), field, `${path}.${i}: field`);
      if (field) assert.equal(copy.childForFieldName(field)?.startIndex, real.childForFieldName(field)?.startIndex, `${path}.${field}`);
      stack.push([real.child(i)!, copy.children[i], `${path}.${i}`]);
    }
  }
}

/** The members of a top-level class statement (decorated or not). */
function membersOf(statement: SyntaxNode): SyntaxNode[] {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  return definition?.type === 'class_definition' ? definition.childForFieldName('body')?.children ?? [] : [];
}

function compare(text: string): void {
  const parsed = parserText(text);
  const tree = parsePython(parsed);
  try {
    const copy = buildSyntaxIndex(tree, parsed).root;
    const a = treeFingerprint(tree.rootNode);
    const b = mirrorFingerprint(copy);
    if (a !== b) assert.fail(`copy differs: ${firstDifference(a, b)}`);
    if (text.length < 20000) assertSameFields(tree.rootNode, copy);
    const probe = Math.floor(parsed.length / 2);
    assert.equal(copy.descendantForIndex(probe).startIndex, tree.rootNode.descendantForIndex(probe)?.startIndex);
  } finally {
    tree.delete();
  }
}

describe('the JavaScript copy of the syntax tree', function () {
  this.timeout(120000);
  before(() => initPythonParser());

  it('equals tree-sitter\'s tree on every fixture and corpus file', () => {
    for (const { name, text } of pythonCorpus()) {
      try {
        compare(text);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
  });

  it('equals it on pathological sources (deep nesting, unicode, CRLF, broken code)', () => {
    for (const { name, text } of pathologicalSources('unit')) {
      try {
        compare(text);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
  });

  it('equals it on mutated strategies and token soup', () => {
    fc.assert(fc.property(fc.oneof(mutatedStrategyArb(), tokenSoupArb), (text) => compare(text)), { numRuns: 60, seed: 17 });
  });

  it('a copy that reuses the previous version\'s unchanged statements equals a fresh copy', () => {
    const corpus = pythonCorpus().filter((c) => c.text.length < 60000);
    let reused = 0;
    let reusedMembers = 0;
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...corpus.map((c) => c.text)), fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (start, edits) => {
        let text = parserText(start);
        let tree = parsePython(text);
        let previous = mirrorTree(tree, text);
        for (const batch of edits) {
          const next = parserText(batch.reduce(applyMutation, text));
          const nextTree = parsePython(next);
          const oldNodes = new Set(previous.children);
          const oldMembers = new Set(previous.children.flatMap(membersOf));
          const incremental = mirrorTree(nextTree, next, previous);
          const fresh = mirrorTree(nextTree, next);
          const a = mirrorFingerprint(fresh);
          const b = mirrorFingerprint(incremental);
          if (a !== b) assert.fail(`reusing copy differs: ${firstDifference(a, b)}`);
          assertSameFields(nextTree.rootNode, incremental);
          assert.equal(incremental.text, next);
          reused += incremental.children.filter((c) => oldNodes.has(c)).length;
          reusedMembers += incremental.children.filter((c) => !oldNodes.has(c)).flatMap(membersOf).filter((m) => oldMembers.has(m)).length;
          compared++;
          tree.delete();
          tree = nextTree;
          text = next;
          previous = incremental;
        }
        tree.delete();
      }),
      { numRuns: 25, seed: 23 },
    );
    assert.ok(compared > 25 && reused > compared, `reuse exercised: ${reused} statements reused over ${compared} copies`);
    assert.ok(reusedMembers > 0, `members of edited classes reused: ${reusedMembers}`);
  });

  it('an edit inside one method re-copies that method; the class\'s other members are taken over', () => {
    const a = 'import numpy as np\n\n\nclass Bands:\n    period = 20\n\n    def upper(self, x):\n        return np.mean(x) + 2\n\n    def lower(self, x):\n        return np.mean(x) - 2\n';
    const b = a.replace('np.mean(x) + 2', 'np.mean(x) + 2.5');
    const first = mirrorTree(parsePython(a), a);
    const tree = parsePython(b);
    const second = mirrorTree(tree, b, first);
    const [oldPeriod, oldUpper, oldLower] = membersOf(first.children[1]).filter((m) => m.isNamed);
    const [period, upper, lower] = membersOf(second.children[1]).filter((m) => m.isNamed);
    assert.notEqual(second.children[1], first.children[1], 'the class was copied again');
    assert.equal(period, oldPeriod);
    assert.notEqual(upper, oldUpper, 'the edited method was copied again');
    assert.equal(lower, oldLower);
    assert.equal(lower.text, 'def lower(self, x):\n        return np.mean(x) - 2', 'the taken-over method moved with the edit');
    assert.equal(lower.parent, second.children[1].childForFieldName('body'));
    const a2 = treeFingerprint(tree.rootNode);
    const b2 = mirrorFingerprint(second);
    if (a2 !== b2) assert.fail(`copy differs: ${firstDifference(a2, b2)}`);
  });

  it('the copy walks the tree through wasm directly with the pinned web-tree-sitter, and that walk agrees with the public cursor', () => {
    const text = pythonCorpus()[0].text;
    const tree = parsePython(text);
    // Nothing else may call into tree-sitter during a direct walk (it keeps its state in the
    // shared transfer buffer), so the two walks run one after the other.
    const walkAll = (step: { first(): boolean; next(): boolean; parent(): boolean; at(): string }): string[] => {
      const seen: string[] = [];
      for (;;) {
        seen.push(step.at());
        if (step.first()) continue;
        for (;;) {
          if (step.next()) break;
          if (!step.parent()) return seen;
        }
      }
    };
    const cursor = tree.walk();
    const walk = walkCursor(tree, cursor);
    assert.equal(walk.direct, true, 'web-tree-sitter no longer looks as cursor-fast.ts expects: the copy fell back to the public API');
    const direct = walkAll({
      first: () => walk.gotoFirstChild(), next: () => walk.gotoNextSibling(), parent: () => walk.gotoParent(),
      at: () => `${walk.typeId()}:${walk.startIndex()}-${walk.endIndex()}:${walk.fieldId()}:${walk.isMissing()}:${walk.withPublic((c) => c.nodeType)}`,
    });
    walk.finish();
    cursor.delete();
    const reference = tree.walk();
    const expected = walkAll({
      first: () => reference.gotoFirstChild(), next: () => reference.gotoNextSibling(), parent: () => reference.gotoParent(),
      at: () => `${reference.nodeTypeId}:${reference.startIndex}-${reference.endIndex}:${reference.currentFieldId}:${reference.nodeIsMissing}:${reference.nodeType}`,
    });
    reference.delete();
    tree.delete();
    assert.ok(direct.length > 500);
    assert.deepEqual(direct, expected);
  });

  it('ids stay unique when statements are reused', () => {
    const a = 'import numpy as np\n\nx = np.arange(3)\n\ndef f(a):\n    return a + 1\n';
    const b = 'import numpy as np\n\nx = np.arange(4)\n\ndef f(a):\n    return a + 1\n';
    const first = mirrorTree(parsePython(a), a);
    const second = mirrorTree(parsePython(b), b, first);
    const all: number[] = [];
    const stack = [second];
    while (stack.length) {
      const n = stack.pop()!;
      all.push(n.id);
      stack.push(...n.children);
    }
    assert.equal(new Set(all).size, all.length);
    assert.equal(second.children.find((c) => c.type === 'function_definition')?.text, 'def f(a):\n    return a + 1');
  });

  it('navigates as tree-sitter does: siblings, named children, parents', () => {
    const text = 'class S(IStrategy):\n    # note\n    x = f(a, b=2)\n';
    const copy = buildSyntaxIndex(parsePython(text), text).root;
    const call = copy.descendantsOfType('call')[0];
    assert.equal(call.text, 'f(a, b=2)');
    assert.equal(call.childForFieldName('function')?.text, 'f');
    const args = call.childForFieldName('arguments')!;
    assert.deepEqual(args.namedChildren.map((c) => c.type), ['identifier', 'keyword_argument']);
    assert.equal(args.namedChildren[0].nextNamedSibling?.type, 'keyword_argument');
    assert.equal(args.namedChildren[1].previousNamedSibling?.text, 'a');
    assert.equal(call.parent?.type, 'assignment');
    assert.deepEqual(call.startPosition, { row: 2, column: 8 });
    assert.equal(copy.descendantForPosition({ row: 2, column: 8 }).text, 'f');
  });
});
