// Issue 18: warm-up windows passed by position, built in helpers (methods and module functions),
// ichimoku defaults, and per-exchange startup_candle_count overrides in __init__.
import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { facts, lint, py } from '../rules/parameters/lint-snippet';

const header = ['import numpy as np', 'import pandas as pd', 'import talib.abstract as ta', 'import technical.indicators as ftt', 'from freqtrade.strategy import IStrategy'];
const windows = (...body: string[]) => (facts(py(...header, ...body)).windows ?? []).map((w) => [w.indicator, w.length]);

describe('issue 18: warm-up windows', () => {
  before(() => initPythonParser());

  it('reads a period passed by position through a helper method\'s parameter, and its default', () => {
    const found = windows(
      'class S(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["atr"] = self.average_true_range(dataframe, 72)',
      '        dataframe["atr_fast"] = self.average_true_range(dataframe)',
      '        return dataframe',
      '    def average_true_range(self, df, period=14):',
      '        df["TR"] = ta.TRANGE(df)',
      '        return ta.SMA(df["TR"], period)',
    );
    // Calls pass 72 (and nothing, the default 14): the longest, 72, is what warm-up must cover.
    assert.deepEqual(found.filter(([name]) => name === 'SMA'), [['SMA', 72]]);
  });

  it('reads windows in module-level helpers the strategy calls, and on numpy-derived series', () => {
    const found = windows(
      'def ssl_channels(dataframe, length=7):',
      '    df = dataframe.copy()',
      '    df["sma_high"] = df["high"].rolling(length).mean()',
      '    return df',
      'class S(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        ssl = ssl_channels(dataframe, 144)',
      '        log_close = np.log(dataframe["close"].to_numpy())',
      '        dataframe["z"] = pd.Series(log_close).rolling(200).std()',
      '        return dataframe',
    );
    assert.deepEqual(found, [['rolling', 144], ['rolling', 200]]);
  });

  it('ichimoku() with its defaults needs laggin_span + displacement = 52 + 26 = 78 candles', () => {
    const found = windows(
      'class S(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        ichi = ftt.ichimoku(dataframe)',
      '        wide = ftt.ichimoku(dataframe, conversion_line_period=20, base_line_periods=60, laggin_span=120, displacement=30)',
      '        return dataframe',
    );
    assert.deepEqual(found, [['ichimoku', 78], ['ichimoku', 150]]);
  });

  it('per-exchange startup_candle_count overrides in __init__ are checked, not skipped', () => {
    const text = py(
      ...header,
      'class S(IStrategy):',
      '    timeframe = "5m"',
      '    startup_candle_count = 800',
      '    def __init__(self, config):',
      '        super().__init__(config)',
      '        if self.config["exchange"]["name"] in ["okx", "okex"]:',
      '            self.startup_candle_count = 480',
      '        elif self.config["exchange"]["name"] in ["kraken"]:',
      '            self.startup_candle_count = 710',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["ema"] = ta.EMA(dataframe, timeperiod=576)',
      '        return dataframe',
    );
    const found = lint(text, 'insufficient-warmup');
    // 800 and 710 cover 576; okx/okex's 480 does not: 576 - 480 = 96 candles on partial history.
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^On okx, okex, startup_candle_count is set to 480, shorter than the 576 candles needed by `ta\.EMA\(dataframe, timeperiod=576\)`.*first 96 candles/);
    assert.equal(found[0].range.start.line, 11);
  });
});
