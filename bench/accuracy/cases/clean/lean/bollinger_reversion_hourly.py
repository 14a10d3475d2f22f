# kind: clean
# framework: lean
# why: hourly Bollinger mean reversion that checks IsReady before every read, with a warm-up and the default fee and fill models
from AlgorithmImports import *


class BollingerReversionAlgorithm(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2018, 1, 1)
        self.set_end_date(2023, 6, 30)
        self.set_cash(50_000)
        self.symbol = self.add_equity("QQQ", Resolution.HOUR).symbol
        self.bands = self.bb(self.symbol, 20, 2, MovingAverageType.SIMPLE, Resolution.HOUR)
        self.rsi_ind = self.rsi(self.symbol, 14, MovingAverageType.WILDERS, Resolution.HOUR)
        self.set_warm_up(timedelta(days=10))

    def on_data(self, data: Slice):
        if self.is_warming_up:
            return
        if not (self.bands.is_ready and self.rsi_ind.is_ready):
            return
        bar = data.bars.get(self.symbol)
        if bar is None:
            return
        holding = self.portfolio[self.symbol]
        if not holding.invested and bar.close < self.bands.lower_band.current.value and self.rsi_ind.current.value < 30:
            self.set_holdings(self.symbol, 0.8)
        elif holding.invested and bar.close > self.bands.middle_band.current.value:
            self.liquidate(self.symbol)
