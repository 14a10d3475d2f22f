import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { facts, lint, py } from './lint-snippet';

const ALGO = [
  'from zipline.api import order_target, record, symbol, set_commission, set_slippage',
  'from zipline.finance import commission, slippage',
  'def initialize(context):',
  '    context.asset = symbol("AAPL")',
  '    context.fast = 20',
  '    context.entry_z = 1.5',
  '    context.i = 0',
  'def handle_data(context, data):',
  '    context.i += 1',
  '    fast = data.history(context.asset, "price", 20, "1d").mean()',
  '    slow = data.history(context.asset, "price", bar_count=100, frequency="1d").mean()',
  '    if fast > slow:',
  '        order_target(context.asset, 100)',
];

describe('zipline algorithms', () => {
  before(() => initPythonParser());

  it('is an algorithm with context parameters (counters excluded) and hand-typed history windows', () => {
    const f = facts(py(...ALGO));
    assert.deepEqual(f.strategies.map((s) => [s.name, s.framework]), [['The algorithm', 'zipline']]);
    assert.deepEqual(f.parameters.map((p) => `${p.kind}:${p.name}`), ['declared:fast', 'declared:entry_z', 'hidden:bar_count=20', 'hidden:bar_count=100']);
  });

  it('reports zero-cost commission and slippage models, also inside keyword arguments', () => {
    const text = py(...ALGO, 'def before_trading_start(context, data):', '    set_commission(us_equities=commission.PerShare(cost=0, min_trade_cost=0))', '    set_slippage(slippage.NoSlippage())');
    const messages = lint(text, 'zero-trading-costs').map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /PerShare\(cost=0\)/);
    assert.match(messages[1], /NoSlippage\(\)/);
    assert.equal(lint(py(...ALGO, '    set_commission(commission.PerShare(cost=0.005))'), 'zero-trading-costs').length, 0);
  });

  it('follows a whole-sample statistic of a module-level frame into a scheduled function\'s order', () => {
    const text = py(
      'import pandas as pd',
      'from zipline.api import order_target_percent, schedule_function, date_rules',
      'SIGNAL = pd.read_csv("signal.csv", index_col=0, parse_dates=True)',
      'Z = (SIGNAL - SIGNAL.mean()) / SIGNAL.std()',
      'def initialize(context):',
      '    schedule_function(rebalance, date_rules.month_start())',
      'def rebalance(context, data):',
      '    z = Z.loc[:data.current_session].iloc[-1]',
      '    for name in z.index:',
      '        order_target_percent(context.assets[name], 0.1 if z[name] > 1 else 0.0)',
    );
    const found = lint(text, 'lookahead-full-sample-statistic');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
  });

  it('reads data.history windows in callbacks as trailing', () => {
    assert.equal(lint(py(...ALGO), 'lookahead-full-sample-statistic').length, 0);
  });
});
