# kind: clean
# framework: lean
# why: a breakout over the previous 20 completed bars kept in a RollingWindow, acting only when the window is full
from AlgorithmImports import *


class RollingBreakoutAlgorithm(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2016, 1, 1)
        self.set_end_date(2023, 12, 31)
        self.set_cash(100_000)
        self.symbol = self.add_equity("GLD", Resolution.DAILY).symbol
        self.window = RollingWindow[TradeBar](21)
        self.atr_ind = self.atr(self.symbol, 14, MovingAverageType.SIMPLE, Resolution.DAILY)
        self.set_warm_up(30, Resolution.DAILY)
        self.stop_price = None

    def on_data(self, data: Slice):
        bar = data.bars.get(self.symbol)
        if bar is None:
            return
        self.window.add(bar)
        if self.is_warming_up or not self.window.is_ready or not self.atr_ind.is_ready:
            return
        prior_high = max(self.window[i].high for i in range(1, self.window.count))
        prior_low = min(self.window[i].low for i in range(1, 11))
        holding = self.portfolio[self.symbol]
        if not holding.invested and bar.close > prior_high:
            self.set_holdings(self.symbol, 0.9)
            self.stop_price = bar.close - 2 * self.atr_ind.current.value
        elif holding.invested and (bar.close < prior_low or bar.close < self.stop_price):
            self.liquidate(self.symbol)
            self.stop_price = None
