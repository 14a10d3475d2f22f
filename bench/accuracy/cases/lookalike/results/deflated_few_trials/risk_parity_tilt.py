# kind: lookalike
# framework: lean
# why: the attached result records eight pre-registered variants with close daily Sharpes (0.07 to 0.10); the chosen 0.10 per day over five years clears the best-of-8 benchmark easily (DSR about 0.999)
# strategy-lint: results=RiskParityTilt.strategy-lint.json
from AlgorithmImports import *

ASSETS = ["SPY", "TLT", "GLD", "DBC"]


class RiskParityTilt(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2019, 1, 2)
        self.set_end_date(2023, 12, 29)
        self.set_cash(500_000)
        self.vol_window = self.get_parameter("vol_window", 63)
        self.tilt = self.get_parameter("tilt", 0.2)
        self.symbols = [self.add_equity(t, Resolution.DAILY).symbol for t in ASSETS]
        self.vols = {s: self.std(s, self.vol_window, Resolution.DAILY) for s in self.symbols}
        self.trend = {s: self.momp(s, 126, Resolution.DAILY) for s in self.symbols}
        self.set_warm_up(130, Resolution.DAILY)
        self.schedule.on(self.date_rules.month_start("SPY"), self.time_rules.after_market_open("SPY", 60), self.rebalance)

    def rebalance(self):
        if self.is_warming_up:
            return
        if not all(self.vols[s].is_ready and self.trend[s].is_ready for s in self.symbols):
            return
        inverse = {s: 1.0 / max(self.vols[s].current.value / self.securities[s].price, 1e-6) for s in self.symbols}
        total = sum(inverse.values())
        weights = {}
        for s in self.symbols:
            base = inverse[s] / total
            weights[s] = base * (1 + self.tilt) if self.trend[s].current.value > 0 else base * (1 - self.tilt)
        scale = sum(weights.values())
        self.set_holdings([PortfolioTarget(s, w / scale) for s, w in weights.items()])
