# kind: clean
# framework: lean
# why: a scheduled monthly dual-momentum allocation (relative then absolute momentum) with momentum indicators warmed up before use
from AlgorithmImports import *


class DualMomentumAlgorithm(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2008, 1, 1)
        self.set_end_date(2023, 12, 31)
        self.set_cash(100_000)
        self.us = self.add_equity("SPY", Resolution.DAILY).symbol
        self.intl = self.add_equity("EFA", Resolution.DAILY).symbol
        self.bonds = self.add_equity("AGG", Resolution.DAILY).symbol
        self.cash_proxy = self.add_equity("BIL", Resolution.DAILY).symbol
        self.lookback = 252
        self.mom = {s: self.momp(s, self.lookback, Resolution.DAILY) for s in (self.us, self.intl, self.cash_proxy)}
        self.set_warm_up(self.lookback + 5, Resolution.DAILY)
        self.schedule.on(self.date_rules.month_start(self.us), self.time_rules.after_market_open(self.us, 30), self.rebalance)

    def rebalance(self):
        if self.is_warming_up or not all(m.is_ready for m in self.mom.values()):
            return
        equity = self.us if self.mom[self.us].current.value >= self.mom[self.intl].current.value else self.intl
        target = equity if self.mom[equity].current.value > self.mom[self.cash_proxy].current.value else self.bonds
        self.set_holdings([PortfolioTarget(s, 1.0 if s == target else 0.0) for s in (self.us, self.intl, self.bonds)])
