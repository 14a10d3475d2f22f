// The dataflow analyses the file's definitions in units (units.ts) and keeps each unit's analysis
// with its statements, so an edit re-analyses only the unit it touched.
import * as assert from 'node:assert/strict';
import { analyzeDataflow } from '../../../server/src/engine/dataflow';
import { definitionName, planUnits } from '../../../server/src/engine/dataflow/units';
import { initPythonParser, parsePython } from '../../../server/src/engine/python/parser';
import { buildSyntaxIndex, identifiersOf, type SyntaxIndex } from '../../../server/src/engine/python/syntax-index';

function indexOf(text: string, previous?: SyntaxIndex): SyntaxIndex {
  return buildSyntaxIndex(parsePython(text), text, previous?.root);
}

function unitNames(text: string): { main: string[]; free: string[][] } {
  const plan = planUnits(indexOf(text));
  return { main: plan.main.statements.map((s) => definitionName(s)!), free: plan.free.map((u) => u.statements.map((s) => definitionName(s)!)) };
}

const TWO_STRATEGIES = `import talib.abstract as ta
from pandas import DataFrame
from freqtrade.strategy import IStrategy

LOOKBACK = 14


def smoothed(series, span):
    return series.ewm(span=span).mean()


class PeekingStrategy(IStrategy):
    timeframe = "1h"

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=LOOKBACK)
        dataframe["next_close"] = dataframe["close"].shift(-1)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["next_close"] > dataframe["close"], "enter_long"] = 1
        return dataframe


class SmoothStrategy(IStrategy):
    timeframe = "1h"

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["fast"] = smoothed(dataframe["close"], 12)
        dataframe["future_max"] = dataframe["high"].rolling(5).max().shift(-5)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["future_max"] > dataframe["fast"], "enter_long"] = 1
        return dataframe
`;

