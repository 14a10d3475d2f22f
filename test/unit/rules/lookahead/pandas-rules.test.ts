import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { applyEdits } from '../../../../server/src/engine/fixes/apply';
import { LineIndex } from '../../../../server/src/engine/text';
import { at, findings, lines } from './helpers';

function fixed(text: string, rule: string): string {
  const list = findings(text, rule);
  return applyEdits(text, new LineIndex(text), list.flatMap((f) => f.fix?.edits ?? []));
}

describe('lookahead rules on pandas code', () => {
  before(() => initPythonParser());

  it('centred windows: center=True reaching vectorbt entries, with an unsafe fix to center=False', () => {
    const text = lines(
      'import vectorbt as vbt',
      'close = df["close"]',
      'smooth = close.rolling(20, center=True).mean()',
      'trail = close.rolling(20, center=False).mean()',
      'plain = close.rolling(20).mean()',
      'entries = (close > smooth) | (close > trail) | (close > plain)',
      'exits = close < plain',
      'pf = vbt.Portfolio.from_signals(close, entries, exits)',
    );
    const found = findings(text, 'lookahead-centered-window');
    assert.deepEqual(at(found), ['3:10']);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /reads 10 bar\(s\) ahead; it reaches the decision `entries`/);
    assert.equal(found[0].fix?.safety, 'unsafe');
    assert.equal(fixed(text, 'lookahead-centered-window').split('\n')[2], 'smooth = close.rolling(20, center=False).mean()');
  });

  it('centred windows: compensated by a shift of half the window, silent when only plotted', () => {
    const compensated = lines(
      'close = df["close"]',
      'fixed = close.rolling(20, center=True).mean().shift(10)',
      'half = close.rolling(20, center=True).mean().shift(9)',
      'entries = (close > fixed) | (close > half)',
    );
    assert.deepEqual(at(findings(compensated, 'lookahead-centered-window')), ['3:8']);
    const plotted = lines('import matplotlib.pyplot as plt', 'smooth = df["close"].rolling(20, center=True).mean()', 'plt.plot(smooth)', 'print(smooth.tail())');
    assert.deepEqual(findings(plotted, 'lookahead-centered-window'), []);
  });

  it('full-sample statistics: normalisation on full-history bars reaching a signal; not Sharpe ratios, rolling or train-slice statistics', () => {
    const text = lines(
      'import numpy as np',
      'import pandas as pd',
      'df = pd.read_csv("btc.csv")',
      'df["z"] = (df["close"] - df["close"].mean()) / df["close"].std()',
      'sharpe = returns.mean() / returns.std() * np.sqrt(252)',
      'df["zr"] = (df["close"] - df["close"].rolling(50).mean()) / df["close"].rolling(50).std()',
      'df["row"] = df[["a", "b"]].mean(axis=1) > df["c"]',
      'df["g"] = df["x"] - df.groupby("day")["x"].mean()',
      'train = df.iloc[:800]',
      'df["zt"] = (df["close"] - train["close"].mean()) / train["close"].std()',
      'df["signal"] = (df["z"] > 1) | (df["zr"] > 1) | df["row"] | (df["g"] > 0) | (df["zt"] > 1)',
      'print(sharpe)',
    );
    assert.deepEqual(at(findings(text, 'lookahead-full-sample-statistic')), ['4:26']);
  });

  it('full-sample statistics: a threshold from quantile(q) of the whole column reaching entries', () => {
    const text = lines('import pandas as pd', 'df = pd.read_csv("btc.csv")', 'hot = df["volume"] > df["volume"].quantile(0.9)', 'entries = hot & (df["close"] > df["open"])');
    assert.deepEqual(at(findings(text, 'lookahead-full-sample-statistic')), ['3:22']);
  });

  it('full-sample statistics: silent in a plot, as a label y, or in a column nothing trades on', () => {
    const text = lines(
      'import pandas as pd',
      'df = pd.read_csv("btc.csv")',
      'df["z"] = (df["close"] - df["close"].mean()) / df["close"].std()',
      'df["z"].plot()',
      'y = (df["z"] > 0).astype(int)',
      'model.fit(df[["rsi"]], y)',
      'demeaned = df["close"] - df["close"].mean()',
    );
    assert.deepEqual(findings(text, 'lookahead-full-sample-statistic'), []);
  });

  it('backfill: bfill/backfill/method="bfill" reaching entries, with unsafe fixes to ffill', () => {
    const text = lines('a = s.bfill()', 'b = s.backfill()', 'c = s.fillna(method="bfill")', 'e = s.ffill()', 'entries = (a > 0) & (b > 0) & (c > 0) & (e > 0)');
    const found = findings(text, 'lookahead-backfill');
    assert.deepEqual(at(found), ['1:5', '2:5', '3:5']);
    assert.ok(found.every((f) => f.fix?.safety === 'unsafe'));
    assert.equal(fixed(text, 'lookahead-backfill'), lines('a = s.ffill()', 'b = s.ffill()', 'c = s.fillna(method="ffill")', 'e = s.ffill()', 'entries = (a > 0) & (b > 0) & (c > 0) & (e > 0)'));
  });

  it('backfill: reindex(method="backfill"/"bfill") reaching entries', () => {
    const text = lines('import pandas as pd', 's = pd.read_csv("x.csv")["close"]', "d = s.reindex(idx, method='backfill')", 'e = s.reindex(idx, method="bfill")', 'entries = (d > 0) & (e > 0)');
    assert.deepEqual(at(findings(text, 'lookahead-backfill')), ['3:5', '4:5']);
  });

  it('backfill: silent when the filled series is only logged, or used in live-only code', () => {
    const logged = lines('a = s.bfill()', 'logger.info(a.tail())', 'entries = s > 0');
    assert.deepEqual(findings(logged, 'lookahead-backfill'), []);
    const live = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["funding"] = 0.0',
      '        if self.dp.runmode.value in ("live", "dry_run"):',
      '            dataframe["funding"] = dataframe["funding_rate"].bfill()',
      '        return dataframe',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["funding"] < 0, "enter_long"] = 1',
      '        return dataframe',
    );
    assert.deepEqual(findings(live, 'lookahead-backfill'), []);
  });

  it('resample: left labels merged back and traded on are flagged; right labels, period-end rules and lagged results not', () => {
    const text = lines(
      'a = s.resample("1h").last()',
      'b = s.resample("1h", closed="right", label="right").last()',
      'c = s.resample("W").max()',
      'd = s.resample("1h", closed="left", label="right").ohlc()',
      'e = s.resample("1h").last().shift(1)',
      'g = s.resample("15min").mean()',
      'g = g.shift(1)',
      'df = df.join(a.rename("a")).join(b.rename("b")).join(c.rename("c")).join(d).join(e.rename("e")).join(g.rename("g"))',
      'entries = (df["close"] > df["a"]) & (df["close"] > df["b"]) & (df["close"] > df["c"]) & (df["close"] > df["open"]) & (df["close"] > df["e"]) & (df["close"] > df["g"])',
    );
    const found = findings(text, 'lookahead-resample-label');
    assert.deepEqual(at(found), ['1:5']);
    assert.equal(found[0].fix?.safety, 'unsafe');
    assert.equal(fixed(text, 'lookahead-resample-label').split('\n')[0], 'a = s.resample("1h", closed="right", label="right").last()');
  });

  it('resample: a left-labelled frame that is never merged back or traded on is silent', () => {
    const text = lines('hourly = s.resample("1h").last()', 'hourly.plot()', 'print(hourly.describe())');
    assert.deepEqual(findings(text, 'lookahead-resample-label'), []);
  });

  it('merge_asof: forward and nearest reaching a signal are flagged, backward not; fix rewrites the direction', () => {
    const text = lines(
      'import pandas as pd',
      'trades = pd.read_csv("trades.csv")',
      'quotes = pd.read_csv("quotes.csv")',
      'a = pd.merge_asof(trades, quotes, on="t", direction="forward")',
      'b = pd.merge_asof(trades, quotes, on="t", direction="nearest")',
      'c = pd.merge_asof(trades, quotes, on="t")',
      'a["signal"] = a["bid"] > a["price"]',
      'b["signal"] = b["bid"] > b["price"]',
      'c["signal"] = c["bid"] > c["price"]',
    );
    assert.deepEqual(at(findings(text, 'lookahead-merge-asof-forward')), ['4:5', '5:5']);
    const out = fixed(text, 'lookahead-merge-asof-forward').split('\n');
    assert.equal(out[3], 'a = pd.merge_asof(trades, quotes, on="t", direction="backward")');
    assert.equal(out[4], 'b = pd.merge_asof(trades, quotes, on="t", direction="backward")');
  });

  it('merge_asof: a forward match used only to build the label y is silent', () => {
    const text = lines(
      'import pandas as pd',
      'trades = pd.read_csv("trades.csv")',
      'quotes = pd.read_csv("quotes.csv")',
      'a = pd.merge_asof(trades, quotes, on="t", direction="forward")',
      'y = (a["bid"] > a["price"]).astype(int)',
      'model.fit(trades[["size", "spread"]], y)',
    );
    assert.deepEqual(findings(text, 'lookahead-merge-asof-forward'), []);
  });

  it('absolute iloc: the last row of the full-history frame in an entry condition, not in per-bar callbacks', () => {
    const text = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        last = dataframe["close"].iloc[-1]',
      '        prev = dataframe["close"].shift(1)',
      '        dataframe.loc[(dataframe["close"] < last) & (prev > 0), "enter_long"] = 1',
      '        return dataframe',
      '    def custom_stoploss(self, pair, trade, current_time, current_rate, current_profit, **kwargs):',
      '        df, _ = self.dp.get_analyzed_dataframe(pair, self.timeframe)',
      '        return -0.05 if df.iloc[-1]["rsi"] > 70 else -0.1',
    );
    assert.deepEqual(at(findings(text, 'lookahead-absolute-iloc')), ['4:16']);
  });

  it('absolute iloc: silent when the last row is only printed or stored in a column nothing trades on', () => {
    const text = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        last = dataframe["close"].iloc[-1]',
      '        print(last)',
      '        dataframe["dist"] = dataframe["close"] / last',
      '        dataframe.loc[dataframe["rsi"] < 30, "enter_long"] = 1',
      '        return dataframe',
    );
    assert.deepEqual(findings(text, 'lookahead-absolute-iloc'), []);
  });

  it('same-bar return: position * return of the same bar, with an unsafe fix adding .shift(1)', () => {
    const head = ['import numpy as np', 'import pandas as pd', 'df = pd.read_csv("btc.csv")', 'df["ret"] = df["close"].pct_change()', 'df["position"] = np.where(df["close"] > df["close"].rolling(50).mean(), 1, 0)'];
    const text = lines(...head, 'df["strategy"] = df["position"] * df["ret"]');
    const found = findings(text, 'lookahead-same-bar-return');
    assert.deepEqual(at(found), ['6:18']);
    assert.equal(found[0].fix?.safety, 'unsafe');
    assert.equal(fixed(text, 'lookahead-same-bar-return').split('\n')[5], 'df["strategy"] = df["position"].shift(1) * df["ret"]');
    assert.deepEqual(findings(lines(...head, 'df["strategy"] = df["position"].shift(1) * df["ret"]'), 'lookahead-same-bar-return'), []);
    assert.deepEqual(findings(lines(...head, 'df["strategy"] = df["position"] * df["ret"].shift(-1)'), 'lookahead-same-bar-return'), []);
  });
});

