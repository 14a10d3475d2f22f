import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { facts, fixed, lint, py } from '../parameters/lint-snippet';

const header = ['import talib.abstract as ta', 'from freqtrade.strategy import IStrategy, IntParameter, informative'];

function windows(...body: string[]): number[] {
  const f = facts(py(...header, 'class S(IStrategy):', '    timeframe = "5m"', ...body));
  return (f.windows ?? []).map((w) => w.length);
}

describe('insufficient-warmup', () => {
  before(() => initPythonParser());

  describe('window extraction', () => {
    it('reads TA-Lib periods, keyword or positional, with defaults and look-back multiples', () => {
      assert.deepEqual(
        windows(
          '    def populate_indicators(self, dataframe, metadata):',
          '        dataframe["a"] = ta.EMA(dataframe, timeperiod=200)',
          '        dataframe["b"] = ta.SMA(dataframe, 50)',
          '        dataframe["c"] = ta.RSI(dataframe)',
          '        dataframe["d"] = ta.TEMA(dataframe, timeperiod=30)',
          '        macd = ta.MACD(dataframe, fastperiod=12, slowperiod=26, signalperiod=9)',
          '        macd_default = ta.MACD(dataframe)',
          '        return dataframe',
        ),
        [200, 50, 14, 90, 35, 35],
      );
    });

    it('reads pandas rolling/ewm/shift and generic window keywords', () => {
      assert.deepEqual(
        windows(
          '    def populate_indicators(self, dataframe, metadata):',
          '        dataframe["a"] = dataframe["close"].rolling(48).mean()',
          '        dataframe["b"] = dataframe["close"].rolling(window=96).std()',
          '        dataframe["c"] = dataframe["close"].ewm(span=120).mean()',
          '        dataframe["d"] = dataframe["close"].shift(288)',
          '        dataframe["e"] = dataframe["close"].shift(1)',
          '        bb = qtpylib.bollinger_bands(dataframe["close"], window=20, stds=2)',
          '        dataframe["f"] = pta.ema(dataframe["close"], length=100)',
          '        return dataframe',
        ),
        [48, 96, 120, 288, 20, 100],
      );
    });

    it('follows hyperopt parameters, class constants, loops and local names', () => {
      assert.deepEqual(
        windows(
          '    LONG = 150',
          '    buy_ema = IntParameter(50, 250, default=100, space="buy")',
          '    frozen = IntParameter(10, 400, default=30, optimize=False)',
          '    def populate_indicators(self, dataframe, metadata):',
          '        dataframe["a"] = ta.EMA(dataframe, timeperiod=self.buy_ema.value)',
          '        dataframe["b"] = ta.EMA(dataframe, timeperiod=self.LONG)',
          '        dataframe["c"] = ta.EMA(dataframe, timeperiod=self.frozen.value)',
          '        for val in self.buy_ema.range:',
          '            dataframe[f"ema_{val}"] = ta.EMA(dataframe, timeperiod=val)',
          '        for n in range(10, 70, 20):',
          '            dataframe[f"sma_{n}"] = ta.SMA(dataframe, timeperiod=n)',
          '        slow = 180',
          '        dataframe["d"] = dataframe["close"].rolling(int(slow)).mean()',
          '        return dataframe',
        ),
        [250, 150, 30, 250, 50, 180],
      );
    });

    it('tolerates half-typed code', () => {
      assert.doesNotThrow(() =>
        windows('    def populate_indicators(self, dataframe, metadata):', '        dataframe["a"] = ta.EMA(dataframe, timeperiod=', '        x = dataframe["close"].rolling('),
      );
    });
  });

  it('raises a short startup_candle_count (safe fix)', () => {
    const text = py(
      ...header,
      'class S(IStrategy):',
      '    timeframe = "5m"',
      '    startup_candle_count = 30',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=200)',
      '        return dataframe',
    );
    const [finding] = lint(text, 'insufficient-warmup');
    assert.equal(finding.range.start.line, 4);
    assert.equal(finding.fix!.safety, 'safe');
    assert.match(fixed(text, finding), /startup_candle_count = 200\n/);
    assert.deepEqual(lint(fixed(text, finding), 'insufficient-warmup'), []);
  });

  it('adds a missing startup_candle_count after timeframe, or after the docstring', () => {
    const withTimeframe = py(...header, 'class S(IStrategy):', '    timeframe = "5m"  # candles', '    def populate_indicators(self, dataframe, metadata):', '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=100)', '        return dataframe');
    const [a] = lint(withTimeframe, 'insufficient-warmup');
    assert.equal(a.range.start.line, 2);
    assert.match(fixed(withTimeframe, a), /timeframe = "5m"  # candles\n    startup_candle_count = 100\n/);
    const withDocstring = py(...header, 'class S(IStrategy):', '    """Trend."""', '    def populate_indicators(self, dataframe, metadata):', '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=100)', '        return dataframe');
    const [b] = lint(withDocstring, 'insufficient-warmup');
    assert.match(fixed(withDocstring, b), /"""Trend\."""\n    startup_candle_count = 100\n    def/);
  });

  it('stays quiet for short windows without the setting, and for inherited settings', () => {
    const short = py(...header, 'class S(IStrategy):', '    def populate_indicators(self, dataframe, metadata):', '        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)', '        return dataframe');
    assert.deepEqual(lint(short, 'insufficient-warmup'), []);
    const inherited = py(
      ...header,
      'class Base(IStrategy):',
      '    startup_candle_count = 400',
      'class Child(Base):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=300)',
      '        return dataframe',
    );
    assert.deepEqual(lint(inherited, 'insufficient-warmup'), []);
    const unknownBase = py(...header, 'from mybase import MyBase', 'class Child(MyBase):', '    def populate_indicators(self, dataframe, metadata):', '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=300)');
    assert.deepEqual(lint(unknownBase, 'insufficient-warmup'), []);
    const dynamic = py(
      ...header,
      'class S(IStrategy):',
      '    def bot_start(self):',
      '        self.startup_candle_count = 400',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=300)',
    );
    assert.deepEqual(lint(dynamic, 'insufficient-warmup'), []);
  });
});
