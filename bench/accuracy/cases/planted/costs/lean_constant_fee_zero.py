# kind: planted
# framework: lean
# why: the security initializer replaces LEAN's brokerage fee model with ConstantFeeModel(0) and zero slippage on a high-turnover intraday strategy
from AlgorithmImports import *


class ZeroFeeScalper(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2021, 1, 1)
        self.set_end_date(2023, 12, 31)
        self.set_cash(100_000)
        self.set_security_initializer(self.initialize_security)

        self.symbol = self.add_equity("SPY", Resolution.MINUTE).symbol
        self.fast = self.ema(self.symbol, 9, Resolution.MINUTE)
        self.slow = self.ema(self.symbol, 21, Resolution.MINUTE)
        self.set_warm_up(30, Resolution.MINUTE)

    def initialize_security(self, security: Security) -> None:
        security.set_fee_model(ConstantFeeModel(0))  # expect: SL501
        security.set_slippage_model(ConstantSlippageModel(0))  # expect: SL501

    def on_data(self, data: Slice):
        if self.is_warming_up or not self.slow.is_ready:
            return
        if self.fast.current.value > self.slow.current.value and not self.portfolio.invested:
            self.set_holdings(self.symbol, 1.0)
        elif self.fast.current.value < self.slow.current.value and self.portfolio.invested:
            self.liquidate(self.symbol)

    def on_end_of_day(self, symbol):
        self.liquidate(symbol)
