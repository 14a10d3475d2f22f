import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { at, findings, lines } from './helpers';

const HEADER = ['import backtrader as bt', 'class S(bt.Strategy):', '    def __init__(self):', '        self.sma = bt.ind.SMA(self.data.close, period=20)', '        self.daily = bt.ind.SMA(self.data1, period=5)', '        self.c = self.datas[0].close'];

describe('backtrader lookahead rules', () => {
  before(() => initPythonParser());

  it('[1] is the future, [0] is now, [-1] the past', () => {
    const text = lines(
      ...HEADER,
      '    def next(self):',
      '        a = self.data.close[1]',
      '        b = self.data.close[0]',
      '        c = self.data.close[-1]',
      '        d = self.sma[2]',
      '        e = self.c[1] + self.c[-2]',
      '        f = self.datas[0][1]',
    );
    assert.deepEqual(at(findings(text, 'lookahead-future-line-index')), ['8:13', '11:13', '12:13', '13:13']);
  });

  it('self.datas[1] is the second feed (a list index), not a line read', () => {
    const text = lines(...HEADER, '    def next(self):', '        feed = self.datas[1]', '        n = len(self.datas[2])');
    assert.deepEqual(findings(text, 'lookahead-future-line-index'), []);
  });

  it('positive ago in get() reads ahead; negative does not', () => {
    const text = lines(...HEADER, '    def next(self):', '        a = self.data.close.get(ago=1, size=5)', '        b = self.data.close.get(ago=-1, size=5)', '        c = self.data.close.get(size=5)');
    assert.deepEqual(at(findings(text, 'lookahead-future-line-index')), ['8:13']);
  });

  it('only flags classes that are backtrader strategies or indicators', () => {
    const text = lines('class Buffer:', '    def next(self):', '        return self.data.close[1]');
    assert.deepEqual(findings(text, 'lookahead-future-line-index'), []);
  });

  it('in next_open only open[0] is known; indicators still hold the previous bar', () => {
    const text = lines(...HEADER, '    def next_open(self):', '        a = self.data.open[0]', '        b = self.data.close[0]', '        c = self.data.high[0]', '        d = self.sma[0]');
    assert.deepEqual(at(findings(text, 'lookahead-future-line-index')), ['9:13', '10:13']);
  });

  it('orders decided on high[0]/low[0] are info prompts; close[0] decisions are not', () => {
    const text = lines(
      ...HEADER,
      '    def next(self):',
      '        if self.data.high[0] > self.sma[-1]:',
      '            self.buy()',
      '        if self.data.close[0] > self.sma[0]:',
      '            self.buy()',
      '        if self.data.high[-1] > self.sma[-1]:',
      '            self.sell()',
    );
    const found = findings(text, 'lookahead-current-bar-order');
    assert.deepEqual(at(found), ['8:12']);
    assert.equal(found[0].severity, 'info');
  });

  it('limit prices from the current bar are flagged, from the previous bar they are not', () => {
    const text = lines(
      ...HEADER,
      '    def next(self):',
      '        self.buy(exectype=bt.Order.Limit, price=self.data.close[0] * 0.99)',
      '        self.buy(exectype=bt.Order.Limit, price=self.data.close[-1] * 0.99)',
    );
    assert.deepEqual(at(findings(text, 'lookahead-current-bar-order')), ['8:43']);
  });

  it('secondary feeds at [0] are flagged when they decide an order, at [-1] and the first feed are not', () => {
    const body = [
      '    def next(self):',
      '        if self.data1.close[0] > self.datas[1].close[-1] and self.daily[0] > 0:',
      '            self.buy(size=self.datas[1].close[0])',
      '        if self.data1.close[-1] > 0 and self.data0.close[0] + self.datas[0].close[0] > 0:',
      '            self.sell()',
      '        print(self.data1.close[0])',
    ];
    // A replayed feed's bar develops during the day; a second file at a coarser timeframe may be
    // stamped at its start. Both are flagged where they decide an order.
    const replayed = lines(...HEADER, ...body, '', 'cerebro.replaydata(feed, timeframe=bt.TimeFrame.Days)');
    assert.deepEqual(at(findings(replayed, 'lookahead-secondary-feed-current-bar')), ['8:12', '8:62', '9:27']);
    const twoFiles = lines(...HEADER, ...body, '', 'cerebro.adddata(intraday)', 'cerebro.adddata(bt.feeds.GenericCSVData(dataname="d.csv", timeframe=bt.TimeFrame.Days))');
    assert.deepEqual(at(findings(twoFiles, 'lookahead-secondary-feed-current-bar')), ['8:12', '8:62', '9:27']);
    // resampledata delivers a bar only once a bar of the next period is seen (backtrader's
    // Filters page): [0] is the last completed bar, the fix this rule recommends.
    const resampled = lines(...HEADER, ...body, '', 'cerebro.adddata(feed)', 'cerebro.resampledata(feed, timeframe=bt.TimeFrame.Days)');
    assert.deepEqual(findings(resampled, 'lookahead-secondary-feed-current-bar'), []);
    // A second symbol on the same timeframe is complete at [0]; so is anything only printed.
    assert.deepEqual(findings(lines(...HEADER, ...body, '', 'cerebro.adddata(other)'), 'lookahead-secondary-feed-current-bar'), []);
  });
});

describe('backtrader current-bar orders: indicators and fill prices', () => {
  before(() => initPythonParser());

  it('ATR/Stochastic/Highest(high) at [0] guarding an order are prompts; delayed high(-1) is not', () => {
    const text = lines(
      'import backtrader as bt',
      'class S(bt.Strategy):',
      '    def __init__(self):',
      '        self.atr = bt.ind.ATR(self.data, period=14)',
      '        self.hh = bt.ind.Highest(self.data.high, period=20)',
      '        self.prior_hh = bt.ind.Highest(self.data.high(-1), period=20)',
      '    def next(self):',
      '        if self.atr[0] > 2:',
      '            self.buy()',
      '        if self.data.close[0] > self.hh[0]:',
      '            self.buy()',
      '        if self.data.close[0] > self.prior_hh[0]:',
      '            self.buy()',
      '            self.entry_price = self.data.close[0]',
      '            self.stop_price = self.data.low[-1]',
    );
    assert.deepEqual(at(findings(text, 'lookahead-current-bar-order')), ['8:12', '10:33', '14:13']);
  });
});
