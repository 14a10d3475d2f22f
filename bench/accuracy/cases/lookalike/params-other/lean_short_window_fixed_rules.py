# kind: lookalike
# framework: lean
# why: a three-month backtest, but nothing is optimised: the rule uses textbook constants, no get_parameter
from AlgorithmImports import *


class QuarterSmokeTest(QCAlgorithm):
    """Smoke test of the order plumbing on a recent quarter before paper trading."""

    def initialize(self):
        self.set_start_date(2024, 7, 1)
        self.set_end_date(2024, 9, 30)
        self.set_cash(25_000)
        self.symbol = self.add_equity("QQQ", Resolution.HOUR).symbol
        self.rsi_indicator = self.rsi(self.symbol, 14, MovingAverageType.WILDERS, Resolution.HOUR)
        self.set_warm_up(timedelta(days=10))

    def on_data(self, data: Slice):
        if self.is_warming_up or not self.rsi_indicator.is_ready:
            return
        value = self.rsi_indicator.current.value
        holding = self.portfolio[self.symbol]
        if value < 30 and not holding.invested:
            self.set_holdings(self.symbol, 0.5)
        elif value > 70 and holding.invested:
            self.liquidate(self.symbol)

    def on_order_event(self, order_event: OrderEvent):
        if order_event.status == OrderStatus.FILLED:
            self.debug(f"{self.time} filled {order_event.symbol} {order_event.fill_quantity} @ {order_event.fill_price}")
