# kind: lookalike
# framework: lean
# why: a LEAN project folder (main.py, config.json, backtests/<timestamp>/) with nine years of daily equity, 146 trades, Sharpe about 0.95 annualised (PSR about 0.998), no optimisation
from AlgorithmImports import *

SECTORS = ["XLB", "XLE", "XLF", "XLI", "XLK", "XLP", "XLU", "XLV", "XLY"]
LOOKBACK = 126
TOP = 3


class SectorMomentumAlgorithm(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2015, 1, 2)
        self.set_end_date(2023, 12, 29)
        self.set_cash(100_000)
        self.spy = self.add_equity("SPY", Resolution.DAILY).symbol
        self.sectors = [self.add_equity(t, Resolution.DAILY).symbol for t in SECTORS]
        self.momentum = {s: self.roc(s, LOOKBACK, Resolution.DAILY) for s in self.sectors}
        self.trend = self.sma(self.spy, 200, Resolution.DAILY)
        self.set_warm_up(200, Resolution.DAILY)
        self.schedule.on(self.date_rules.month_start(self.spy), self.time_rules.after_market_open(self.spy, 30), self.rebalance)

    def rebalance(self):
        if self.is_warming_up or not self.trend.is_ready:
            return
        if self.securities[self.spy].price < self.trend.current.value:
            self.liquidate()
            return
        ready = {s: m.current.value for s, m in self.momentum.items() if m.is_ready}
        leaders = sorted(ready, key=ready.get, reverse=True)[:TOP]
        self.set_holdings([PortfolioTarget(s, 1.0 / TOP if s in leaders else 0.0) for s in self.sectors])
