// The Pine parser: each construct parses to the node it should, positions are exact, and broken
// code becomes ERROR nodes without losing the statements around it.
import * as assert from 'node:assert/strict';
import { parsePine } from '../../../server/src/engine/pine/parse';
import type { PineNode } from '../../../server/src/engine/pine/tree';

function find(root: PineNode, type: string, text?: string): PineNode | undefined {
  for (const n of root.descendants()) if (n.type === type && (text === undefined || n.text === text)) return n;
  return undefined;
}

function statements(source: string): string[] {
  return parsePine(source).rootNode.children.filter((c) => c.type !== 'comment').map((c) => c.type);
}

describe('pine parser', () => {
  it('keeps comments after the last line of code (directives and suppressions live there)', () => {
    const tree = parsePine('//@version=5\nstrategy("X")\n// strategy-lint: results=runs/x.csv\n\n// strategy-lint: ignore-file\n');
    assert.deepEqual(tree.comments.map((c) => c.text), ['//@version=5', '// strategy-lint: results=runs/x.csv', '// strategy-lint: ignore-file']);
  });

  it('reads the version directive and the declaration', () => {
    const tree = parsePine('//@version=6\nstrategy("X", overlay=true)\n');
    assert.equal(tree.version, 6);
    const call = find(tree.rootNode, 'call')!;
    assert.equal(call.childForFieldName('function')!.text, 'strategy');
    const kw = find(tree.rootNode, 'keyword_argument')!;
    assert.equal(kw.childForFieldName('name')!.text, 'overlay');
    assert.equal(kw.childForFieldName('value')!.type, 'true');
    assert.equal(tree.errors.length, 0);
  });

  it('parses declarations with var/varip, qualifiers, generics and arrays', () => {
    const src = 'var float a = na\nvarip int b = 0\nseries float c = close\narray<float> d = array.new<float>(10)\nmap<string, float> m = map.new<string, float>()\nint[] e = array.from(1, 2)\nchart.point p = na\n';
    const tree = parsePine(src);
    assert.deepEqual(statements(src), Array(7).fill('variable_declaration'));
    const decls = tree.rootNode.children;
    assert.equal(decls[0].childForFieldName('modifier')!.text, 'var');
    assert.equal(decls[1].childForFieldName('modifier')!.text, 'varip');
    assert.equal(decls[3].childForFieldName('type')!.text, 'array<float>');
    assert.equal(decls[4].childForFieldName('name')!.text, 'm');
    assert.equal(decls[5].childForFieldName('type')!.text, 'int[]');
    assert.equal(decls[6].childForFieldName('type')!.text, 'chart.point');
    assert.equal(find(decls[3], 'type_arguments')!.text, '<float>');
    assert.equal(tree.errors.length, 0);
  });

  it('parses tuples, reassignment and history references', () => {
    const src = '[macdLine, signalLine, _] = ta.macd(close, 12, 26, 9)\nx = 0.0\nx := x[1] + close[2]\nx += 1\n';
    const tree = parsePine(src);
    assert.deepEqual(statements(src), ['tuple_declaration', 'variable_declaration', 'reassignment', 'reassignment']);
    const ref = find(tree.rootNode, 'history_reference', 'close[2]')!;
    assert.equal(ref.childForFieldName('value')!.text, 'close');
    assert.equal(ref.childForFieldName('offset')!.text, '2');
    assert.equal(tree.errors.length, 0);
  });

  it('parses single-line and block functions, methods and types', () => {
    const src = [
      'double(x) => x * 2',
      'band(simple int len = 20, float mult = 2.0) =>',
      '    basis = ta.sma(close, len)',
      '    [basis + mult, basis - mult]',
      'method scaled(float self, float k) => self * k',
      'export type Trade',
      '    float entry = na',
      '    array<float> fills',
      'enum Side',
      '    long = "Long"',
      '    short',
    ].join('\n');
    const tree = parsePine(src);
    assert.deepEqual(statements(src), ['function_declaration', 'function_declaration', 'method_declaration', 'export_statement', 'enum_declaration']);
    const band = tree.rootNode.children[1];
    assert.equal(band.childForFieldName('body')!.type, 'block');
    assert.equal(band.childForFieldName('parameters')!.children.length, 2);
    assert.equal(find(tree.rootNode, 'field_declaration', 'array<float> fills')!.childForFieldName('name')!.text, 'fills');
    assert.equal(tree.errors.length, 0);
  });

  it('parses if/else if/else, for, for..in, while and switch, as statements and values', () => {
    const src = [
      'if close > open',
      '    strategy.entry("L", strategy.long)',
      'else if close < open',
      '    strategy.close("L")',
      'else',
      '    na',
      'for i = 0 to 9 by 3',
      '    continue',
      'for [i, v] in values',
      '    total += v',
      'while n > 0',
      '    n -= 1',
      'label = switch trend',
      '    1 => "up"',
      '    -1 =>',
      '        "down"',
      '    => "flat"',
      'y = if up',
      '    1',
      'else',
      '    0',
    ].join('\n');
    const tree = parsePine(src);
    assert.deepEqual(statements(src), ['if_statement', 'for_statement', 'for_in_statement', 'while_statement', 'variable_declaration', 'variable_declaration']);
    const ifs = tree.rootNode.children[0];
    assert.equal(ifs.childForFieldName('alternative')!.childForFieldName('body')!.type, 'if_statement');
    assert.equal(find(tree.rootNode, 'for_statement')!.childForFieldName('step')!.text, '3');
    assert.equal(find(tree.rootNode, 'switch_statement')!.children.filter((c) => c.type === 'switch_case').length, 3);
    assert.equal(tree.errors.length, 0);
  });

  it('joins continuation lines (indent not a multiple of 4, or after an operator)', () => {
    const src = 'long = ta.crossover(fast, slow) and\n     close > open\nplot(long ? 1 :\n  0)\nx = a ?\n    b : c\n';
    const tree = parsePine(src);
    assert.deepEqual(statements(src), ['variable_declaration', 'expression_statement', 'variable_declaration']);
    assert.equal(tree.errors.length, 0);
  });

  it('keeps several statements on one line apart', () => {
    assert.deepEqual(statements('var int a = 0, var float b = 1.0\n'), ['variable_declaration', 'variable_declaration']);
  });

  it('turns broken lines into ERROR nodes and keeps parsing', () => {
    const src = 'a = (1 +\nb = 2\n@@@ what\nc = 3\n';
    const tree = parsePine(src);
    assert.ok(tree.errors.length > 0);
    const names = [...tree.rootNode.descendants()].filter((n) => n.type === 'variable_declaration').map((n) => n.childForFieldName('name')!.text);
    assert.ok(names.includes('c'), `c is parsed after the errors (got ${names})`);
  });

  it('gives exact positions, comments included', () => {
    const src = 'x = 1 // note\r\n  // indented comment\ny = close[1]\n';
    const tree = parsePine(src);
    const ref = find(tree.rootNode, 'history_reference')!;
    assert.deepEqual(ref.startPosition, { row: 2, column: 4 });
    assert.equal(ref.text, 'close[1]');
    assert.deepEqual(tree.comments.map((c) => c.text), ['// note', '// indented comment']);
    assert.equal(tree.rootNode.descendantForPosition({ row: 0, column: 9 }).type, 'comment');
  });
});
