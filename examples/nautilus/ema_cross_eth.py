"""EMA cross with an ATR stop on 15-minute ETHUSDT bars, backtested with nautilus_trader.

The parameters in EmaCrossAtrConfig were picked by hand from a dozen runs on the same two
months; the engine's position and account reports are saved under reports/.
"""
# strategy-lint: results=reports/positions.csv, reports/account.csv
from decimal import Decimal

from nautilus_trader.backtest.engine import BacktestEngine
from nautilus_trader.config import PositiveFloat, PositiveInt, StrategyConfig
from nautilus_trader.indicators import AverageTrueRange, ExponentialMovingAverage
from nautilus_trader.model.data import Bar, BarType
from nautilus_trader.model.enums import OrderSide
from nautilus_trader.model.identifiers import InstrumentId
from nautilus_trader.trading.strategy import Strategy


class EmaCrossAtrConfig(StrategyConfig, frozen=True):
    instrument_id: InstrumentId
    bar_type: BarType
    trade_size: Decimal
    fast_ema_period: PositiveInt = 12
    slow_ema_period: PositiveInt = 48
    atr_period: PositiveInt = 14
    atr_stop: PositiveFloat = 2.5


class EmaCrossAtr(Strategy):
    def __init__(self, config: EmaCrossAtrConfig) -> None:
        super().__init__(config)
        self.fast_ema = ExponentialMovingAverage(config.fast_ema_period)
        self.slow_ema = ExponentialMovingAverage(config.slow_ema_period)
        self.atr = AverageTrueRange(config.atr_period)
        self.stop_price: float | None = None

    def on_start(self) -> None:
        self.instrument = self.cache.instrument(self.config.instrument_id)
        for indicator in (self.fast_ema, self.slow_ema, self.atr):
            self.register_indicator_for_bars(self.config.bar_type, indicator)
        self.subscribe_bars(self.config.bar_type)

    def on_bar(self, bar: Bar) -> None:
        if not self.indicators_initialized():
            return
        close = float(bar.close)
        if self.portfolio.is_flat(self.config.instrument_id):
            if self.fast_ema.value > self.slow_ema.value:
                self.stop_price = close - self.config.atr_stop * self.atr.value
                self.submit(OrderSide.BUY)
        elif close < (self.stop_price or 0.0) or self.fast_ema.value < self.slow_ema.value:
            self.close_all_positions(self.config.instrument_id)

    def submit(self, side: OrderSide) -> None:
        order = self.order_factory.market(
            instrument_id=self.config.instrument_id,
            order_side=side,
            quantity=self.instrument.make_qty(self.config.trade_size),
        )
        self.submit_order(order)


def save_reports(engine: BacktestEngine, venue) -> None:
    engine.trader.generate_positions_report().to_csv("reports/positions.csv")
    engine.trader.generate_account_report(venue).to_csv("reports/account.csv")