describe('dataflow units', () => {
  before(() => initPythonParser());

  it('a definition joins the definitions it mentions or that mention it', () => {
    const units = unitNames(TWO_STRATEGIES);
    assert.deepEqual(units.main, []);
    assert.deepEqual(units.free, [['smoothed', 'SmoothStrategy'], ['PeekingStrategy']]);
  });

  it('definitions the module-level code mentions run with it, subclasses with their bases', () => {
    const units = unitNames(`import backtrader as bt

class Base(bt.Strategy):
    def next(self):
        pass

class Child(Base):
    pass

class Alone(bt.Strategy):
    pass

def unused():
    return 1

cerebro = bt.Cerebro()
cerebro.addstrategy(Child)
`);
    assert.deepEqual(units.main, ['Base', 'Child']);
    assert.deepEqual(units.free, [['Alone'], ['unused']]);
  });

  it('decorated definitions and definitions sharing a name are one unit', () => {
    const units = unitNames(`import functools

@functools.lru_cache()
def window(n):
    return n

def window(n):
    return n + 1

class Uses:
    def f(self):
        return 2
`);
    assert.deepEqual(units.free, [['window', 'window'], ['Uses']]);
  });

  it('a statement mentions the module names it may read: not attributes, keywords, method names, class attributes set, or its functions\' own parameters', () => {
    const index = indexOf(`LOOKBACK = 14

class Peek(IStrategy):
    timeframe = "5m"
    span = LOOKBACK * 2

    def populate_indicators(self, dataframe, metadata, window=WINDOW, df=df):
        dataframe["x"] = ta.RSI(dataframe, timeperiod=LOOKBACK)
        scale = lambda v, k: v * k * factor
        return self.helper(dataframe, period=3)
`);
    const names = [...identifiersOf(index.root.children[1])].sort();
    assert.deepEqual(names, ['IStrategy', 'LOOKBACK', 'Peek', 'WINDOW', 'df', 'factor', 'scale', 'ta']);
  });

  it('finds the leaks of every unit, as one analysis of the whole file does', () => {
    const leaks = analyzeDataflow(indexOf(TWO_STRATEGIES)).leaks.map((l) => l.source.node.text);
    assert.deepEqual(leaks, ['dataframe["close"].shift(-1)', 'dataframe["high"].rolling(5).max().shift(-5)']);
  });

  it('an edit inside one class re-analyses that class only; the other keeps its analysis', () => {
    const first = indexOf(TWO_STRATEGIES);
    const before = analyzeDataflow(first).leaks;
    const edited = TWO_STRATEGIES.replace('timeperiod=LOOKBACK', 'timeperiod=LOOKBACK + 1');
    const after = analyzeDataflow(indexOf(edited, first)).leaks;
    assert.equal(after.length, 2);
    assert.notEqual(after[0], before[0], 'the edited class was analysed again');
    assert.equal(after[1], before[1], 'the other unit\'s leak is the same object: its analysis was reused');
    assert.equal(after[1].source.node.text, 'dataframe["high"].rolling(5).max().shift(-5)', 'and its nodes moved with the edit');
  });

  it('an edit to a module-level constant re-analyses the units that read it', () => {
    const first = indexOf(TWO_STRATEGIES);
    const before = analyzeDataflow(first).leaks;
    const after = analyzeDataflow(indexOf(TWO_STRATEGIES.replace('LOOKBACK = 14', 'LOOKBACK = 15'), first)).leaks;
    assert.equal(after.length, 2);
    assert.notEqual(after[0], before[0], 'PeekingStrategy reads LOOKBACK: analysed again');
    assert.equal(after[1], before[1], 'SmoothStrategy does not: its analysis was kept');
  });

  it('a half-typed module-level line leaves alone the units that do not read what it binds', () => {
    const first = indexOf(TWO_STRATEGIES);
    const before = analyzeDataflow(first).leaks;
    const index = indexOf(`${TWO_STRATEGIES}\nresult = run_backtest(SmoothStrategy, `, first);
    assert.ok(index.root.children.some((c) => c.hasError), 'the new line does not parse yet');
    const after = analyzeDataflow(index).leaks;
    assert.equal(after.find((l) => l.source.node.text.includes('shift(-1)')), before[0], 'PeekingStrategy kept its analysis');
  });

  it('a file that ends inside an unclosed bracket (tree-sitter roots it in an ERROR node) still analyses its complete classes', () => {
    const complete = [
      'from freqtrade.strategy import IStrategy',
      '',
      '',
      'class Peek(IStrategy):',
      '    timeframe = "15m"',
      '    minimal_roi = {"0": 0.04}',
      '',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["ema"] = dataframe["close"].ewm(span=21).mean()',
      '        dataframe["ema_ahead"] = dataframe["ema"].shift(-2)',
      '        return dataframe',
      '',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        rising = dataframe["ema_ahead"] > dataframe["ema"]',
      '        dataframe.loc[rising & (dataframe["volume"] > 0), "enter_long"] = 1',
      '        return dataframe',
      '',
      '',
    ].join('\n');
    // A method being typed at the end of the file: `def on_start(s` is still open.
    const typing = complete + 'class Next(IStrategy):\n    def on_start(s';
    const index = indexOf(typing);
    assert.equal(index.root.type, 'ERROR', 'the premise: tree-sitter makes no module of it');
    const leaks = (i: SyntaxIndex) => analyzeDataflow(i).leaks.map((l) => `${l.source.code}:${l.source.node.startPosition.row}`);
    assert.deepEqual(leaks(index), leaks(indexOf(complete)), 'the complete class\'s lookahead is still found while the next one is typed');
    assert.ok(leaks(index).length > 0);
    // Its classes are cut into members as under a module root, so a lint from scratch and one
    // that took the class over from the complete version keep the same pieces.
    const fromComplete = indexOf(typing, indexOf(complete));
    assert.equal(index.pieces!.length, fromComplete.pieces!.length);
  });
});
