// Generators and invariants for fuzzing the Python side of the engine (lintPython and the
// incremental DocumentStore). Shared by the bounded unit run (test/unit/fuzz) and the long run
// (test/fuzz).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { LintOutput } from '../../server/src/engine/lint';
import { LineIndex } from '../../server/src/engine/text';
import type { Finding, Range } from '../../server/src/engine/types';

const ROOT = path.join(__dirname, '..', '..');

function pythonFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pythonFilesUnder(full));
    else if (entry.name.endsWith('.py')) out.push(full);
  }
  return out.sort();
}

/** Small hand-written strategies, so the corpus is never empty and covers every framework's shape. */
const INLINE_SEEDS = [
  [
    'from freqtrade.strategy import IStrategy, IntParameter, DecimalParameter, CategoricalParameter, BooleanParameter',
    'import talib.abstract as ta',
    '',
    'class Seed(IStrategy):',
    '    buy_rsi = IntParameter(10, 40, default=27, space="buy")',
    '    buy_bb = DecimalParameter(0.9, 1.0, default=0.982, decimals=3, space="buy")',
    '    sell_rsi = IntParameter([60, 90], default=74, space="sell", optimize=False)',
    '    kind = CategoricalParameter(["a", "b", "c"], default="a")',
    '    flag = BooleanParameter(default=True)',
    '    buy_params = {"buy_rsi": 27, "buy_adx": 31.5, "x": -0.05}',
    '    sell_params = dict(sell_rsi=74, sell_mfi=0x1F)',
    '',
    '    def populate_entry_trend(self, dataframe, metadata):',
    '        dataframe.loc[(dataframe["adx"] > 31.5) & (dataframe["rsi"] < -27) & (qtpylib.crossed_above(dataframe["a"], 30)), "enter_long"] = 1',
    '        return dataframe',
    '',
    '    def populate_exit_trend(self, dataframe, metadata):  # strategy-lint: ignore[SL101, too-many-parameters]',
    '        dataframe.loc[dataframe["rsi"].shift(1) > 1_000.5e-2, "exit_long"] = 1',
    '        return dataframe',
    '',
  ].join('\n'),
  [
    '# strategy-lint: ignore-file[unknown-rule]',
    '# strategy-lint: results=../user_data/backtest_results',
    'import backtrader as bt',
    'class Sma(bt.Strategy):',
    '    params = (("fast", 10), ("slow", 30), ("stop", 2.5), ("risk", 0.02), ("x", 1e308), ("y", 0b101))',
    '    def next(self):',
    '        if self.crossover > 0.7 and self.rsi < 33:',
    '            self.buy()',
    'cerebro.optstrategy(Sma, fast=range(5, 30), slow=range(20, 120, 5), stop=[1.5, 2.0], risk=np.arange(0, 1, 0), z=np.linspace(0, 1, 7))',
    '',
  ].join('\n'),
  [
    'from AlgorithmImports import *',
    'class Algo(QCAlgorithm):',
    '    def OnData(self, data):',
    '        if self.rsi.Current.Value < 29 or -self.x >= -3.5:',
    '            self.SetHoldings("SPY", 1)',
    '',
  ].join('\n'),
  [
    'from jesse.strategies import Strategy',
    'class J(Strategy):',
    '    def should_long(self):',
    '        return self.rsi < 25 and self.adx > 40',
    'class K(J):',
    '    params = dict(a=1, b=2.5)',
    '',
  ].join('\n'),
];

