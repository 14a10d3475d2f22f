// The keystroke path reuses the previous version's work: the tree copy's unchanged statements,
// their index entries, the analysis of the code they hold. Whatever is reused, a lint of a version
// must say exactly what a lint from scratch of the same text says.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintPython, type LintOutput } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { parserText } from '../../../server/src/engine/text';
import { applyMutation, mutationArb, pythonCorpus } from '../../helpers/fuzz-python';

/** Everything a front shows from a lint, in a comparable form. */
function said(output: LintOutput): string {
  const index = output.index;
  return JSON.stringify({
    findings: output.findings,
    suppressed: output.suppressed,
    failures: output.failures.map((f) => f.rule),
    facts: factsSaid(output),
    pieces: (index.pieces ?? []).map((p) => p.calls.length + p.assignments.length + p.attributes.length).join(','),
    index: [index.classes.length, index.functions.length, index.calls.length, index.assignments.length, index.numbers.length, index.subscripts.length, index.comments.length, index.attributes.length, [...index.imports], [...index.importedModules]],
  });
}

/** Every fact group, with syntax nodes written as their type and offsets (facts may be kept per piece across versions). */
function factsSaid(output: LintOutput): string {
  const groups: Record<string, unknown> = {};
  for (const group of Object.keys(output.facts)) {
    try {
      groups[group] = (output.facts as unknown as Record<string, unknown>)[group];
    } catch (error) {
      groups[group] = `failed: ${(error as Error).message}`;
    }
  }
  return JSON.stringify(groups, (_key, value: unknown) => {
    if (value && typeof value === 'object' && 'startIndex' in value && 'type' in value && 'endIndex' in value) {
      const node = value as { type: string; startIndex: number; endIndex: number };
      return `${node.type}@${node.startIndex}-${node.endIndex}`;
    }
    if (value instanceof Set) return [...value];
    if (value instanceof Map) return [...value];
    return value;
  });
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: fresh …${a.slice(Math.max(0, i - 80), i + 120)}… incremental …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

describe('a lint that reuses the previous version equals a lint from scratch', function () {
  this.timeout(300000);
  before(() => initPythonParser());

  it('over chains of edits to real-style strategies', () => {
    const corpus = pythonCorpus().filter((c) => c.text.length < 40000);
    let reusedStatements = 0;
    let lints = 0;
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }), (start, edits) => {
        const path = `/ws/${start.name.replace(/[\\/]/g, '_')}`;
        let text = parserText(start.text);
        let previous = lintPython({ path, text });
        for (const batch of edits) {
          const next = parserText(batch.reduce(applyMutation, text));
          const before = new Set(previous.index.root.children);
          const incremental = lintPython({ path, text: next, previousRoot: previous.index.root });
          reusedStatements += incremental.index.root.children.filter((c) => before.has(c)).length;
          previous.release();
          const fresh = lintPython({ path, text: next });
          const a = said(fresh);
          const b = said(incremental);
          fresh.release();
          if (a !== b) assert.fail(`${start.name}: ${firstDifference(a, b)}`);
          lints++;
          text = next;
          previous = incremental;
        }
        previous.release();
      }),
      { numRuns: 40, seed: 31 },
    );
    assert.ok(reusedStatements > lints, `reuse exercised: ${reusedStatements} statements reused over ${lints} lints`);
  });

  it('while a line is typed one character at a time (every half-typed state between)', () => {
    const snippets = [
      'dataframe["future"] = dataframe["close"].shift(-3)\n',
      'if self.data.close[1] > self.sma[0]:\n            self.buy()\n',
      'X_train, X_test = train_test_split(X, shuffle=True)\n',
    ];
    const corpus = pythonCorpus().filter((c) => c.text.length < 20000 && /\n        \S/.test(c.text));
    let lints = 0;
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.constantFrom(...snippets), fc.nat(), (start, snippet, seed) => {
        const path = `/ws/${start.name.replace(/[\\/]/g, '_')}`;
        const base = parserText(start.text);
        // Type at the start of an indented line inside a function body.
        const starts = [...base.matchAll(/\n {8}(?=\S)/g)].map((m) => m.index! + 9);
        const at = starts[seed % starts.length];
        let previous = lintPython({ path, text: base });
        for (let typed = 1; typed <= snippet.length; typed += 3) {
          const text = base.slice(0, at) + snippet.slice(0, typed) + base.slice(at);
          const incremental = lintPython({ path, text, previousRoot: previous.index.root });
          previous.release();
          const fresh = lintPython({ path, text });
          const a = said(fresh);
          const b = said(incremental);
          fresh.release();
          if (a !== b) assert.fail(`${start.name}, typed ${JSON.stringify(snippet.slice(0, typed))}: ${firstDifference(a, b)}`);
          previous = incremental;
          lints++;
        }
        previous.release();
      }),
      { numRuns: 12, seed: 41 },
    );
    assert.ok(lints > 100);
  });

  it('an edit inside one method re-indexes that method; the class\'s other methods keep their entries', () => {
    const before = [
      'import numpy as np',
      '',
      '',
      'class Bands:',
      '    def upper(self, x):',
      '        return np.mean(x) + 2',
      '',
      '    def lower(self, x):',
      '        import pandas as np',
      '        return np.mean(x) - 2',
      '',
      '    def middle(self, x):',
      '        return np.median(x)',
      '',
    ].join('\n');
    const first = lintPython({ path: '/ws/bands.py', text: before });
    const call = (output: typeof first, name: string) => output.index.calls.find((c) => c.name === name)!;
    const second = lintPython({ path: '/ws/bands.py', text: before.replace('+ 2', '+ 2.5'), previousRoot: first.index.root });
    assert.notEqual(call(second, 'mean'), call(first, 'mean'), 'the edited method was indexed again');
    assert.equal(second.index.calls.filter((c) => c.name === 'mean')[1], first.index.calls.filter((c) => c.name === 'mean')[1]);
    assert.equal(call(second, 'median'), call(first, 'median'));
    assert.equal(call(second, 'median').qualifiedCallee, 'pandas.median', 'an import inside an earlier method still qualifies later ones');
    assert.equal(call(second, 'median').scope.className, 'Bands');
    // The import inside `lower` changes: `middle` is indexed again, with the new import.
    const third = lintPython({ path: '/ws/bands.py', text: before.replace('+ 2', '+ 2.5').replace('import pandas as np', 'import scipy as np'), previousRoot: second.index.root });
    assert.equal(call(third, 'median').qualifiedCallee, 'scipy.median');
  });

  it('when an import changes, statements after it are indexed again (callees are qualified through imports)', () => {
    const before = 'import numpy as np\n\ndef f(df):\n    return np.roll(df["close"], -1)\n';
    const after = 'import pandas as np\n\ndef f(df):\n    return np.roll(df["close"], -1)\n';
    const first = lintPython({ path: '/ws/a.py', text: before });
    assert.equal(first.index.calls[0].qualifiedCallee, 'numpy.roll');
    const second = lintPython({ path: '/ws/a.py', text: after, previousRoot: first.index.root });
    assert.equal(second.index.root.children[1], first.index.root.children[1], 'the function statement was taken over');
    assert.equal(second.index.calls[0].qualifiedCallee, 'pandas.roll');
  });

  describe('facts kept per piece follow what they read outside the piece', () => {
    const FREQTRADE = [
      'from freqtrade.strategy import IStrategy, IntParameter, DecimalParameter',
      'OPTIMIZE_BUY = True',
      '',
      '',
      'class Bands(IStrategy):',
      '    timeframe = "5m"',
      '    buy_rsi = IntParameter(10, 40, default=27, optimize=OPTIMIZE_BUY)',
      '    buy_mult = DecimalParameter(0.9, 1.1, default=0.97312, decimals=5)',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[(dataframe["rsi"] < self.buy_rsi.value) & (dataframe["adx"] > 31), "enter_long"] = 1',
      '        return dataframe',
      '',
      '    def populate_exit_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["rsi"] > 71.5, "exit_long"] = 1',
      '        return dataframe',
      '',
      '',
      'class Helper:',
      '    def next(self):',
      '        if self.data.close[0] > 101.25:',
      '            self.buy()',
      '',
    ].join('\n');
    const BACKTRADER = [
      'import backtrader as bt',
      '',
      '',
      'class Cross(bt.Strategy):',
      '    def __init__(self):',
      '        self.fast = bt.ind.SMA(self.data0.close, period=10)',
      '        self.slow = bt.ind.SMA(self.data1.close, period=30)',
      '',
      '    def next(self):',
      '        if self.fast[0] > self.slow[0]:',
      '            self.buy()',
      '',
      '',
      'cerebro = bt.Cerebro()',
      'cerebro.adddata(bt.feeds.PandasData(dataname=minutes))',
      'cerebro.replaydata(bt.feeds.PandasData(dataname=minutes), timeframe=bt.TimeFrame.Days)',
      'cerebro.addstrategy(Cross)',
      '',
    ].join('\n');
    const TALIB = [
      'from freqtrade.strategy import IStrategy',
      '',
      '',
      'class Triple(IStrategy):',
      '    timeframe = "1h"',
      '    startup_candle_count = 30',
      '',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["tema"] = ta.TEMA(dataframe, timeperiod=20)',
      '        return dataframe',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["close"] > dataframe["tema"], "enter_long"] = 1',
      '        return dataframe',
      '',
    ].join('\n');
    const cases: [string, string, (text: string) => string][] = [
      ['an import below a call says whose `ta` it is (TA-Lib TEMA needs three periods)', TALIB, (t) => t + '\nimport pandas_ta as ta\n'],
      ['a module constant an optimize= flag reads', FREQTRADE, (t) => t.replace('OPTIMIZE_BUY = True', 'OPTIMIZE_BUY = False')],
      ['a class that stops being a strategy', FREQTRADE, (t) => t.replace('class Bands(IStrategy):', 'class Bands:')],
      ['a class that becomes a strategy', FREQTRADE, (t) => t.replace('class Helper:', 'class Helper(IStrategy):')],
      ['a strategy renamed', FREQTRADE, (t) => t.replace('class Bands(IStrategy):', 'class Bands2(IStrategy):')],
      ['an optimiser import added', FREQTRADE, (t) => 'import optuna\n' + t],
      ['a method edited beside kept ones', FREQTRADE, (t) => t.replace('> 71.5', '> 71.25')],
      ['a line named in one method, read in another', BACKTRADER, (t) => t.replace('self.data1.close', 'self.data0.close')],
      ['a class that stops being a backtrader strategy', BACKTRADER, (t) => t.replace('class Cross(bt.Strategy):', 'class Cross:')],
      ['a live store added at module level', BACKTRADER, (t) => t + '\nstore = bt.stores.IBStore(port=7497)\n'],
    ];
    for (const [name, before, edit] of cases) {
      it(name, () => {
        const path = '/ws/strategy.py';
        const first = lintPython({ path, text: before });
        said(first); // every fact group is derived (and kept) before the edit
        const after = edit(before);
        const incremental = lintPython({ path, text: after, previousRoot: first.index.root });
        const fresh = lintPython({ path, text: after });
        const a = said(fresh);
        const b = said(incremental);
        assert.ok(incremental.index.root.children.some((c) => first.index.root.children.includes(c)) || !after.includes(before.slice(0, 40)), 'some statement was taken over');
        if (a !== b) assert.fail(firstDifference(a, b));
        assert.notEqual(said(first), a, 'the edit changes what the lint says');
        first.release();
        incremental.release();
        fresh.release();
      });
    }
  });
});
