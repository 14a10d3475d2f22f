# kind: planted
# framework: backtrader
# why: the broker is told to charge nothing on a strategy that flips position on every crossover
import datetime

import backtrader as bt


class MacdFlip(bt.Strategy):
    params = (("fast", 12), ("slow", 26), ("signal", 9))

    def __init__(self):
        macd = bt.ind.MACD(self.data.close, period_me1=self.p.fast, period_me2=self.p.slow, period_signal=self.p.signal)
        self.cross = bt.ind.CrossOver(macd.macd, macd.signal)

    def next(self):
        if self.cross[0] > 0:
            self.order_target_percent(target=0.95)
        elif self.cross[0] < 0:
            self.order_target_percent(target=-0.95)


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    feed = bt.feeds.GenericCSVData(
        dataname="data/EURUSD_1h.csv",
        dtformat="%Y-%m-%d %H:%M:%S",
        timeframe=bt.TimeFrame.Minutes,
        compression=60,
        fromdate=datetime.datetime(2018, 1, 1),
        todate=datetime.datetime(2023, 12, 31),
    )
    cerebro.adddata(feed)
    cerebro.addstrategy(MacdFlip)
    cerebro.broker.setcash(10_000)
    cerebro.broker.setcommission(commission=0.0)  # expect: SL501
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name="trades")
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name="drawdown")
    strat = cerebro.run()[0]
    print("final value", cerebro.broker.getvalue())
    print("max drawdown", strat.analyzers.drawdown.get_analysis().max.drawdown)
