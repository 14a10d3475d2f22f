# kind: planted
# framework: lean
# why: OnData trades on the 200-day SMA and the RSI from the first bar; nothing checks IsReady and Initialize sets no warm-up, so early trades use partial averages
from AlgorithmImports import *


class GoldenTrendAlgorithm(QCAlgorithm):
    def Initialize(self):
        self.SetStartDate(2015, 1, 1)
        self.SetEndDate(2023, 12, 31)
        self.SetCash(100000)
        self.SetBrokerageModel(BrokerageName.InteractiveBrokersBrokerage, AccountType.Margin)

        self.symbol = self.AddEquity("QQQ", Resolution.Daily).Symbol
        self.slow = self.SMA(self.symbol, 200, Resolution.Daily)
        self.fast = self.EMA(self.symbol, 50, Resolution.Daily)
        self.rsi = self.RSI(self.symbol, 14, MovingAverageType.Wilders, Resolution.Daily)
        self.SetBenchmark(self.symbol)

    def OnData(self, data: Slice):
        bar = data.Bars.get(self.symbol)
        if bar is None:
            return
        slow = self.slow.Current.Value  # expect: SL213
        fast = self.fast.Current.Value  # expect: SL213
        rsi = self.rsi.Current.Value  # expect: SL213

        if not self.Portfolio[self.symbol].Invested:
            if fast > slow and rsi < 60 and bar.Close > fast:
                self.SetHoldings(self.symbol, 1.0)
        elif fast < slow or rsi > 80:
            self.Liquidate(self.symbol)

    def OnOrderEvent(self, orderEvent: OrderEvent):
        if orderEvent.Status == OrderStatus.Filled:
            self.Debug(f"{self.Time} filled {orderEvent.FillQuantity} @ {orderEvent.FillPrice}")
