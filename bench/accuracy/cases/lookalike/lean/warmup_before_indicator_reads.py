# kind: lookalike
# framework: lean
# why: Initialize calls SetWarmUp(200) and OnData returns while IsWarmingUp, so the SMA and RSI read afterwards have seen their full periods
from AlgorithmImports import *


class WarmedTrendAlgorithm(QCAlgorithm):
    def Initialize(self):
        self.SetStartDate(2015, 1, 1)
        self.SetEndDate(2023, 12, 31)
        self.SetCash(100000)
        self.SetBrokerageModel(BrokerageName.InteractiveBrokersBrokerage, AccountType.Margin)

        self.symbol = self.AddEquity("QQQ", Resolution.Daily).Symbol
        self.slow = self.SMA(self.symbol, 200, Resolution.Daily)
        self.fast = self.EMA(self.symbol, 50, Resolution.Daily)
        self.rsi = self.RSI(self.symbol, 14, MovingAverageType.Wilders, Resolution.Daily)
        self.SetWarmUp(200, Resolution.Daily)

    def OnData(self, data: Slice):
        if self.IsWarmingUp:
            return
        bar = data.Bars.get(self.symbol)
        if bar is None:
            return
        slow = self.slow.Current.Value
        fast = self.fast.Current.Value
        rsi = self.rsi.Current.Value

        if not self.Portfolio[self.symbol].Invested:
            if fast > slow and rsi < 60 and bar.Close > fast:
                self.SetHoldings(self.symbol, 1.0)
        elif fast < slow or rsi > 80:
            self.Liquidate(self.symbol)
