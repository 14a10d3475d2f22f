import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { fixed, lint, linesOf, py } from '../parameters/lint-snippet';

describe('zero-trading-costs', () => {
  before(() => initPythonParser());

  it('reports zero commission, fees and slippage across frameworks', () => {
    const text = py(
      'import backtrader as bt',
      'import vectorbt as vbt',
      'cerebro = bt.Cerebro()',
      'cerebro.broker.setcommission(commission=0.0)',
      'cerebro.broker.setcommission(0)',
      'cerebro.broker.set_slippage_perc(perc=0)',
      'pf = vbt.Portfolio.from_signals(close, entries, exits, fees=0, slippage=0.0)',
      'pf2 = vbt.Portfolio.from_signals(close, entries, exits, fees=0.001, fixed_fees=0)',
      'config = {"exchange": {"name": "binance", "fee": 0}}',
      'config["fee"] = 0.0',
      'security.set_fee_model(ConstantFeeModel(0))',
      'cerebro.broker.setcommission(commission=0.001)',
    );
    const found = lint(text, 'zero-trading-costs');
    assert.deepEqual(linesOf(found), [4, 5, 6, 7, 7, 9, 10, 11]);
    assert.equal(found[7].fix, undefined, 'ConstantFeeModel takes currency, no rate fix');
  });

  it('replaces the zero with the realistic-fee / realistic-slippage options', () => {
    const text = py('import vectorbt as vbt', 'pf = vbt.Portfolio.from_signals(close, entries, exits, fees=0, slippage=0)');
    const [fees, slippage] = lint(text, 'SL501');
    assert.match(fixed(text, fees), /fees=0\.001, slippage=0\)/);
    assert.match(fixed(text, slippage), /fees=0, slippage=0\.0005\)/);
    const [custom] = lint(text, 'SL501', { options: { 'zero-trading-costs': { 'realistic-fee': 0.002 } } });
    assert.match(fixed(text, custom), /fees=0\.002/);
  });
});

describe('unmodelled-trading-costs', () => {
  before(() => initPythonParser());

  it('adds fees to vectorbt and commission to backtesting.py runs', () => {
    const text = py(
      'import vectorbt as vbt',
      'from backtesting import Backtest',
      'pf = vbt.Portfolio.from_signals(close, entries, exits)',
      'pf = vbt.Portfolio.from_signals(',
      '    close,',
      '    entries,',
      ')',
      'bt = Backtest(data, SmaCross, cash=10_000)',
      'ok = vbt.Portfolio.from_signals(close, entries, exits, fees=0.001)',
      'skipped = vbt.Portfolio.from_signals(close, entries, exits, **settings)',
    );
    const found = lint(text, 'unmodelled-trading-costs');
    assert.deepEqual(linesOf(found), [3, 4, 8]);
    assert.match(fixed(text, found[0]), /from_signals\(close, entries, exits, fees=0\.001\)/);
    assert.match(fixed(text, found[1]), /    entries, fees=0\.001\n\)/);
    assert.match(fixed(text, found[2]), /Backtest\(data, SmaCross, cash=10_000, commission=0\.001\)/);
  });

  it('adds setcommission before cerebro.run() when the file never sets a commission', () => {
    const text = py('import backtrader as bt', 'from strategies import SmaCross', 'def main():', '    cerebro = bt.Cerebro()', '    cerebro.adddata(data)', '    cerebro.addstrategy(SmaCross)', '    results = cerebro.run()');
    const [finding] = lint(text, 'unmodelled-trading-costs');
    assert.equal(finding.range.start.line, 6);
    assert.match(fixed(text, finding), /    cerebro\.broker\.setcommission\(commission=0\.001\)\n    results = cerebro\.run\(\)/);
    const withCommission = py('import backtrader as bt', 'cerebro = bt.Cerebro()', 'cerebro.broker.setcommission(commission=0.001)', 'cerebro.run()');
    assert.deepEqual(lint(withCommission, 'unmodelled-trading-costs'), []);
    const configured = py('import vectorbt as vbt', 'vbt.settings.portfolio["fees"] = 0.001', 'pf = vbt.Portfolio.from_signals(close, entries, exits)');
    assert.deepEqual(lint(configured, 'unmodelled-trading-costs'), []);
  });

  it('a cerebro run that places no order, or trades live, backtests nothing (backtrader samples)', () => {
    const run = (strategy: string[], extra: string[] = []) =>
      py('import backtrader as bt', ...strategy, 'cerebro = bt.Cerebro()', 'cerebro.adddata(data)', 'cerebro.addstrategy(S)', ...extra, 'cerebro.run()');
    const indicatorsOnly = ['class S(bt.Strategy):', '    def __init__(self):', '        self.sma = bt.ind.SMA(period=20)'];
    assert.deepEqual(lint(run(indicatorsOnly), 'SL502'), [], 'an indicator sample');
    const trades = ['class Base(bt.Strategy):', '    def next(self):', '        if self.data.close[0] > self.data.close[-1]:', '            self.buy()', 'class S(Base):', '    pass'];
    assert.equal(lint(run(trades), 'SL502').length, 1, 'orders placed through a base class of the file');
    assert.deepEqual(lint(run(trades, ['store = bt.stores.IBStore(port=7497)', 'cerebro.setbroker(store.getbroker())']), 'SL502'), [], 'live trading through a store');
    assert.deepEqual(lint(py('import backtrader as bt', 'cerebro = bt.Cerebro()', 'cerebro.adddata(data)', 'cerebro.addstrategy(bt.Strategy)', 'cerebro.run()'), 'SL502'), [], 'the base class places no order');
    const signals = py('import backtrader as bt', 'cerebro = bt.Cerebro()', 'cerebro.adddata(data)', 'cerebro.add_signal(bt.SIGNAL_LONGSHORT, SmaCrossSignal)', 'cerebro.run()');
    assert.equal(lint(signals, 'SL502').length, 1, 'signals trade without a strategy calling buy()');
  });

  it('a zero beside a cost passed by name is not a zero-cost backtest', () => {
    const run = (fee: string) => py('import vectorbt as vbt', 'TAKER_FEE = 0.0004', 'NO_FEE = 0', `pf = vbt.Portfolio.from_signals(close, entries, exits, fees=${fee}, fixed_fees=0)`);
    assert.deepEqual(lint(run('TAKER_FEE'), 'zero-trading-costs'), [], 'a module constant of 0.0004');
    assert.deepEqual(lint(run('fee'), 'zero-trading-costs'), [], 'a name the file does not define (a parameter, an import)');
    assert.deepEqual(linesOf(lint(run('NO_FEE'), 'zero-trading-costs')), [4, 4], 'a module constant of 0 is a zero cost too');
  });
});
