import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { at, findings, lines } from './helpers';

const RULE = 'lookahead-negative-shift';

/** A freqtrade strategy computing `indicators` (lines of populate_indicators) and trading on `entry`. */
function strategy(indicators: string[], entry: string[]): string {
  return lines(
    'import numpy as np',
    'from freqtrade.strategy import IStrategy',
    'class S(IStrategy):',
    '    def populate_indicators(self, dataframe, metadata):',
    ...indicators.map((l) => `        ${l}`),
    '        return dataframe',
    '    def populate_entry_trend(self, dataframe, metadata):',
    ...entry.map((l) => `        ${l}`),
    '        return dataframe',
  );
}

const SPELLINGS = [
  'dataframe["a"] = dataframe["close"].shift(-1)',
  'dataframe["b"] = dataframe["close"].shift(periods=-2)',
  'dataframe["c"] = dataframe["close"].shift(**{"periods": -1})',
  'dataframe["d"] = dataframe["close"].shift(-self.horizon)',
  'dataframe["e"] = dataframe["close"].pct_change(-5)',
  'dataframe["f"] = np.roll(dataframe["close"], -1)',
  'dataframe["g"] = dataframe["close"].shift(1)',
  'dataframe["h"] = dataframe["close"].shift(0)',
  'dataframe["i"] = dataframe["close"].diff()',
  'dataframe["j"] = np.roll(dataframe["close"], 1)',
];
const EVERY_COLUMN = 'abcdefghij'.split('').map((c) => `(dataframe["${c}"] > 0)`).join(' & ');

describe('lookahead-negative-shift', () => {
  before(() => initPythonParser());

  it('flags shift(-n) in every spelling once it reaches enter_long, not shift(n)', () => {
    const text = strategy(SPELLINGS, [`dataframe.loc[${EVERY_COLUMN}, "enter_long"] = 1`]);
    const found = findings(text, RULE);
    assert.deepEqual(at(found), ['5:26', '6:26', '7:26', '8:26', '9:26', '10:26']);
    assert.ok(found.every((f) => f.severity === 'error'));
    assert.match(found[0].message, /reads 1 bar\(s\) ahead; it reaches the signal column `enter_long` \(line 17\)/);
  });

  it('the same negative shifts decide nothing when no signal reads them', () => {
    const unused = strategy(SPELLINGS, ['dataframe.loc[dataframe["rsi"] < 30, "enter_long"] = 1']);
    assert.deepEqual(findings(unused, RULE), []);
    const plotted = strategy(SPELLINGS, [`print(dataframe[${JSON.stringify('abcdef'.split(''))}])`, 'dataframe["a"].plot()', 'dataframe.loc[dataframe["rsi"] < 30, "enter_long"] = 1']);
    assert.deepEqual(findings(plotted, RULE), []);
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

  it('reports a label once it feeds a signal, with the path it took as related information', () => {
    const text = lines('df["target"] = df["close"].shift(-1)', 'entries = df["target"] > df["close"]');
    const found = findings(text, RULE);
    assert.deepEqual(at(found), ['1:16']);
    assert.match(found[0].message, /reaches the decision `entries` \(line 2\)/);
    const related = found[0].related ?? [];
    assert.deepEqual(related.map((r) => r.range.start.line), [0, 1, 1]);
    assert.match(related[0].message, /column `target`/);
    assert.match(related[related.length - 1].message, /reaches the decision `entries`/);
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

  it('a later positive shift that covers the lead compensates; a shorter one does not', () => {
    const covered = strategy(['dataframe["x"] = dataframe["close"].shift(-2).shift(2)'], ['dataframe.loc[dataframe["x"] > dataframe["close"], "enter_long"] = 1']);
    assert.deepEqual(findings(covered, RULE), []);
    const short = strategy(['dataframe["x"] = dataframe["close"].shift(-2).shift(1)'], ['dataframe.loc[dataframe["x"] > dataframe["close"], "enter_long"] = 1']);
    assert.deepEqual(at(findings(short, RULE)), ['5:26']);
  });

  it('live-only code is not part of the backtest', () => {
    const text = strategy(
      ['if self.dp.runmode.value in ("live", "dry_run"):', '    dataframe["peek"] = dataframe["close"].shift(-1)'],
      ['dataframe.loc[dataframe["peek"] > dataframe["close"], "enter_long"] = 1'],
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('a path through code the analysis cannot see is a warning', () => {
    const text = strategy(['dataframe["x"] = helper_from_elsewhere(dataframe["close"].shift(-4))'], ['dataframe.loc[dataframe["x"] > 0, "enter_long"] = 1']);
    const found = findings(text, RULE);
    assert.deepEqual(at(found), ['5:48']);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /through code the analysis cannot follow/);
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

  it('a FreqAI % feature built from the future is a leak', () => {
    const text = lines(
      'from freqtrade.strategy import IStrategy',
      'class S(IStrategy):',
      '    def feature_engineering_standard(self, dataframe, metadata, **kwargs):',
      '        dataframe["%-next_close"] = dataframe["close"].shift(-1)',
      '        dataframe["%-prev_close"] = dataframe["close"].shift(1)',
      '        return dataframe',
    );
    assert.deepEqual(at(findings(text, RULE)), ['4:37']);
  });

  it('flags the vectorbt oracle: entries from next-bar returns', () => {
    const found = findings(lines('returns = price.pct_change()', 'entries = returns.shift(-1) > 0'), RULE);
    assert.deepEqual(at(found), ['2:11']);
    assert.match(found[0].message, /reaches the decision `entries`/);
  });

  it('does not count a label popped out of the feature frame as a feature', () => {
    const text = lines(
      'df["target"] = df["close"].shift(-1)',
      'features = df[["rsi", "target"]].dropna()',
      'y = features.pop("target")',
      'model.fit(features, y)',
    );
    assert.deepEqual(findings(text, RULE), []);
    const leaked = lines('df["target"] = df["close"].shift(-1)', 'features = df[["rsi", "target"]].dropna()', 'model.fit(features, df["y"])');
    assert.deepEqual(at(findings(leaked, RULE)), ['1:16']);
  });
});
