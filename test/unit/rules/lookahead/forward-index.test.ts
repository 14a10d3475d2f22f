import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { at, findings, lines } from './helpers';

const RULE = 'lookahead-forward-index';
const LOAD = ['import pandas as pd', 'df = pd.read_csv("btc.csv")', 'closes = df["close"].values'];

describe('lookahead-forward-index', () => {
  before(() => initPythonParser());

  it('i + 1 is the future, i - 1 the past, -(i + 1) a backwards offset: in a bar loop feeding a signal column', () => {
    const text = lines(
      ...LOAD,
      'signals = []',
      'for i in range(len(closes) - 1):',
      '    a = closes[i + 1]',
      '    b = closes[i - 1]',
      '    c = closes[-(i + 1)]',
      '    d = df["close"].iloc[1 + i]',
      '    e = df.iloc[i + 1, 0]',
      '    f = closes[i]',
      '    signals.append(a > f or b > f or c > f or d > f or e > f)',
      'df["signal"] = signals',
    );
    const found = findings(text, RULE);
    assert.deepEqual(at(found), ['6:9', '9:9', '10:9']);
    assert.match(found[0].message, /reaches the decision column `signal`/);
  });

  it('the same forward reads are silent when nothing trades on them', () => {
    const text = lines(...LOAD, 'for i in range(len(closes) - 1):', '    a = closes[i + 1]', '    print(a - closes[i])', '    df.loc[i, "next"] = a');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('writes ahead are not reads', () => {
    const text = lines(...LOAD, 'out = closes.copy()', 'for i in range(len(closes) - 1):', '    out[i + 1] = out[i] * 2', '    out[i + 1] += 1', 'df["signal"] = out > 0');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('a slice stop of i + 1 includes the current bar; i + 2 and beyond, and open-ended slices, are ahead', () => {
    const text = lines(
      ...LOAD,
      'n = len(closes)',
      'position = 0',
      'for i in range(20, n):',
      '    a = closes[i - 20:i + 1]',
      '    b = closes[i:i + 3]',
      '    c = closes[i + 1:]',
      '    d = closes[:i + 1]',
      '    if a.mean() > b.mean():',
      '        position = 1',
      '    if c.max() > d.max():',
      '        position = -1',
    );
    assert.deepEqual(at(findings(text, RULE)), ['8:9', '9:9']);
  });

  it('a bar loop inside a method placing orders under the condition', () => {
    const text = lines(
      'import pandas as pd',
      'class Bot:',
      '    def run(self):',
      '        df = pd.read_csv("btc.csv")',
      '        closes = df["close"]',
      '        for i in range(len(closes) - 1):',
      '            if closes[i + 1] > closes[i]:',
      '                self.buy()',
      '            if closes[i] > closes[i - 1]:',
      '                self.sell()',
    );
    const found = findings(text, RULE);
    assert.deepEqual(at(found), ['7:16']);
    assert.match(found[0].message, /reaches the order `self\.buy\(\)`/);
  });

  it('a helper called per bar with the data and the index carries its forward read to the caller', () => {
    const text = lines(
      ...LOAD,
      'def on_bar(history, i):',
      '    upcoming = history[i + 1]',
      '    return upcoming > history[i]',
      'signals = []',
      'for i in range(len(df) - 1):',
      '    signals.append(on_bar(df["close"], i))',
      'df["signal"] = signals',
    );
    assert.deepEqual(at(findings(text, RULE)), ['5:16']);
  });

  it('open-ended slices and forward reads in a per-bar callback called through an instance; tail windows are not', () => {
    const text = lines(
      'import pandas as pd',
      'class Bot:',
      '    def on_bar(self, history, i):',
      '        rest = history[i:]',
      '        tail = history[-20:]',
      '        upcoming = history[i + 1]',
      '        prev = history[i - 1]',
      '        if rest.max() > tail.max():',
      '            self.buy()',
      '        if upcoming > prev:',
      '            self.sell()',
      'df = pd.read_csv("btc.csv")',
      'bot = Bot()',
      'for i in range(len(df) - 1):',
      '    bot.on_bar(df["close"], i)',
    );
    assert.deepEqual(at(findings(text, RULE)), ['4:16', '6:20']);
  });

  it('outside a bar loop an index arithmetic is not a bar offset, even when traded on', () => {
    const text = lines(
      ...LOAD,
      'split = int(len(df) * 0.7)',
      'first_test = df.iloc[split + 1]',
      'nxt = df.iloc[idx + 1]',
      'k_ahead = closes[k + 2]',
      'test = df.iloc[split + 1:]',
      'entries = (df["close"] > first_test["close"]) | (df["close"] > nxt["close"]) | (df["close"] > k_ahead)',
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('forward reads stored as labels are fine until traded on', () => {
    const ok = lines(
      ...LOAD,
      'labels = []',
      'for i in range(len(closes) - 5):',
      '    labels.append(closes[i + 5] > closes[i])',
      'model.fit(df[["rsi", "atr"]].iloc[:len(labels)], labels)',
    );
    assert.deepEqual(findings(ok, RULE), []);
    const traded = lines(
      ...LOAD,
      'labels = []',
      'for i in range(len(closes) - 5):',
      '    labels.append(closes[i + 5] > closes[i])',
      'df["signal"] = pd.Series(labels)',
    );
    assert.deepEqual(at(findings(traded, RULE)), ['6:19']);
  });
});
