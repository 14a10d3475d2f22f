// indexKeys takes a one-pass scan over JSON that parses; it must give exactly what the tolerant
// jsonc-parser visitor gives, on every fixture and on generated documents of any shape.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { indexKeys, indexKeysAndDepth, indexKeysByVisitor, nestingDepth } from '../../../server/src/engine/results/json-read';
import { FIXTURES } from './fixtures';

const entries = (m: Map<string, unknown>) => [...m.entries()];

function jsonFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...jsonFixtures(p));
    else if (/\.(json|fthypt)$/.test(name)) out.push(p);
  }
  return out;
}

/** An object as its entry list, so duplicate keys reach the text. */
class Entries {
  constructor(readonly list: [string, unknown][]) {}
}

/** JSON text of a value, laid out with varied whitespace between tokens (offsets must still match). */
function layOut(value: unknown, pad: () => string): string {
  if (Array.isArray(value)) return `[${pad()}${value.map((v) => layOut(v, pad)).join(`${pad()},${pad()}`)}${pad()}]`;
  if (value instanceof Entries) {
    const parts = value.list.map(([k, v]) => `${JSON.stringify(k)}${pad()}:${pad()}${layOut(v, pad)}`);
    return `{${pad()}${parts.join(`${pad()},${pad()}`)}${pad()}}`;
  }
  return JSON.stringify(value);
}

describe('results: object key offsets (indexKeys)', () => {
  it('agrees with the visitor on every JSON fixture, whole files and each line', () => {
    const files = jsonFixtures(FIXTURES);
    assert.ok(files.length > 10, 'fixtures found');
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const pieces = [text, ...text.split('\n')];
      for (const piece of pieces) {
        try {
          JSON.parse(piece);
        } catch {
          continue; // the scan is only ever given text that parses
        }
        for (const depth of [3, 5]) assert.deepEqual(entries(indexKeys(piece, 7, depth)), entries(indexKeysByVisitor(piece, 7, depth)), `${file} (depth ${depth})`);
        compared++;
      }
    }
    assert.ok(compared > 10);
  });

  it('agrees with the visitor on generated documents (nesting, escapes, duplicate keys, whitespace)', () => {
    const key = fc.oneof(fc.constantFrom('strategy', 'trades', 'a/b', 'k"q', 'back\\slash', 'caf\u00e9', ''), fc.string({ maxLength: 6 }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('object'), tie('array')),
      leaf: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 })),
      object: fc.array(fc.tuple(key, tie('tree')), { maxLength: 5 }).map((list) => new Entries(list)),
      array: fc.array(tie('tree'), { maxLength: 4 }),
    }));
    fc.assert(
      fc.property(tree, fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r\n  '), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 6 }), (value, pads, depth) => {
        let k = 0;
        const pad = () => pads[k++ % pads.length];
        const text = layOut(value, pad);
        assert.deepEqual(entries(indexKeys(text, 0, depth)), entries(indexKeysByVisitor(text, 0, depth)));
        // The one pass also measures the nesting the loaders check before reading deeper.
        const both = indexKeysAndDepth(text, 0, depth);
        assert.equal(both.depth, nestingDepth(text));
        assert.deepEqual(entries(both.keys!), entries(indexKeys(text, 0, depth)));
      }),
      { numRuns: 400 },
    );
  });

  it('reads bare NaN / Infinity as literals and keeps duplicate keys at their first offset', () => {
    const text = '{"a": NaN, "b": {"c": -Infinity, "c": 1}, "d": [ {"e": Infinity} ], "a": 2}';
    const keys = indexKeys(text);
    assert.deepEqual(entries(keys), entries(indexKeysByVisitor(text, 0, 5)));
    assert.deepEqual([...keys.keys()], ['a', 'b', 'b/c', 'd']);
    assert.equal(text.slice(keys.get('b/c')!.offset, keys.get('b/c')!.offset + keys.get('b/c')!.length), '"c"');
  });

  it('measures nesting deeper than result files go, and then gives no keys rather than recurse', () => {
    const deep = '{"a": ' + '['.repeat(300) + ']'.repeat(300) + ', "b": {"c": [[{"d": 1}]]}}';
    assert.equal(indexKeysAndDepth(deep).depth, 301);
    assert.equal(nestingDepth(deep), 301);
    // Not strict JSON (a comment): the scan gives up, the depth is measured apart, the visitor is not run.
    const deepWithComment = '// c\n' + '['.repeat(300) + ']'.repeat(300);
    assert.deepEqual(indexKeysAndDepth(deepWithComment), { depth: 300 });
  });

  it('falls back to the visitor for what strict JSON does not hold (comments, trailing commas)', () => {
    for (const text of ['{"a": 1, // note\n "b": 2}', '{"a": {"b": 1,},}', '{"a": [1, 2}', '{"a": 1}}']) {
      assert.deepEqual(entries(indexKeys(text)), entries(indexKeysByVisitor(text, 0, 5)), text);
    }
  });
});
