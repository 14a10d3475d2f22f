# kind: lookalike
# framework: backtrader
# why: self.data.close(-1) and self.sma(-5) in __init__ are backtrader line delays to earlier bars (negative arguments); the crossover they feed is read at [0]
import datetime

import backtrader as bt


class DelayedMomentum(bt.Strategy):
    params = dict(sma_period=30, roc_lag=5)

    def __init__(self):
        self.sma = bt.ind.SMA(self.data.close, period=self.p.sma_period)
        self.daily_change = self.data.close / self.data.close(-1) - 1.0
        self.sma_rising = self.sma > self.sma(-self.p.roc_lag)
        self.signal = bt.And(self.sma_rising, self.data.close > self.sma)
        self.exit_signal = bt.ind.CrossDown(self.data.close, self.sma)

    def next(self):
        if not self.position and self.signal[0] and self.daily_change[0] > 0:
            self.buy()
        elif self.position and self.exit_signal[0]:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    data = bt.feeds.YahooFinanceCSVData(
        dataname="data/TLT.csv",
        fromdate=datetime.datetime(2005, 1, 1),
        todate=datetime.datetime(2023, 12, 31),
    )
    cerebro.adddata(data)
    cerebro.addstrategy(DelayedMomentum)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addsizer(bt.sizers.AllInSizerInt)
    cerebro.run()
    print(cerebro.broker.getvalue())
