# kind: lookalike
# framework: lean
# why: on_data returns until every indicator reports is_ready, so no partial Bollinger or ATR value is ever traded on
from AlgorithmImports import *


class BandReversionAlgorithm(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2018, 1, 1)
        self.set_end_date(2024, 1, 1)
        self.set_cash(50000)
        self.set_brokerage_model(BrokerageName.BINANCE, AccountType.CASH)

        self._symbol = self.add_crypto("ETHUSDT", Resolution.HOUR, Market.BINANCE).symbol
        self._bb = self.bb(self._symbol, 48, 2, MovingAverageType.SIMPLE, Resolution.HOUR)
        self._atr = self.atr(self._symbol, 24, MovingAverageType.WILDERS, Resolution.HOUR)
        self._stop = None

    def on_data(self, data: Slice):
        if not (self._bb.is_ready and self._atr.is_ready):
            return
        if self._symbol not in data.bars:
            return
        price = data.bars[self._symbol].close
        holdings = self.portfolio[self._symbol]

        if not holdings.invested and price < self._bb.lower_band.current.value:
            self.set_holdings(self._symbol, 0.5)
            self._stop = price - 3 * self._atr.current.value
        elif holdings.invested and (price > self._bb.middle_band.current.value or price < self._stop):
            self.liquidate(self._symbol)
