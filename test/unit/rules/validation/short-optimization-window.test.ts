import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { lint, linesOf, py } from '../parameters/lint-snippet';

describe('short-optimization-window', () => {
  before(() => initPythonParser());

  const lean = (start: string, end: string, withParameter = true) =>
    py(
      'from AlgorithmImports import *',
      'class A(QCAlgorithm):',
      '    def initialize(self):',
      `        self.set_start_date(${start})`,
      `        self.set_end_date(${end})`,
      withParameter ? '        self.n = self.get_parameter("n", 20)' : '        self.n = 20',
    );

  it('reports LEAN windows under a year with optimiser parameters', () => {
    const found = lint(lean('2024, 1, 1', '2024, 5, 31'), 'short-optimization-window');
    assert.deepEqual(linesOf(found), [4]);
    assert.match(found[0].message, /1 parameter \(n\) over 2024-01-01 to 2024-05-31, about 5 months/);
    assert.equal(lint(lean('datetime(2023, 6, 1)', 'datetime(2024, 1, 31)'), 'SL304').length, 1);
  });

  it('is quiet for long windows, untuned algorithms, open-ended or computed dates', () => {
    assert.deepEqual(lint(lean('2015, 1, 1', '2023, 12, 31'), 'SL304'), []);
    assert.deepEqual(lint(lean('2024, 1, 1', '2024, 5, 31', false), 'SL304'), []);
    assert.deepEqual(lint(lean('START', 'END'), 'SL304'), []);
    assert.deepEqual(lint(lean('2024, 1, 1', '2024, 5, 31').replace(/.*set_end_date.*\n/, ''), 'SL304'), []);
  });

  it('a regression or demo algorithm with numbers in its conditions optimises nothing', () => {
    // Measured on QuantConnect's own Python algorithms: 29 of 30 findings were demos whose
    // hand-typed thresholds were taken for optimised parameters.
    const demo = py(
      'from AlgorithmImports import *',
      'class Demo(QCAlgorithm):',
      '    def initialize(self):',
      '        self.set_start_date(2013, 10, 7)',
      '        self.set_end_date(2013, 10, 11)',
      '        self.spy = self.add_equity("SPY").symbol',
      '    def on_data(self, data):',
      '        if self.time.day > 2 and self.portfolio.cash > 3:',
      '            self.set_holdings(self.spy, 1)',
    );
    assert.deepEqual(lint(demo, 'SL304'), []);
    const exposed = demo.replace('        self.spy = self.add_equity("SPY").symbol', '        self.spy = self.add_equity("SPY").symbol\n        self.fast = int(self.get_parameter("ema-fast", 10))');
    assert.equal(lint(exposed, 'SL304').length, 1);
  });

  it('reports a backtrader optstrategy over a short feed', () => {
    const text = py(
      'import datetime',
      'import backtrader as bt',
      'class S(bt.Strategy):',
      '    params = (("p", 10),)',
      'cerebro = bt.Cerebro()',
      'cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname="x.csv", fromdate=datetime.datetime(2022, 1, 1), todate=datetime.datetime(2022, 9, 30)))',
      'cerebro.optstrategy(S, p=range(5, 50))',
    );
    assert.deepEqual(linesOf(lint(text, 'SL304')), [6]);
    assert.deepEqual(lint(text.replace('cerebro.optstrategy(S, p=range(5, 50))', 'cerebro.addstrategy(S)'), 'SL304'), []);
  });

  it('honours min-years', () => {
    const text = lean('2020, 1, 1', '2021, 6, 30');
    assert.deepEqual(lint(text, 'SL304'), []);
    assert.equal(lint(text, 'SL304', { options: { 'short-optimization-window': { 'min-years': 2 } } }).length, 1);
  });
});
