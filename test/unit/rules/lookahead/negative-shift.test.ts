import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { at, findings, lines } from './helpers';

const RULE = 'lookahead-negative-shift';

describe('lookahead-negative-shift', () => {
  before(() => initPythonParser());

  it('flags shift(-n) in every spelling, not shift(n)', () => {
    const text = lines(
      'a = df["close"].shift(-1)',
      'b = df["close"].shift(periods=-2)',
      'c = df["close"].shift(**{"periods": -1})',
      'd = df["close"].shift(-horizon)',
      'e = df["close"].pct_change(-5)',
      'f = np.roll(closes, -1)',
      'g = df["close"].shift(1)',
      'h = df["close"].shift(0)',
      'i = df["close"].diff()',
      'j = np.roll(closes, 1)',
    );
    assert.deepEqual(at(findings(text, RULE)), ['1:5', '2:5', '3:5', '4:5', '5:5', '6:5']);
  });

  it('accepts label-named targets that are never traded on', () => {
    const text = lines(
      'df["target"] = df["close"].shift(-1) / df["close"] - 1',
      'y = (df["close"].shift(-5) > df["close"]).astype(int)',
      'df["future_return"] = df["close"].pct_change(-3)',
      'X = df[["rsi", "atr"]]',
      'model.fit(X, y)',
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('reports a label once it feeds a signal, with the place it leaks into', () => {
    const text = lines(
      'df["target"] = df["close"].shift(-1)',
      'entries = df["target"] > df["close"]',
    );
    const found = findings(text, RULE);
    assert.deepEqual(at(found), ['1:16']);
    assert.match(found[0].message, /feeds `entries`/);
    assert.equal(found[0].related?.[0].range.start.line, 1);
  });

  it('reports a label used in a freqtrade entry condition (inside the .loc target)', () => {
    const text = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe["label"] = dataframe["close"].shift(-1)',
      '        return dataframe',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["label"] > dataframe["close"], "enter_long"] = 1',
      '        return dataframe',
    );
    assert.deepEqual(at(findings(text, RULE)), ['4:30']);
  });

  it('treats FreqAI targets as labels even though populate_entry_trend reads the prediction', () => {
    const text = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def set_freqai_targets(self, dataframe, metadata, **kwargs):',
      '        dataframe["&-s_close"] = dataframe["close"].shift(-24) / dataframe["close"] - 1',
      '        return dataframe',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["&-s_close"] > 0.01, "enter_long"] = 1',
      '        return dataframe',
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('flags the vectorbt oracle: entries from next-bar returns', () => {
    const found = findings(lines('returns = price.pct_change()', 'entries = returns.shift(-1) > 0'), RULE);
    assert.deepEqual(at(found), ['2:11']);
    assert.match(found[0].message, /into `entries`/);
  });

  it('does not count a label popped out of the feature frame as a feature', () => {
    const text = lines(
      'df["target"] = df["close"].shift(-1)',
      'features = df[["rsi", "target"]].dropna()',
      'y = features.pop("target")',
    );
    assert.deepEqual(findings(text, RULE), []);
    const leaked = lines('df["target"] = df["close"].shift(-1)', 'features = df[["rsi", "target"]].dropna()');
    assert.deepEqual(at(findings(leaked, RULE)), ['1:16']);
  });
});
