import * as assert from 'node:assert/strict';
import { matchGlob } from '../../../server/src/engine/results/glob';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { directivesOf } from '../../helpers/result-directives';

describe('results: glob matcher and directives', () => {
  before(() => initPythonParser());
  it('matches *, ** and ?', () => {
    assert.ok(matchGlob('results/*.json', 'results/a.json'));
    assert.ok(!matchGlob('results/*.json', 'results/sub/a.json'));
    assert.ok(matchGlob('results/**/*.json', 'results/a.json'));
    assert.ok(matchGlob('results/**/*.json', 'results/x/y/a.json'));
    assert.ok(matchGlob('**/*.backtest.csv', 'a/b/S.backtest.csv'));
    assert.ok(matchGlob('**/*.backtest.csv', 'S.backtest.csv'));
    assert.ok(matchGlob('run?.csv', 'run1.csv'));
    assert.ok(!matchGlob('run?.csv', 'run10.csv'));
    assert.ok(matchGlob('out/**', 'out/a/b.json'));
    assert.ok(matchGlob('a.b+(c).json', 'a.b+(c).json')); // regex characters are literal
    assert.ok(!matchGlob('a.json', 'axjson'));
    assert.ok(matchGlob('results\\*.json', 'results/a.json')); // Windows separators
  });

  it('parses results directives with several paths, quotes and offsets', () => {
    const text = 'x = 1\n#  strategy-lint: results = a.json, "b c.csv" ,\'d.json\'\r\n';
    const ds = directivesOf(text);
    assert.deepEqual(ds.map((d) => d.path), ['a.json', 'b c.csv', 'd.json']);
    for (const d of ds) assert.equal(text.slice(d.offset, d.offset + d.length), d.path);
  });

  it('reads results= directives from comments only, never from a docstring or a string (issue 17, bug 3)', () => {
    const text = [
      'class S:',
      '    """Usage: add `# strategy-lint: results=docs.json` to your file."""',
      "    note = '# strategy-lint: results=string.json'",
      "    raw = r'it\\'s # strategy-lint: results=escaped.json'",
      '    x = 1  # strategy-lint: results=real.json',
      '"""',
      '# strategy-lint: results=inside-triple.json',
      '"""',
      '# strategy-lint: results=after.json',
    ].join('\n');
    assert.deepEqual(directivesOf(text).map((d) => d.path), ['real.json', 'after.json']);
  });
});