export function pythonCorpus(): { name: string; text: string }[] {
  const files = [...pythonFilesUnder(path.join(ROOT, 'examples')), ...pythonFilesUnder(path.join(ROOT, 'test', 'fixtures', 'strategies'))];
  return [
    ...files.map((f) => ({ name: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') })),
    ...INLINE_SEEDS.map((text, i) => ({ name: `inline-seed-${i}`, text })),
  ];
}

/** Pieces that stress positions and the tokenizer. */
export const NASTY_PIECES = [
  '\0',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u2028',
  '\u0085',
  '\ufeff',
  '😀',
  '🏳️‍🌈',
  'é',
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '\\',
  '"""',
  "'''",
  '"',
  '#',
  '# strategy-lint: ignore',
  '# strategy-lint: ignore[',
  '# strategy-lint: ignore[SL101,,  ,x]',
  '# strategy-lint: ignore-file[]',
  '# strategy-lint: trials=',
  '# strategy-lint: trials=NaN',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '=',
  '<',
  '>=',
  '-',
  'lambda',
  'class ',
  'def ',
  'if ',
  'elif',
  'else:',
  'return',
  'self.',
  'IStrategy',
  'bt.Strategy',
  'IntParameter(',
  'DecimalParameter(0, 1e400, decimals=400)',
  'IntParameter(1e308, -1e308)',
  'CategoricalParameter([])',
  'range(0, 10**100)',
  'np.arange(1, 2, 0)',
  'optstrategy(',
  'buy_params = {',
  'populate_entry_trend',
  '0x',
  '0b2',
  '1_',
  '1e',
  '1j',
  '9' .repeat(400),
  '0.' + '0'.repeat(400) + '1',
  'NaN',
  'float("inf")',
  '    ',
  '\u00a0',
];

const tokenArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** One text mutation, applied to a line array or the whole text. */
type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'eol'; eol: '\n' | '\r\n' | '\r' }
  | { kind: 'tabs' }
  | { kind: 'indent'; at: number; by: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: tokenArb }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: tokenArb }),
  fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }),
  fc.record({ kind: fc.constant('tabs' as const) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -8, max: 8 }) }),
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(m.at % n, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(m.at % n, 0, lines[m.at % n]);
      return lines.join('\n');
    case 'swap': {
      const a = m.a % n;
      const b = m.b % n;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.eol);
    case 'tabs':
      return text.replace(/ {4}/g, '\t');
    case 'indent': {
      const i = m.at % n;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

/** A real-style strategy with 1..12 mutations. */
export function mutatedStrategyArb(corpus = pythonCorpus()): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...corpus.map((c) => c.text)), fc.array(mutationArb, { minLength: 1, maxLength: 12 }))
    .map(([text, mutations]) => mutations.reduce(applyMutation, text));
}

/** Token soup: syntax that is mostly invalid, with the odd valid statement. */
export const tokenSoupArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(tokenArb, fc.constantFrom('', ' ', '\n', '\n    ', '\r\n', '\t')), { maxLength: 80 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Anything at all, including lone surrogates. */
export const anyStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((codes) => String.fromCharCode(...codes)),
);

