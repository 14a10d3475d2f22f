# kind: lookalike
# framework: lean
# why: the security initializer sets a flat 1-dollar fee per order and 1 bp slippage: a constant fee model that is not zero
from AlgorithmImports import *

FLAT_FEE_USD = 1.0
SLIPPAGE_PCT = 0.0001


class FlatFeeRotation(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2012, 1, 1)
        self.set_end_date(2023, 12, 31)
        self.set_cash(100_000)
        self.set_security_initializer(self.custom_security_initializer)
        self.assets = [self.add_equity(t, Resolution.DAILY).symbol for t in ("SPY", "EFA", "EEM", "TLT")]
        self.momentum = {s: self.momp(s, 126, Resolution.DAILY) for s in self.assets}
        self.set_warm_up(126, Resolution.DAILY)
        self.schedule.on(self.date_rules.month_start("SPY"), self.time_rules.after_market_open("SPY", 30), self.rebalance)

    def custom_security_initializer(self, security: Security) -> None:
        security.set_fee_model(ConstantFeeModel(FLAT_FEE_USD))
        security.set_slippage_model(ConstantSlippageModel(SLIPPAGE_PCT))

    def rebalance(self):
        if self.is_warming_up:
            return
        scores = {s: m.current.value for s, m in self.momentum.items() if m.is_ready}
        if not scores:
            return
        best = max(scores, key=scores.get)
        self.set_holdings([PortfolioTarget(s, 1.0 if s == best else 0.0) for s in self.assets])
