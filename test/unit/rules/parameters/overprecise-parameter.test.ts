import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { literalPrecision, roundMultiplier, roundOverprecise } from '../../../../server/src/engine/rules/parameters/overprecise-parameter';
import { fixed, lint, linesOf, py } from './lint-snippet';

describe('overprecise-parameter', () => {
  before(() => initPythonParser());

  describe('precision heuristics', () => {
    it('counts significant digits and decimals, ignoring leading and trailing zeros', () => {
      assert.deepEqual(literalPrecision('-0.27183'), { significant: 5, decimals: 5 });
      assert.deepEqual(literalPrecision('27.34'), { significant: 4, decimals: 2 });
      assert.deepEqual(literalPrecision('0.0100'), { significant: 1, decimals: 2 });
      assert.deepEqual(literalPrecision('1_000.25'), { significant: 6, decimals: 2 });
      assert.equal(literalPrecision('14'), undefined);
      assert.equal(literalPrecision('1e-9'), undefined);
    });

    it('rounds over-precise values to the allowed significant digits, keeping them floats', () => {
      assert.equal(roundOverprecise('-0.27183', 3), '-0.272');
      assert.equal(roundOverprecise('0.01176', 3), '0.0118');
      assert.equal(roundOverprecise('27.34', 3), '27.3');
      assert.equal(roundOverprecise('0.9937', 3), '0.994');
      assert.equal(roundOverprecise('1234.56', 3), '1234.6');
      assert.equal(roundOverprecise('0.99996', 3), '1.0');
    });

    it('leaves human values alone: few digits, one decimal, half-steps ending in 5', () => {
      for (const text of ['0.982', '23.5', '100.5', '0.0043', '1.025', '0.0125', '-0.10', '2.0', '0.30000']) {
        assert.equal(roundOverprecise(text, 3), undefined, text);
      }
    });
  });

  it('reports freqtrade settings, roi entries, pasted values and condition thresholds', () => {
    const text = py(
      'from freqtrade.strategy import IStrategy, DecimalParameter',
      'class S(IStrategy):',
      '    minimal_roi = {"0": 0.12346, "30": 0.02}',
      '    stoploss = -0.27183',
      '    trailing_stop_positive = 0.01',
      '    buy_gap = DecimalParameter(-0.05, 0.0, default=-0.01176, decimals=5, space="buy")',
      '    sell_mult = DecimalParameter(0.9, 1.1, default=1.013, space="sell")',
      '    sell_params = {"sell_mult": 1.013, "sell_extra": 0.04783}',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["close"] > dataframe["ema"] * 0.9937, "enter_long"] = 1',
      '        return dataframe',
    );
    const found = lint(text, 'overprecise-parameter');
    // 1.013 sits on the 3-decimal grid DecimalParameter declares (default decimals): not reported.
    // Issue 18: `* 0.9937` is a -0.63 % offset from 1 (two significant digits): not reported.
    assert.deepEqual(linesOf(found), [3, 4, 6, 8]);
    assert.match(found[1].message, /stoploss = -0\.27183/);
    assert.equal(fixed(text, found[1]).split('\n')[3], '    stoploss = -0.272');
    assert.equal(found[1].fix!.safety, 'unsafe');
  });

  it('reports LEAN and Jesse defaults', () => {
    const lean = py(
      'from AlgorithmImports import *',
      'class A(QCAlgorithm):',
      '    def initialize(self):',
      '        self.z = float(self.get_parameter("z", 2.1837))',
      '        self.n = int(self.get_parameter("n", 20))',
    );
    assert.deepEqual(linesOf(lint(lean, 'SL102')), [4]);
    const jesse = py(
      'from jesse.strategies import Strategy',
      'class J(Strategy):',
      '    def hyperparameters(self):',
      '        return [{"name": "m", "type": float, "min": 1.0, "max": 3.0, "default": 1.41421}]',
    );
    assert.deepEqual(linesOf(lint(jesse, 'SL102')), [4]);
  });

  it('ignores precise numbers outside tuned contexts', () => {
    const text = py('import math', 'GOLDEN = 0.6180339', 'def f(x):', '    return x * 2.71828 < 3.14159');
    assert.deepEqual(lint(text, 'overprecise-parameter'), []);
  });

  it('honours max-significant-digits', () => {
    const text = py('from freqtrade.strategy import IStrategy', 'class S(IStrategy):', '    stoploss = -0.2718');
    assert.equal(lint(text, 'overprecise-parameter').length, 1);
    assert.equal(lint(text, 'overprecise-parameter', { options: { 'overprecise-parameter': { 'max-significant-digits': 4 } } }).length, 0);
  });

  describe('multipliers near 1 (issue 18)', () => {
    const entry = (factor: string) => py(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def populate_entry_trend(self, dataframe, metadata):',
      `        dataframe.loc[dataframe["close"] > dataframe["ema"] * ${factor}, "enter_long"] = 1`,
      '        return dataframe',
    );
    it('judges the offset: 1.028 is a 2.8 % offset (2 digits), 0.9999 a -0.01 % one (1 digit): quiet', () => {
      for (const factor of ['1.028', '0.9999', '1.001', '0.958']) assert.deepEqual(lint(entry(factor), 'overprecise-parameter'), [], factor);
    });
    it('reports an over-precise offset and rounds the offset, not the factor', () => {
      // 1.013756: offset 0.013756 (5 digits) -> 3 digits 0.0138 -> 1.0138 (rounding the factor to
      // 3 significant digits would give 1.01, a different condition).
      const [f] = lint(entry('1.013756'), 'overprecise-parameter');
      assert.match(f.message, /a \+1\.3756 % offset from 1 written with 5 significant digits/);
      assert.equal(fixed(entry('1.013756'), f).split('\n')[3], '        dataframe.loc[dataframe["close"] > dataframe["ema"] * 1.0138, "enter_long"] = 1');
      // 1.0012874: offset 0.0012874 -> 0.00129 -> 1.00129, never 1.0.
      const [g] = lint(entry('1.0012874'), 'overprecise-parameter');
      assert.match(g.fix!.title, /Round to 1\.00129$/);
    });
    it('never rounds a factor to 1 or across it', () => {
      assert.equal(roundMultiplier('1.0012874', 3), '1.00129');
      assert.equal(roundMultiplier('0.99871234', 3), '0.99871');
      assert.equal(roundMultiplier('1.001', 3), undefined);
    });
  });
});
