import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { configProblemRanges, parseConfigText, type ConfigKind } from '../../../server/src/engine/config';
import { located } from './helpers';

const parse = (text: string, kind: ConfigKind = 'toml', source = '/ws/proj/strategy-lint.toml') => parseConfigText(text, { source, kind, workspaceRoot: '/ws' })!;

describe('config problems are located at the offending key and never stop loading', () => {
  it('bad TOML: one error at the line/column smol-toml reports, defaults for everything', () => {
    const text = 'select = ["SL101"]\nmax-parameters = = 3\n';
    const loaded = parse(text);
    assert.equal(loaded.problems.length, 1);
    const p = loaded.problems[0];
    assert.equal(p.severity, 'error');
    assert.match(p.message, /^Invalid TOML: /);
    assert.equal(text.slice(0, p.offset).split('\n').length, 2, 'on line 2');
    assert.equal(text[p.offset], '=');
    assert.equal(p.offset, text.indexOf('= 3'));
    assert.deepEqual(loaded.config, {});
  });

  it('problems convert to LSP ranges', () => {
    const text = 'select = ["SL101"]\r\n\r\n[severity]\r\nSL101 = "loud"\r\n';
    const [p] = configProblemRanges(text, parse(text).problems);
    assert.deepEqual(p.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } });
  });

  it('bad JSON: jsonc-parser errors with their offsets; comments are allowed', () => {
    const text = '{\n  // comment\n  "select": ["SL101",]\n}';
    const loaded = parse(text, 'json', '/ws/.strategy-lint.json');
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /^Invalid JSON: /);
    assert.equal(text[loaded.problems[0].offset], ']');
    assert.deepEqual(loaded.config, {});
    const empty = parse('', 'json', '/ws/.strategy-lint.json');
    assert.equal(empty.problems.length, 1);
  });

  it('JSON whose top level is not an object', () => {
    const loaded = parse('["SL101"]', 'json', '/ws/.strategy-lint.json');
    assert.match(loaded.problems[0].message, /must be a table/);
  });

  it('unknown keys (TOML): located at the key, with a kebab-case suggestion; the rest still applies', () => {
    const text = 'max_parameters = 3\nselect = ["SL101"]\nfoo = 1\n';
    const loaded = parse(text);
    assert.deepEqual(located(text, loaded.problems).map((p) => [p.at, p.severity]), [
      ['max_parameters', 'warning'],
      ['foo', 'warning'],
    ]);
    assert.match(loaded.problems[0].message, /did you mean `max-parameters`/);
    assert.deepEqual(loaded.config.select, ['too-many-parameters']);
  });

  it('unknown keys (JSON and pyproject)', () => {
    const json = '{ "select": ["SL101"], "selcet": [] }';
    assert.deepEqual(located(json, parse(json, 'json', '/ws/.strategy-lint.json').problems).map((p) => p.at), ['"selcet"']);
    const pyproject = '[tool.black]\nfoo = 1\n\n[tool.strategy-lint]\nfoo = 2\n';
    const loaded = parse(pyproject, 'pyproject', '/ws/pyproject.toml');
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].offset, pyproject.lastIndexOf('foo'), 'the key in [tool.strategy-lint], not the one in [tool.black]');
  });

  it('wrong types: located at the value', () => {
    const text = 'select = "SL101"\nmin-trades = "thirty"\nseverity = ["error"]\nresults = "x/*.json"\n';
    const loaded = parse(text);
    assert.deepEqual(located(text, loaded.problems).map((p) => [p.at, p.severity]), [
      ['"SL101"', 'error'],
      ['"thirty"', 'error'],
      ['["error"]', 'error'],
      ['"x/*.json"', 'error'],
    ]);
    assert.deepEqual(loaded.config, {});
  });

  it('out-of-range thresholds', () => {
    const text = 'psr-level = 1.5\nmax-parameters = 2.5\nperiods-per-year = 0\ndsr-level = 0.95\n';
    const loaded = parse(text);
    assert.deepEqual(located(text, loaded.problems).map((p) => p.at), ['1.5', '2.5', '0']);
    assert.deepEqual(loaded.thresholds, { 'dsr-level': 0.95 });
  });

  it('unknown rules in select, severity, rules tables and per-file-ignores (TOML)', () => {
    const text = [
      'select = ["SL101", "too-many-params"]',
      '',
      '[severity]',
      'SL101 = "warning"',
      'lookahead-nope = "error"',
      '',
      '[per-file-ignores]',
      '"tests/*.py" = ["SL999"]',
      '',
      '[rules.too-many-parameters]',
      'max-parameters = 5',
      'max-params = 6',
      '',
      '[rules.not-a-rule]',
      'x = 1',
      '',
    ].join('\n');
    const loaded = parse(text);
    assert.deepEqual(located(text, loaded.problems).map((p) => p.at), ['"too-many-params"', 'lookahead-nope', '"SL999"', 'max-params', 'not-a-rule']);
    assert.match(loaded.problems[0].message, /did you mean `too-many-parameters`/);
    assert.deepEqual(loaded.config, {
      select: ['too-many-parameters'],
      severity: { 'too-many-parameters': 'warning' },
      options: { 'too-many-parameters': { 'max-parameters': 5 } },
    });
  });

  it('unknown rules and wrong severities (JSON), located with parseTree', () => {
    const text = JSON.stringify({ severity: { SL101: 'loud', 'no-such-rule': 'error' }, 'per-file-ignores': { 'a/*.py': ['SL101', 'nope'] } }, null, 2);
    const loaded = parse(text, 'json', '/ws/.strategy-lint.json');
    assert.deepEqual(located(text, loaded.problems).map((p) => p.at), ['"loud"', '"no-such-rule"', '"nope"']);
    assert.deepEqual(loaded.config.perFileIgnores, { 'a/*.py': ['too-many-parameters'] });
  });

  it('locates keys in dotted keys, inline tables, quoted keys and multi-line arrays (TOML)', () => {
    const text = [
      'rules.too-many-parameters.max-parameter = 3',
      'severity = { "SL101" = "error", bogus = "hint" }',
      'ignore = [',
      '  "SL101",  # fine',
      '  """multi',
      'line""",',
      '  42,',
      ']',
      '"glossary" = [1]',
    ].join('\n');
    const loaded = parse(text);
    assert.deepEqual(located(text, loaded.problems).map((p) => p.at), ['max-parameter', 'bogus', '"""multi\nline"""', '42', '1']);
  });

  it('locates keys inside [tool.strategy-lint.*] sub-tables of pyproject.toml', () => {
    const text = [
      '[tool.strategy-lint]',
      'select = ["SL101"]',
      '',
      '[tool.other.rules.too-many-parameters]',
      'max-parameters = "no"',
      '',
      '[tool.strategy-lint.rules.too-many-parameters]',
      'max-parameters = "no"',
    ].join('\n');
    const loaded = parse(text, 'pyproject', '/ws/pyproject.toml');
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].offset, text.lastIndexOf('"no"'));
  });

  it('non-table sections and duplicate keys', () => {
    const section = 'tool.strategy-lint = 5\n';
    const a = parse(section, 'pyproject', '/ws/pyproject.toml');
    assert.deepEqual(located(section, a.problems).map((p) => p.at), ['strategy-lint']);
    const duplicate = 'select = ["SL101"]\nselect = []\n';
    const b = parse(duplicate);
    assert.match(b.problems[0].message, /Invalid TOML/);
    assert.equal(b.problems[0].offset, duplicate.lastIndexOf('select'));
  });

  it('never throws on hostile input', () => {
    for (const text of ['__proto__ = 1', '[__proto__]\nx = 1', '{"__proto__": {"select": 1}}', '"\\', '[[', 'a = [[[[[[[[[', '\u0000', 'x = 1979-05-27T07:32:00Z']) {
      for (const kind of ['toml', 'json', 'pyproject'] as const) {
        const loaded = parseConfigText(text, { source: '/ws/c', kind, workspaceRoot: '/ws' });
        if (loaded) assert.ok(Array.isArray(loaded.problems));
      }
    }
    const json = parse('{"per-file-ignores": {"__proto__": ["SL101"]}}', 'json', '/ws/.strategy-lint.json');
    assert.deepEqual(Object.keys(json.config.perFileIgnores!), ['__proto__']);
    assert.equal(Object.getPrototypeOf(json.config.perFileIgnores), Object.prototype);
  });
});

