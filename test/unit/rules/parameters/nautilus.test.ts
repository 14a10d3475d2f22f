import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { facts, lint, py } from './lint-snippet';

const HEAD = [
  'from decimal import Decimal',
  'from nautilus_trader.config import StrategyConfig',
  'from nautilus_trader.indicators import ExponentialMovingAverage',
  'from nautilus_trader.trading.strategy import Strategy',
  'class CrossConfig(StrategyConfig, frozen=True):',
  '    instrument_id: str',
  '    trade_size: Decimal = Decimal("1")',
  '    fast: int = 10',
  '    slow: int = 30',
  '    band: Decimal = Decimal("0.002")',
  '    use_quotes: bool = False',
  '    precision: int | None = None',
  'class Cross(Strategy):',
  '    def __init__(self, config: CrossConfig) -> None:',
  '        super().__init__(config)',
  '        self.fast = ExponentialMovingAverage(config.fast)',
  '    def on_start(self):',
  '        self.register_indicator_for_bars(self.config.bar_type, self.fast)',
];

describe('nautilus_trader strategies', () => {
  before(() => initPythonParser());

  it('counts the numeric defaults of the StrategyConfig the strategy takes, not sizing, flags or None', () => {
    const f = facts(py(...HEAD, '    def on_bar(self, bar):', '        pass'));
    assert.deepEqual(f.strategies.map((s) => s.framework), ['nautilus']);
    assert.deepEqual(f.parameters.map((p) => `${p.className}.${p.name}=${p.defaultValue}`), ['Cross.fast=10', 'Cross.slow=30', 'Cross.band=0.002']);
  });

  it('reports an indicator read in on_bar before it is initialized, and not once the handler checks', () => {
    const unguarded = py(...HEAD, '    def on_bar(self, bar):', '        if bar.close > self.fast.value:', '            self.buy()');
    assert.equal(lint(unguarded, 'lookahead-indicator-not-ready').length, 1);
    const guarded = py(...HEAD, '    def on_bar(self, bar):', '        if not self.indicators_initialized():', '            return', '        if bar.close > self.fast.value:', '            self.buy()');
    assert.equal(lint(guarded, 'lookahead-indicator-not-ready').length, 0);
    const own = py(...HEAD, '    def on_bar(self, bar):', '        if self.fast.initialized and bar.close > self.fast.value:', '            self.buy()');
    assert.equal(lint(own, 'lookahead-indicator-not-ready').length, 0);
  });

  it('reports zero slippage in FillModel and zero instrument fees', () => {
    const text = py(
      'from decimal import Decimal',
      'from nautilus_trader.backtest.models import FillModel',
      'from nautilus_trader.model.instruments import CurrencyPair',
      'fill_model = FillModel(prob_fill_on_limit=0.3, prob_slippage=0.0)',
      'pair = CurrencyPair(maker_fee=Decimal("0.0002"), taker_fee=Decimal("0"))',
    );
    assert.deepEqual(lint(text, 'zero-trading-costs').map((f) => f.message.slice(0, 40)), ['Slippage is set to zero (FillModel(prob_', 'Commission is set to zero (CurrencyPair(']);
  });
});
