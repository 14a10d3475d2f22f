// End-to-end tests of the bar-offset dataflow: analyzeDataflow over parsed snippets.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { unitParams } from '../../helpers/fuzz-config';
import { freqtrade, leaks, lines, summary } from './helpers';

const ENTER = 'dataframe.loc[dataframe["x"] > dataframe["close"], "enter_long"] = 1';

describe('dataflow: analyzeDataflow end to end', function () {
  this.timeout(60000);
  before(() => initPythonParser());

  it('a data literal of 150,000 items is analysed without overflowing the stack', () => {
    const text = `import pandas as pd\nweights = [${'1, '.repeat(150_000)}1]\nx = pd.read_csv("a.csv")["close"].shift(-1)\nentries = x > 0\n`;
    assert.deepEqual(summary(text), ['SL201 3:5']);
  });

  describe('function summaries', () => {
    it('a module helper that is called carries its lead to the caller\'s sink (error)', () => {
      const text = freqtrade(['dataframe["x"] = peek(dataframe["close"], 3)'], [ENTER], ['def peek(series, n):', '    return series.shift(-n)']);
      const found = leaks(text);
      assert.deepEqual(found.map((l) => [l.source.code, l.source.node.startPosition.row + 1, l.certain]), [['SL201', 4, true]]);
      assert.equal(found[0].source.lead, 3);
      assert.match(found[0].sink.what, /enter_long/);
    });

    it('a method called through self carries its lead to the caller\'s sink', () => {
      const text = lines(
        'from freqtrade.strategy import IStrategy',
        'class S(IStrategy):',
        '    def smooth(self, series):',
        '        return series.rolling(9, center=True).mean()',
        '    def populate_indicators(self, dataframe, metadata):',
        '        dataframe["x"] = self.smooth(dataframe["close"])',
        '        return dataframe',
        '    def populate_entry_trend(self, dataframe, metadata):',
        `        ${ENTER}`,
        '        return dataframe',
      );
      assert.deepEqual(summary(text), ['SL202 4:16']);
      assert.equal(leaks(text)[0].source.lead, 4);
    });

    it('the same helper called only for a plot decides nothing', () => {
      const text = freqtrade(['print(peek(dataframe["close"], 3))'], ['dataframe.loc[dataframe["rsi"] < 30, "enter_long"] = 1'], ['def peek(series, n):', '    return series.shift(-n)']);
      assert.deepEqual(summary(text), []);
    });

    it('a module function nothing calls: a decision inside it is a warning (not certain); what it returns decides nothing', () => {
      const found = leaks(lines('def add_signal(df):', '    df["signal"] = df["close"].shift(-1) > df["close"]', '    return df'));
      assert.deepEqual(found.map((l) => [l.source.code, l.certain]), [['SL201', false]]);
      assert.deepEqual(leaks(lines('def add_next_close(df):', '    return df["close"].shift(-1) > df["close"]')), []);
    });
  });

  describe('property: a later shift compensates exactly the lead', () => {
    type Src = { code: string; text: (col: string) => string; lead: number };
    const source = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map((k): Src => ({ code: 'SL201', text: (c) => `${c}.shift(-${k})`, lead: k })),
      fc.integer({ min: 2, max: 40 }).map((w): Src => ({ code: 'SL202', text: (c) => `${c}.rolling(${w}, center=True).mean()`, lead: Math.floor(w / 2) })),
      fc.integer({ min: 1, max: 30 }).map((k): Src => ({ code: 'SL201', text: (c) => `${c}.pct_change(-${k})`, lead: k })),
      fc.integer({ min: 1, max: 30 }).map((k): Src => ({ code: 'SL201', text: (c) => `np.roll(${c}, -${k})`, lead: k })),
    );

    it('appending .shift(m) removes the finding iff m >= lead', () => {
      fc.assert(
        fc.property(source, fc.integer({ min: 0, max: 45 }), (src, m) => {
          const expr = `(${src.text('dataframe["close"]')})`;
          const bare = freqtrade([`dataframe["x"] = ${expr}`], [ENTER]);
          assert.deepEqual(leaks(bare).map((l) => [l.source.code, l.source.lead]), [[src.code, src.lead]]);
          const text = freqtrade([`dataframe["x"] = ${expr}.shift(${m})`], [ENTER]);
          const found = leaks(text);
          if (m >= src.lead) assert.deepEqual(summary(text), [], `shift(${m}) covers lead ${src.lead}`);
          else assert.deepEqual(found.map((l) => l.source.code), [src.code], `shift(${m}) leaves ${src.lead - m} bar(s)`);
        }),
        unitParams(60),
      );
    });
  });

  describe('labels, live-only code', () => {
    it('a future label used only as y is silent; fed as a feature it is a leak', () => {
      const label = lines(
        'import pandas as pd',
        'df = pd.read_csv("btc.csv")',
        'df["y"] = (df["close"].shift(-5) > df["close"]).astype(int)',
        'X = df[["rsi", "atr"]]',
        'model.fit(X, df["y"])',
        'pred = model.predict(X)',
      );
      assert.deepEqual(summary(label), []);
      const feature = label.replace('df[["rsi", "atr"]]', 'df[["rsi", "atr", "y"]]');
      assert.deepEqual(summary(feature), ['SL201 3:12']);
    });

    it('feature lists built from f-string patterns and names select exactly those columns', () => {
      const text = lines(
        'import pandas as pd',
        'df = pd.read_csv("btc.csv")',
        'for i in range(1, 6):',
        '    df[f"ret_lag_{i}"] = df["close"].pct_change().shift(i)',
        'df["vol_5"] = df["close"].pct_change().rolling(5).std()',
        'FEATURES = [f"ret_lag_{i}" for i in range(1, 6)] + ["vol_5"]',
        'df["fwd_return"] = df["close"].pct_change().shift(-1)',
        'data = df.dropna(subset=FEATURES + ["fwd_return"]).copy()',
        'data[FEATURES] = scaler.fit_transform(data[FEATURES])',
        'model.fit(data[FEATURES], data["fwd_return"])',
      );
      assert.deepEqual(summary(text), []);
      assert.deepEqual(summary(text.replace('+ ["vol_5"]', '+ ["vol_5", "fwd_return"]')), ['SL201 7:20']);
    });

    it('code under a live / dry-run runmode guard is skipped; the same code unguarded leaks', () => {
      const guarded = freqtrade(['dataframe["x"] = dataframe["close"]', 'if self.dp.runmode.value in ("live", "dry_run"):', '    dataframe["x"] = dataframe["close"].shift(-1)'], [ENTER]);
      assert.deepEqual(summary(guarded), []);
      const backtest = freqtrade(['dataframe["x"] = dataframe["close"]', 'if self.dp.runmode.value in ("backtest", "hyperopt"):', '    dataframe["x"] = dataframe["close"].shift(-1)'], [ENTER]);
      assert.deepEqual(summary(backtest), ['SL201 8:30']);
    });
  });

  describe('SL218 same-bar return', () => {
    const head = [
      'import numpy as np',
      'import pandas as pd',
      'df = pd.read_csv("btc.csv")',
      'returns = df["close"].pct_change()',
      'position = np.where(df["close"] > df["close"].rolling(50).mean(), 1, 0)',
    ];
    it('position * returns is flagged at the position', () => {
      assert.deepEqual(summary(lines(...head, 'strategy = position * returns')), ['SL218 6:12']);
    });
    it('position.shift(1) * returns is clean', () => {
      const text = lines(...head.slice(0, 4), 'position = pd.Series(np.where(df["close"] > df["close"].rolling(50).mean(), 1, 0))', 'strategy = position.shift(1) * returns');
      assert.deepEqual(summary(text), []);
    });
    it('position * returns.shift(-1) is clean (the next bar\'s return is what the position earns)', () => {
      assert.deepEqual(summary(lines(...head, 'strategy = position * returns.shift(-1)')), []);
    });
  });

  describe('SL216 higher-timeframe merge', () => {
    const informative = ['informative = self.dp.get_pair_dataframe(pair="BTC/USDT", timeframe="1h")', 'informative["ema_1h"] = informative["close"].ewm(span=20).mean()'];
    const entry = ['dataframe.loc[dataframe["close"] > dataframe["ema_1h"], "enter_long"] = 1'];
    it('get_pair_dataframe merged with dataframe.merge and traded on is flagged', () => {
      const text = freqtrade([...informative, 'dataframe = dataframe.merge(informative[["date", "ema_1h"]], on="date", how="left")'], entry);
      assert.deepEqual(summary(text).map((s) => s.split(' ')[0]), ['SL216']);
    });
    it('merge_informative_pair (which shifts by one informative candle) is clean', () => {
      const text = freqtrade([...informative.slice(0, 1), 'informative["ema"] = informative["close"].ewm(span=20).mean()', 'dataframe = merge_informative_pair(dataframe, informative, self.timeframe, "1h", ffill=True)'], entry);
      assert.deepEqual(summary(text), []);
    });
    it('dataframe.merge after shifting the informative frame by one candle is clean', () => {
      const text = freqtrade([...informative, 'informative = informative.shift(1)', 'dataframe = dataframe.merge(informative[["date", "ema_1h"]], on="date", how="left")'], entry);
      assert.deepEqual(summary(text), []);
    });
  });

  describe('SL215 library indicator', () => {
    const ichimoku = ['ichi = ichimoku(dataframe)', 'dataframe["tenkan"] = ichi["tenkan_sen"]', 'dataframe["chikou"] = ichi["chikou_span"]'];
    const header = ['from technical.indicators import ichimoku'];
    it('ichimoku chikou_span in an entry condition is flagged with the displacement as its lead', () => {
      const text = freqtrade(ichimoku, ['dataframe.loc[dataframe["chikou"] > dataframe["close"], "enter_long"] = 1'], header);
      const found = leaks(text);
      assert.deepEqual(found.map((l) => l.source.code), ['SL215']);
      assert.equal(found[0].source.lead, 26);
    });
    it('tenkan_sen only is clean', () => {
      const text = freqtrade(ichimoku, ['dataframe.loc[dataframe["tenkan"] > dataframe["close"], "enter_long"] = 1'], header);
      assert.deepEqual(summary(text), []);
    });
  });
});
