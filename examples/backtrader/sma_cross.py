"""Dual moving-average crossover on daily bars, with a grid search over both windows."""
import datetime

import backtrader as bt


class SmaCross(bt.Strategy):
    params = (
        ("fast", 10),
        ("slow", 30),
        ("atr_period", 14),
        ("atr_stop", 2.5),
        ("risk_fraction", 0.02),
    )

    def __init__(self):
        fast = bt.ind.SMA(period=self.p.fast)
        slow = bt.ind.SMA(period=self.p.slow)
        self.crossover = bt.ind.CrossOver(fast, slow)
        self.atr = bt.ind.ATR(period=self.p.atr_period)

    def next(self):
        if not self.position and self.crossover > 0:
            size = self.broker.getvalue() * self.p.risk_fraction / (self.atr[0] * self.p.atr_stop)
            self.buy(size=size)
        elif self.position and self.crossover < 0:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    data = bt.feeds.YahooFinanceCSVData(
        dataname="data/SPY.csv",
        fromdate=datetime.datetime(2010, 1, 1),
        todate=datetime.datetime(2020, 12, 31),
    )
    cerebro.adddata(data)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0)
    cerebro.optstrategy(SmaCross, fast=range(5, 30), slow=range(20, 120, 5), atr_stop=[1.5, 2.0, 2.5, 3.0])
    cerebro.run(maxcpus=1)
