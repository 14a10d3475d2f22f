# kind: clean
# framework: backtrader
# why: a 3 x 3 optstrategy grid over 2010-2018 with commission, then the chosen pair run once on 2019-2023
import datetime

import backtrader as bt

COMMISSION = 0.001


class EmaTrend(bt.Strategy):
    params = (("fast", 20), ("slow", 100))

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.EMA(period=self.p.fast), bt.ind.EMA(period=self.p.slow))

    def next(self):
        if not self.position and self.cross[0] > 0:
            self.order_target_percent(target=0.95)
        elif self.position and self.cross[0] < 0:
            self.close()


def cerebro_over(fromdate, todate):
    cerebro = bt.Cerebro(optreturn=True)
    cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname="data/SPY.csv", fromdate=fromdate, todate=todate))
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=COMMISSION)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio_A, _name="sharpe")
    return cerebro


if __name__ == "__main__":
    train = cerebro_over(datetime.datetime(2010, 1, 1), datetime.datetime(2018, 12, 31))
    train.optstrategy(EmaTrend, fast=[10, 20, 50], slow=[100, 150, 200])
    runs = [r[0] for r in train.run()]
    best = max(runs, key=lambda s: s.analyzers.sharpe.get_analysis().get("sharperatio") or float("-inf"))
    print("chosen on 2010-2018:", best.p.fast, best.p.slow)

    test = cerebro_over(datetime.datetime(2019, 1, 1), datetime.datetime(2023, 12, 31))
    test.addstrategy(EmaTrend, fast=best.p.fast, slow=best.p.slow)
    print("2019-2023 sharpe:", test.run()[0].analyzers.sharpe.get_analysis().get("sharperatio"))
