# kind: clean
# framework: lean
# why: a LEAN EMA crossover with set_warm_up, IsReady checks and LEAN's default brokerage fee model
from AlgorithmImports import *


class EmaCrossAlgorithm(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2014, 1, 1)
        self.set_end_date(2023, 12, 31)
        self.set_cash(100_000)
        self.symbol = self.add_equity("SPY", Resolution.DAILY).symbol
        self.fast = self.ema(self.symbol, 50, Resolution.DAILY)
        self.slow = self.ema(self.symbol, 200, Resolution.DAILY)
        self.set_warm_up(200, Resolution.DAILY)
        self.set_benchmark(self.symbol)

    def on_data(self, data: Slice):
        if self.is_warming_up or not self.slow.is_ready:
            return
        if not data.bars.contains_key(self.symbol):
            return
        if self.fast.current.value > self.slow.current.value:
            if not self.portfolio[self.symbol].invested:
                self.set_holdings(self.symbol, 1.0)
        elif self.portfolio[self.symbol].invested:
            self.liquidate(self.symbol)