describe('config parsing under random input (fast-check)', () => {
  const pieces = ['[tool.strategy-lint]', '[rules.too-many-parameters]', '[severity]', '[[x]]', 'select', 'max-parameters', '"SL101"', "'lit'", '"""', "'''", '=', ' = ', '[', ']', '{', '}', ',', '.', '#', '\n', '\r\n', ' ', '12', '1e9', '-', 'true', '"a\\"b"', '\\', '__proto__', '"per-file-ignores"'];
  const tomlish = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));

  it('never throws, and every problem lies inside the text', () => {
    fc.assert(
      fc.property(tomlish, fc.constantFrom('toml', 'pyproject', 'json') as fc.Arbitrary<ConfigKind>, (text, kind) => {
        const loaded = parseConfigText(text, { source: '/ws/c', kind, workspaceRoot: '/ws' });
        for (const p of loaded?.problems ?? []) {
          assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, JSON.stringify({ text, p }));
          assert.ok(p.message.length > 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the TOML locator finds every top-level key smol-toml parses', () => {
    const keys = ['select', 'ignore', 'max-parameters', 'min-trades', 'results'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1 }), fc.constantFrom(' ', '', '\t'), fc.boolean(), (chosen, space, comments) => {
        const text = chosen.map((k) => `${comments ? '# note = [\n' : ''}${k}${space}=${space}${k.endsWith('s') ? '[\n  "x", # c\n]' : '3'}`).join('\n');
        const loaded = parseConfigText(text + '\nbogus = 1', { source: '/ws/c', kind: 'toml', workspaceRoot: '/ws' })!;
        const bogus = loaded.problems.find((p) => p.message.startsWith('Unknown key `bogus`'));
        assert.ok(bogus, text);
        assert.equal(bogus.offset, text.length + 1);
      }),
      { numRuns: 100 },
    );
  });
});
