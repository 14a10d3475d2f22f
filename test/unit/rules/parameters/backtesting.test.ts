import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { facts, lint, py } from './lint-snippet';

const STRATEGY = [
  'from backtesting import Backtest, Strategy',
  'from backtesting.lib import crossover',
  'from backtesting.test import SMA, GOOG',
  'class SmaCross(Strategy):',
  '    n1 = 10',
  '    n2 = 20',
  '    bars_per_day = 1',
  '    last_entry = 0',
  '    def init(self):',
  '        self.a = self.I(SMA, self.data.Close, self.n1)',
  '        self.b = self.I(SMA, self.data.Close, self.n2)',
  '    def next(self):',
  '        if crossover(self.a, self.b):',
  '            self.last_entry = len(self.data)',
  '            self.buy()',
];

describe('backtesting.py parameters', () => {
  before(() => initPythonParser());

  it('counts numeric class attributes, not state the strategy writes or unit constants', () => {
    const f = facts(py(...STRATEGY));
    assert.deepEqual(f.strategies.map((s) => s.framework), ['backtesting']);
    assert.deepEqual(f.parameters.filter((p) => p.kind === 'declared').map((p) => p.name), ['n1', 'n2']);
  });

  it('sizes an optimize grid less what a simple constraint excludes', () => {
    const text = py(...STRATEGY, 'bt = Backtest(GOOG, SmaCross, commission=.002)', 'bt.optimize(n1=range(5, 30, 5), n2=range(10, 70, 5), constraint=lambda p: p.n1 < p.n2)');
    const [finding] = lint(text, 'wide-search-space', { options: { 'wide-search-space': { 'min-combinations': 2 } } });
    assert.match(finding.message, /spans 60 combinations \(n1 5 × n2 12\); the constraint `lambda p: p\.n1 < p\.n2` leaves 50 runs/);
  });

  it('caps the trials by max_tries (count or fraction) and by sambo', () => {
    const count = (call: string) => {
      const [finding] = lint(py(...STRATEGY, 'bt = Backtest(GOOG, SmaCross)', call), 'wide-search-space', { options: { 'wide-search-space': { 'min-combinations': 2 } } });
      return finding.message;
    };
    assert.match(count('bt.optimize(n1=range(5, 30), n2=range(10, 70), max_tries=100)'), /spans 1,500 .*max_tries=100 leaves 100 runs/);
    assert.match(count('bt.optimize(n1=range(5, 30), n2=range(10, 70), max_tries=0.2)'), /max_tries=0\.2 leaves about 300 runs/);
    // sambo reads [lo, hi] as an integer interval and runs 200 evaluations unless told otherwise.
    assert.match(count('bt.optimize(n1=[5, 30], n2=[10, 70], method="sambo")'), /spans 1,586 combinations \(n1 26 × n2 61\); method="sambo" .* leaves 200 runs/);
  });

  it('counts a swept class attribute once in too-many-parameters', () => {
    const text = py(...STRATEGY, 'bt = Backtest(GOOG, SmaCross)', 'bt.optimize(n1=range(5, 30), n2=range(10, 70))');
    assert.equal(lint(text, 'too-many-parameters', { options: { 'too-many-parameters': { 'max-parameters': 1 } } })[0].message.match(/tunes (\d+)/)?.[1], '2');
  });

  it('reports spread=0 and trade_on_close=True on Backtest', () => {
    const text = py(...STRATEGY, 'bt = Backtest(GOOG, SmaCross, commission=0.001, spread=0.0, trade_on_close=True)');
    assert.match(lint(text, 'zero-trading-costs')[0].message, /Slippage is set to zero \(Backtest\(spread=0\.0\)\)/);
    assert.equal(lint(text, 'lookahead-fill-on-signal-bar').length, 1);
    assert.equal(lint(py(...STRATEGY, 'bt = Backtest(GOOG, SmaCross, trade_on_close=False)'), 'lookahead-fill-on-signal-bar').length, 0);
  });
});

describe('backtesting.py lookahead through self.I', () => {
  before(() => initPythonParser());
  const strategy = (init: string[], next: string[], helpers: string[] = []) =>
    py('import numpy as np', 'import pandas as pd', 'from backtesting import Strategy', ...helpers, 'class S(Strategy):', '    def init(self):', ...init.map((l) => `        ${l}`), '    def next(self):', ...next.map((l) => `        ${l}`));

  it('follows a centred window inside a lambda to the order', () => {
    const text = strategy(['self.m = self.I(lambda c: pd.Series(c).rolling(20, center=True).mean(), self.data.Close)'], ['if self.data.Close[-1] > self.m[-1]:', '    self.buy()']);
    assert.equal(lint(text, 'lookahead-centered-window').length, 1);
  });

  it('follows a whole-column z-score in a helper of the file', () => {
    const text = strategy(['self.z = self.I(zscore, self.data.Close)'], ['if self.z[-1] < -2:', '    self.buy()'], ['def zscore(x):', '    s = pd.Series(x)', '    return ((s - s.mean()) / s.std()).values']);
    assert.equal(lint(text, 'lookahead-full-sample-statistic').length, 1);
  });

  it('reads self.data.Close[-1] and trailing windows of indicators in next() as the current bar', () => {
    const text = strategy(
      ['self.atr = self.I(lambda h, l: pd.Series(h - l).rolling(14).mean(), self.data.High, self.data.Low)'],
      ['if self.data.Close[-1] > self.atr[-20:].mean() and self.data.Close[-1] > np.max(self.data.High[-20:-1]):', '    self.buy()'],
    );
    for (const rule of ['lookahead-full-sample-statistic', 'lookahead-absolute-iloc', 'lookahead-forward-index']) assert.equal(lint(text, rule).length, 0, rule);
  });

  it('reports a fractal that needs the next bars, not loops over windows that end at the current bar', () => {
    const text = strategy(
      ['self.w = self.I(lambda h, l: h - l, self.data.High, self.data.Low)', 'self.f = self.I(fractals, self.data.High)'],
      ['lows = self.data.Low[-10:]', 'narrowing = all(self.w[i] > self.w[i + 1] for i in range(-5, -1))', 'rising = all(lows[i] < lows[i + 1] for i in range(len(lows) - 1))', 'if narrowing and rising and self.data.Close[-1] > self.f[-1]:', '    self.buy()'],
      ['def fractals(high):', '    up = np.full(len(high), np.nan)', '    for i in range(2, len(high) - 2):', '        if high[i] > high[i + 1] and high[i] > high[i - 1]:', '            up[i] = high[i]', '    return up'],
    );
    const found = lint(text, 'lookahead-forward-index');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /high\[i \+ 1\]/);
  });

  it('reports a whole-history statistic taken in init()', () => {
    const text = strategy(['self.mean = self.data.Close.mean()'], ['if self.data.Close[-1] < self.mean:', '    self.buy()']);
    assert.equal(lint(text, 'lookahead-full-sample-statistic').length, 1);
  });
});
