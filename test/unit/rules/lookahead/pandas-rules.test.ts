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

  it('centred windows: center=True only, with an unsafe fix to center=False', () => {
    const text = lines('a = s.rolling(20, center=True).mean()', 'b = s.rolling(20, center=False).mean()', 'c = s.rolling(20).mean()');
    const found = findings(text, 'lookahead-centered-window');
    assert.deepEqual(at(found), ['1:19']);
    assert.equal(found[0].fix?.safety, 'unsafe');
    assert.equal(fixed(text, 'lookahead-centered-window').split('\n')[0], 'a = s.rolling(20, center=False).mean()');
  });

  it('full-sample statistics: normalisation and thresholds, not Sharpe ratios or rolling windows', () => {
    const text = lines(
      'z = (df["close"] - df["close"].mean()) / df["close"].std()',
      'hot = df["volume"] > df["volume"].quantile(0.9)',
      'sharpe = returns.mean() / returns.std() * np.sqrt(252)',
      'zr = (df["close"] - df["close"].rolling(50).mean()) / df["close"].rolling(50).std()',
      'row = df[["a", "b"]].mean(axis=1) > df["c"]',
      'g = df["x"] - df.groupby("day")["x"].mean()',
      'demeaned = returns - returns.mean()',
    );
    assert.deepEqual(at(findings(text, 'lookahead-full-sample-statistic')), ['1:20', '1:42', '2:22', '7:22']);
  });

  it('scalers: fit before a split is flagged, fit on the training part is not', () => {
    const leak = lines('scaler = StandardScaler()', 'Xs = scaler.fit_transform(X)', 'X_train, X_test = train_test_split(Xs, shuffle=False)');
    assert.deepEqual(at(findings(leak, 'lookahead-scaler-fit-on-full-data')), ['2:6']);
    const ok = lines('X_train, X_test = X[:800], X[800:]', 'scaler = StandardScaler().fit(X_train)', 'pca = PCA(3).fit(X[:800])', 'Xt = scaler.transform(X_test)');
    assert.deepEqual(findings(ok, 'lookahead-scaler-fit-on-full-data'), []);
    const noSplit = lines('scaler = StandardScaler()', 'live_features = scaler.fit_transform(X)');
    assert.deepEqual(findings(noSplit, 'lookahead-scaler-fit-on-full-data'), []);
  });

  it('backfill: bfill/backfill/method="bfill" with unsafe fixes to ffill', () => {
    const text = lines('a = s.bfill()', 'b = s.backfill()', 'c = s.fillna(method="bfill")', "d = s.reindex(idx, method='backfill')", 'e = s.ffill()');
    assert.deepEqual(at(findings(text, 'lookahead-backfill')), ['1:5', '2:5', '3:14', '4:20']);
    assert.equal(fixed(text, 'lookahead-backfill'), lines('a = s.ffill()', 'b = s.ffill()', 'c = s.fillna(method="ffill")', "d = s.reindex(idx, method='ffill')", 'e = s.ffill()'));
  });

  it('resample: left labels flagged; right labels, period-end rules and lagged results not', () => {
    const text = lines(
      'a = s.resample("1h").last()',
      'b = s.resample("1h", closed="right", label="right").last()',
      'c = s.resample("W").max()',
      'd = s.resample("1h", closed="left", label="right").ohlc()',
      'e = s.resample("1h").last().shift(1)',
      'f = s.resample("1min").ffill()',
      'g = s.resample("15min").mean()',
      'g = g.shift(1)',
    );
    assert.deepEqual(at(findings(text, 'lookahead-resample-label')), ['1:5']);
    assert.equal(fixed(text, 'lookahead-resample-label').split('\n')[0], 'a = s.resample("1h", closed="right", label="right").last()');
  });

  it('merge_asof: forward and nearest flagged, backward not; fix rewrites the direction', () => {
    const text = lines('a = pd.merge_asof(l, r, on="t", direction="forward")', 'b = pd.merge_asof(l, r, on="t", direction="nearest")', 'c = pd.merge_asof(l, r, on="t")');
    assert.deepEqual(at(findings(text, 'lookahead-merge-asof-forward')), ['1:33', '2:33']);
    assert.match(fixed(text, 'lookahead-merge-asof-forward'), /direction="backward"\)\nb = pd.merge_asof\(l, r, on="t", direction="backward"\)/);
  });

  it('absolute iloc: only in freqtrade populate_* methods', () => {
    const text = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        last = dataframe["close"].iloc[-1]',
      '        prev = dataframe["close"].shift(1)',
      '        return dataframe',
      '    def custom_stoploss(self, pair, trade, current_time, current_rate, current_profit, **kwargs):',
      '        df, _ = self.dp.get_analyzed_dataframe(pair, self.timeframe)',
      '        return -0.05 if df.iloc[-1]["rsi"] > 70 else -0.1',
    );
    assert.deepEqual(at(findings(text, 'lookahead-absolute-iloc')), ['4:16']);
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
    const found = findings(lines('x = bar.next_open', 'y = self.future_high', 'z = ctx.lookahead_window', 'w = bar.next'), 'lookahead-future-named-attribute');
    assert.deepEqual(at(found), ['1:9', '2:10', '3:9']);
    assert.ok(found.every((f) => f.severity === 'hint'));
  });
});
