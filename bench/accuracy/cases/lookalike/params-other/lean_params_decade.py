# kind: lookalike
# framework: lean
# why: get_parameter values are optimised, but over 2010-2019, a decade holding several regimes
from datetime import datetime

from AlgorithmImports import *


class DecadeTrendFollower(QCAlgorithm):
    def initialize(self):
        self.set_start_date(datetime(2010, 1, 1))
        self.set_end_date(datetime(2019, 12, 31))
        self.set_cash(250_000)

        self.fast_period = self.get_parameter("fast_period", 50)
        self.slow_period = self.get_parameter("slow_period", 200)

        self.spy = self.add_equity("SPY", Resolution.DAILY).symbol
        self.bonds = self.add_equity("IEF", Resolution.DAILY).symbol
        self.fast = self.sma(self.spy, self.fast_period, Resolution.DAILY)
        self.slow = self.sma(self.spy, self.slow_period, Resolution.DAILY)
        self.set_warm_up(self.slow_period, Resolution.DAILY)
        self.set_benchmark(self.spy)

    def on_data(self, data: Slice):
        if self.is_warming_up or not (self.fast.is_ready and self.slow.is_ready):
            return
        if not data.contains_key(self.spy):
            return
        risk_on = self.fast.current.value > self.slow.current.value
        if risk_on and not self.portfolio[self.spy].invested:
            self.set_holdings([PortfolioTarget(self.spy, 1.0), PortfolioTarget(self.bonds, 0.0)])
        elif not risk_on and not self.portfolio[self.bonds].invested:
            self.set_holdings([PortfolioTarget(self.spy, 0.0), PortfolioTarget(self.bonds, 1.0)])
