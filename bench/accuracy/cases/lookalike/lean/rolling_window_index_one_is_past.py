# kind: lookalike
# framework: lean
# why: LEAN RollingWindow is indexed newest first: window[0] is the latest bar and window[1] the one before it, so window[i + 1] walks back in time
from AlgorithmImports import *


class ThreeBarReversalAlgorithm(QCAlgorithm):
    def Initialize(self):
        self.SetStartDate(2016, 1, 1)
        self.SetEndDate(2023, 12, 31)
        self.SetCash(100000)

        self.symbol = self.AddEquity("IWM", Resolution.Daily).Symbol
        self.bars = RollingWindow[TradeBar](5)
        self.ema = self.EMA(self.symbol, 100, Resolution.Daily)
        self.SetWarmUp(100, Resolution.Daily)

    def OnData(self, data: Slice):
        if not data.Bars.ContainsKey(self.symbol):
            return
        self.bars.Add(data.Bars[self.symbol])
        if self.IsWarmingUp or not self.bars.IsReady or not self.ema.IsReady:
            return

        falling = all(self.bars[i].Close < self.bars[i + 1].Close for i in range(3))
        reversal = self.bars[0].Close > self.bars[0].Open and falling is False and self.bars[1].Close < self.bars[2].Close
        above_trend = self.bars[0].Close > self.ema.Current.Value

        if not self.Portfolio.Invested and reversal and above_trend:
            self.SetHoldings(self.symbol, 1.0)
        elif self.Portfolio.Invested and self.bars[0].Close < self.ema.Current.Value:
            self.Liquidate()