/** Big or deep inputs, each built once (not random): the pathological shapes. */
export function pathologicalSources(scale: 'unit' | 'long' = 'unit'): { name: string; text: string }[] {
  const deep = 5000;
  // The unit run keeps the 1 MB inputs that lint fast; the dense ones (~5 s each) are long-run only.
  const big = scale === 'long' ? 1 : 0.1;
  const body = 'class S(IStrategy):\n    def populate_entry_trend(self, df, m):\n        x = ';
  return [
    { name: '5000 nested parens', text: '('.repeat(deep) + '1' + ')'.repeat(deep) + '\n' },
    { name: '5000 nested brackets', text: 'x = ' + '['.repeat(deep) + '1' + ']'.repeat(deep) + '\n' },
    { name: '5000 nested braces/dicts', text: 'x = ' + '{"a": '.repeat(deep) + '1' + '}'.repeat(deep) + '\n' },
    { name: '5000 unclosed parens', text: 'x = ' + '('.repeat(deep) + '\n' },
    { name: '5000 nested parens in a decision method', text: body + '('.repeat(deep) + 'df < 31' + ')'.repeat(deep) + '\n' },
    { name: '5000 nested unary minus', text: body + 'df < ' + '-'.repeat(deep) + '3\n' },
    { name: '5000 nested calls', text: 'x = ' + 'f('.repeat(deep) + '1' + ')'.repeat(deep) + '\n' },
    { name: '5000-long attribute chain call', text: 'x = a' + '.b'.repeat(deep) + '(1)\n' },
    { name: '5000 nested subscripts', text: 'x = a' + '[0'.repeat(deep) + ']'.repeat(deep) + '\n' },
    { name: '2000 nested ifs', text: Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'if x:').join('\n') + '\n' + ' '.repeat(2000) + 'pass\n' },
    { name: '2000 nested classes', text: Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + `class C${i}(IStrategy):`).join('\n') + '\n' + ' '.repeat(2000) + 'a = IntParameter(1, 2)\n' },
    { name: `${Math.round(big * 1000)} KB single line of list items`, text: 'x = [' + '1, '.repeat(Math.round(349_000 * big)) + ']' },
    { name: '1 MB single comment line', text: '# strategy-lint: ignore[' + 'SL101,'.repeat(170_000) + ']\n' },
    { name: '1 MB of emoji in a string', text: 'x = "' + '😀'.repeat(250_000) + '"\n' },
    { name: '1 MB string literal, unterminated', text: 'x = """' + 'a'.repeat(1_000_000) },
    { name: `${Math.round(50_000 * big)} chained comparisons in entry trend`, text: body + Array.from({ length: Math.round(50_000 * big) }, (_, i) => `(df > ${i + 2})`).join(' & ') + '\n' },
    { name: `${Math.round(10_000 * big)} IntParameters`, text: 'class S(IStrategy):\n' + Array.from({ length: Math.round(10_000 * big) }, (_, i) => `    p${i} = IntParameter(0, ${i + 1}, default=1)`).join('\n') + '\n' },
    { name: 'NUL bytes', text: 'class S(IStrategy):\0\n    a = IntParameter(\0, 5)\n\0\0\0' },
    { name: 'only NUL', text: '\0'.repeat(1000) },
    { name: 'lone surrogates everywhere', text: '\ud800class S(IStrategy):\udc00\n    a\ud83d = IntParameter(1, 5)\n    def next(self):\n        if x < 3\udfff:\n            pass\n' },
    { name: 'lone CR line endings', text: INLINE_SEEDS[0].replace(/\n/g, '\r') },
    { name: 'CRLF line endings', text: INLINE_SEEDS[0].replace(/\n/g, '\r\n') },
    { name: 'mixed line endings', text: INLINE_SEEDS[1].split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('') },
    { name: 'tabs and form feeds', text: INLINE_SEEDS[0].replace(/ {4}/g, '\t').replace(/\n\n/g, '\n\f\n') },
    { name: 'emoji before every node', text: INLINE_SEEDS[0].replace(/ = /g, ' = "😀🏳️‍🌈" or ') },
    { name: 'empty', text: '' },
    { name: 'BOM only', text: '\ufeff' },
    { name: 'unicode line separators', text: INLINE_SEEDS[0].replace(/\n/g, '\u2028') },
  ];
}

const BAD_WORDS = ['NaN', 'undefined', 'Infinity', '[object Object]'];

export function assertValidRange(range: Range, lines: LineIndex, what: string): void {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${name} is not integral: ${JSON.stringify(range)}`);
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: ${name}.line ${p.line} outside 0..${lines.lineCount - 1}`);
    const length = lines.lineText(p.line).length;
    assert.ok(p.character >= 0 && p.character <= length, `${what}: ${name}.character ${p.character} outside 0..${length} on line ${p.line}`);
  }
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: start after end: ${JSON.stringify(range)}`);
}

/**
 * No computed NaN / undefined / Infinity in a message. Source the message quotes in backticks
 * is the user's own text (a fuzzed file may say `NaN`): quoted spans found in `source` are skipped.
 */
export function assertCleanMessage(message: string, what: string, source?: string): void {
  assert.equal(typeof message, 'string', `${what}: message is not a string`);
  assert.ok(message.length > 0, `${what}: empty message`);
  const squash = (text: string) => text.replace(/\s+/g, ' ');
  let flat: string | undefined;
  for (const word of BAD_WORDS) {
    const bad = new RegExp(`(^|[^A-Za-z_])${word.replace(/[[\]]/g, '\\$&')}($|[^A-Za-z_])`);
    if (!bad.test(message)) continue;
    if (source !== undefined) flat ??= squash(source);
    const computed = message.replace(/`([^`]*)`/g, (span, inner: string) => (flat !== undefined && flat.includes(squash(inner)) ? '``' : span));
    assert.ok(!bad.test(computed), `${what}: message contains ${word}: ${message}`);
  }
}