describe('lookahead rules for LEAN and attribute names', () => {
  before(() => initPythonParser());

  it('LEAN: indicator reads need IsReady or a warm-up', () => {
    const base = ['from AlgorithmImports import *', 'class A(QCAlgorithm):', '    def Initialize(self):', '        self.sma = self.SMA("SPY", 200)'];
    const bare = lines(...base, '    def OnData(self, data):', '        if self.sma.Current.Value > 0:', '            self.SetHoldings("SPY", 1)');
    assert.deepEqual(at(findings(bare, 'lookahead-indicator-not-ready')), ['6:12']);
    const guarded = lines(...base, '    def OnData(self, data):', '        if not self.sma.IsReady:', '            return', '        if self.sma.Current.Value > 0:', '            self.SetHoldings("SPY", 1)');
    assert.deepEqual(findings(guarded, 'lookahead-indicator-not-ready'), []);
    const warmed = lines(...base, '        self.SetWarmUp(200)', '    def OnData(self, data):', '        if self.sma.Current.Value > 0:', '            self.SetHoldings("SPY", 1)');
    assert.deepEqual(findings(warmed, 'lookahead-indicator-not-ready'), []);
  });

  it('future-named attributes are hints', () => {
    const found = findings(
      lines('if bar.next_open > bar.close:', '    buy(self.future_high > 0)', 'z = ctx.lookahead_window > 1', 'w = bar.next', 'x = bar.next_open'),
      'lookahead-future-named-attribute',
    );
    assert.deepEqual(at(found), ['1:8', '2:14', '3:9']);
    assert.ok(found.every((f) => f.severity === 'hint'));
    // Futures contracts, schedulers and method calls are not values from a later bar.
    const names = lines('if self.future_contract.Price > 0 and self.next_update < now:', '    self.next_rebalance()', 'if self.next_signal() > 0:', '    pass');
    assert.deepEqual(findings(names, 'lookahead-future-named-attribute'), []);
  });
});
