// Bindings.resolve finds the binding visible at a node by binary search in per-name tables; its
// definition is resolveByScan, a scan of every binding of the name. They must always agree.
import * as assert from 'node:assert/strict';
import { Bindings } from '../../../server/src/engine/facts/sklearn';
import { initPythonParser, parsePython, type SyntaxNode } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../../../server/src/engine/python/syntax-index';
import { pythonCorpus } from '../../helpers/fuzz-python';

/** The nodes a collector asks about: every identifier and dotted name, with the function it sits in. */
function questions(root: SyntaxNode): { name: string; at: SyntaxNode; functionName?: string }[] {
  const out: { name: string; at: SyntaxNode; functionName?: string }[] = [];
  const walk = (node: SyntaxNode, functionName: string | undefined) => {
    if (node.type === 'identifier' || (node.type === 'attribute' && /^[\w.]+$/.test(node.text))) out.push({ name: node.text, at: node, functionName });
    const inner = node.type === 'function_definition' ? node.childForFieldName('name')?.text : functionName;
    for (const child of node.children) walk(child, inner);
  };
  walk(root, undefined);
  return out;
}

/** The bindings of a file written as lines, with its index. */
function bindingsOf(lines: string[]): { index: ReturnType<typeof buildSyntaxIndex>; bindings: Bindings } {
  const text = lines.join('\n');
  const index = buildSyntaxIndex(parsePython(text), text);
  return { index, bindings: new Bindings(index) };
}

describe('Bindings.resolve', () => {
  before(() => initPythonParser());

  it('answers as a scan of every binding does, on every name of real-style files', () => {
    let asked = 0;
    let found = 0;
    for (const { name, text } of pythonCorpus().filter((c) => c.text.length < 60000)) {
      const index = buildSyntaxIndex(parsePython(text), text);
      const bindings = new Bindings(index);
      for (const q of questions(index.root)) {
        const fast = bindings.resolve(q.name, q.at, q.functionName);
        assert.equal(fast, bindings.resolveByScan(q.name, q.at, q.functionName), `${name}: ${q.name} at ${q.at.startIndex} in ${q.functionName ?? 'module'}`);
        asked++;
        if (fast) found++;
      }
    }
    assert.ok(asked > 5000 && found > 500, `${asked} questions, ${found} resolved`);
  });

  it('skips an assignment the name sits in, a same-named function elsewhere, and runs of bindings in the asking function', () => {
    const { index, bindings } = bindingsOf([
      'window = 20',
      'self_model = None',
      '',
      'def fit(df):',
      '    window = window + 1',
      '    self.model = make()',
      '    self.model = tune(self.model)',
      '    return df.rolling(window).mean()',
      '',
      'def score(df):',
      '    return self.model.score(df, window)',
      '',
      'def later():',
      '    return limit',
      '',
      'limit = 5',
      '',
    ]);
    for (const q of questions(index.root)) assert.equal(bindings.resolve(q.name, q.at, q.functionName), bindings.resolveByScan(q.name, q.at, q.functionName), `${q.name} at ${q.at.startIndex}`);
    const find = (name: string, occurrence: number) => questions(index.root).filter((q) => q.name === name)[occurrence];
    // `window + 1` reads the module's window, not the assignment it sits in.
    assert.equal(bindings.resolve('window', find('window', 2).at, 'fit')?.value.text, '20');
    // `self.model` in `score` sees fit's last binding; in `tune(self.model)` the one before it.
    assert.equal(bindings.resolve('self.model', find('self.model', 3).at, 'score')?.value.text, 'tune(self.model)');
    assert.equal(bindings.resolve('self.model', find('self.model', 2).at, 'fit')?.value.text, 'make()');
    // A module name bound below the function that reads it.
    assert.equal(bindings.resolve('limit', find('limit', 0).at, 'later')?.value.text, '5');
  });

  it('a method of another class with the same name is another function', () => {
    const { index, bindings } = bindingsOf([
      'class Fast:',
      '    def populate_indicators(self, dataframe, metadata):',
      '        window = 10',
      '        dataframe["ma"] = dataframe["close"].rolling(window).mean()',
      '        return dataframe',
      '',
      '',
      'class Slow:',
      '    def populate_indicators(self, dataframe, metadata, window=200):',
      '        dataframe["ma"] = dataframe["close"].rolling(window).mean()',
      '        return dataframe',
      '',
    ]);
    const reads = questions(index.root).filter((q) => q.name === 'window' && q.at.parent?.type === 'argument_list');
    assert.equal(reads.length, 2);
    assert.equal(bindings.resolve('window', reads[0].at, 'populate_indicators')?.value.text, '10');
    // Slow's window is its own parameter: Fast's local binding is not visible there.
    assert.equal(bindings.resolve('window', reads[1].at, 'populate_indicators'), undefined);
    assert.equal(bindings.resolveByScan('window', reads[1].at, 'populate_indicators'), undefined);
  });
});
