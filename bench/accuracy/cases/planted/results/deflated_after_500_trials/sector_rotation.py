# kind: planted
# framework: lean
# why: the attached result is the best of 500 grid runs whose daily Sharpes vary with sd 0.05; the chosen run's 0.10 per day is below the 0.156 expected from the best of 500 skill-less runs (DSR about 0.02)
# strategy-lint: results=SectorRotationGrid.strategy-lint.json
# expect-file: SL604
from AlgorithmImports import *

SECTORS = ["XLB", "XLE", "XLF", "XLI", "XLK", "XLP", "XLU", "XLV", "XLY"]


class SectorRotationGrid(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2019, 1, 2)
        self.set_end_date(2023, 12, 29)
        self.set_cash(100_000)

        self.lookback = self.get_parameter("lookback", 84)
        self.top_n = self.get_parameter("top_n", 3)
        self.rebalance_days = self.get_parameter("rebalance_days", 21)

        self.symbols = [self.add_equity(t, Resolution.DAILY).symbol for t in SECTORS]
        self.scores = {s: self.roc(s, self.lookback, Resolution.DAILY) for s in self.symbols}
        self.set_warm_up(self.lookback + 1, Resolution.DAILY)
        self.days_since_rebalance = self.rebalance_days

    def on_data(self, data: Slice):
        if self.is_warming_up:
            return
        self.days_since_rebalance += 1
        if self.days_since_rebalance < self.rebalance_days:
            return
        ready = {s: ind.current.value for s, ind in self.scores.items() if ind.is_ready}
        if len(ready) < self.top_n:
            return
        chosen = sorted(ready, key=ready.get, reverse=True)[: self.top_n]
        self.set_holdings([PortfolioTarget(s, 1.0 / self.top_n if s in chosen else 0.0) for s in self.symbols])
        self.days_since_rebalance = 0