export function assertValidFinding(finding: Finding, lines: LineIndex): void {
  const what = `${finding.code} ${finding.rule}`;
  assert.match(finding.code, /^SL\d{3}$/, `${what}: bad code`);
  assert.match(finding.rule, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${what}: bad rule name`);
  assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity), `${what}: bad severity ${finding.severity}`);
  assertValidRange(finding.range, lines, what);
  assertCleanMessage(finding.message, what, lines.text);
  for (const related of finding.related ?? []) {
    assertCleanMessage(related.message, `${what} related`, lines.text);
    if (!related.file) assertValidRange(related.range, lines, `${what} related`);
  }
  if (finding.fix) {
    assertCleanMessage(finding.fix.title, `${what} fix title`, lines.text);
    assert.ok(['safe', 'unsafe'].includes(finding.fix.safety), `${what}: bad fix safety`);
    for (const edit of finding.fix.edits) {
      assertValidRange(edit.range, lines, `${what} fix edit`);
      assert.equal(typeof edit.newText, 'string');
    }
  }
}

/** Every invariant a lint output must keep, whatever the input. */
export function assertValidLint(text: string, output: LintOutput): void {
  const lines = new LineIndex(text);
  assert.equal(output.lines.lineCount, lines.lineCount);
  for (const finding of [...output.findings, ...output.suppressed]) assertValidFinding(finding, lines);
  assert.deepEqual(output.failures, [], `rules threw: ${output.failures.map((f) => f.error).join('\n')}`);
  for (const directive of output.directives.suppressions) {
    assertValidRange(directive.range, lines, 'suppression directive');
    for (const rule of directive.rules) assertValidRange(rule.range, lines, 'suppression rule');
  }
  for (const data of output.directives.data) {
    assertValidRange(data.range, lines, 'data directive');
    assertValidRange(data.valueRange, lines, 'data directive value');
  }
}

/**
 * A hang guard, not a speed test (speed is measured in bench/, never asserted): one minute per
 * case plus a minute per MB, some 30 times what a loaded machine needs. It only catches a
 * blow-up that would never finish in practice.
 */
export function hangGuardMs(text: string): number {
  return 60_000 + (text.length / 1_000_000) * 60_000;
}

/** Short, printable description of a (possibly huge) input for failure messages. */
export function describeInput(text: string): string {
  return text.length <= 300 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 200))}... (${text.length} chars)`;
}

// ---- Incremental parsing -------------------------------------------------------------------

export interface LspChange {
  range?: Range;
  text: string;
}

const positionArb = fc.record({
  line: fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100000 }) }),
  character: fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 100000 }) }),
});

const insertTextArb = fc.oneof(
  { weight: 4, arbitrary: tokenArb },
  { weight: 2, arbitrary: fc.constantFrom('', '\n', '\r', '\r\n', '\n    ', 'x = 1\n', '    a = IntParameter(1, 9)\n', 'class T(IStrategy):\n') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.array(tokenArb, { maxLength: 20 }).map((t) => t.join(' ')) },
);

export const lspChangeArb: fc.Arbitrary<LspChange> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: positionArb, end: positionArb }), text: insertTextArb }) },
  // Ranges are usually ordered; the arbitrary above also produces reversed ones.
  { weight: 1, arbitrary: fc.record({ text: fc.oneof(insertTextArb, mutatedStrategyArb()) }) },
);

/** A serialisation of every node with its type, offsets and points: equal trees give equal strings. */
export function treeFingerprint(root: import('web-tree-sitter').Node): string {
  const parts: string[] = [];
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    const n = cursor.currentNode;
    parts.push(
      `${depth}:${n.type}${n.isMissing ? '!' : ''}@${n.startIndex}-${n.endIndex}:${n.startPosition.row},${n.startPosition.column}-${n.endPosition.row},${n.endPosition.column}`,
    );
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    let moved = false;
    while (!moved) {
      if (cursor.gotoNextSibling()) moved = true;
      else if (cursor.gotoParent()) depth--;
      else {
        cursor.delete();
        return parts.join('\n');
      }
    }
  }
}

export function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `node #${i}: incremental ${la[i]} vs fresh ${lb[i]}`;
  }
  return 'no difference';
}

/** The same serialisation of the engine's JavaScript copy of a tree (see syntax-tree.ts). */
export function mirrorFingerprint(root: import('../../server/src/engine/python/syntax-tree').SyntaxNode): string {
  const parts: string[] = [];
  const stack: [import('../../server/src/engine/python/syntax-tree').SyntaxNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    parts.push(
      `${depth}:${n.type}${n.isMissing ? '!' : ''}@${n.startIndex}-${n.endIndex}:${n.startPosition.row},${n.startPosition.column}-${n.endPosition.row},${n.endPosition.column}`,
    );
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], depth + 1]);
  }
  return parts.join('\n');
}
