# kind: planted
# framework: backtrader
# why: the second feed holds daily bars loaded from a file stamped at midnight; next() on 15-minute bars reads its close[0], i.e. the close of the day still in progress (info)
import datetime

import backtrader as bt


class IntradayWithDailyBias(bt.Strategy):
    params = dict(fast=12, slow=48, daily_ma=20)

    def __init__(self):
        self.intraday = self.datas[0]
        self.daily = self.datas[1]
        self.fast = bt.ind.SMA(self.intraday.close, period=self.p.fast)
        self.slow = bt.ind.SMA(self.intraday.close, period=self.p.slow)
        self.daily_ma = bt.ind.SMA(self.daily.close, period=self.p.daily_ma)
        self.cross = bt.ind.CrossOver(self.fast, self.slow)

    def next(self):
        daily_bull = self.daily.close[0] > self.daily_ma[-1]  # expect: SL212
        if not self.position and self.cross[0] > 0 and daily_bull:
            self.buy()
        elif self.position and self.cross[0] < 0:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    start, end = datetime.datetime(2021, 1, 1), datetime.datetime(2023, 1, 1)
    m15 = bt.feeds.GenericCSVData(
        dataname="data/ES_15m.csv", fromdate=start, todate=end,
        timeframe=bt.TimeFrame.Minutes, compression=15,
        dtformat="%Y-%m-%d %H:%M:%S", openinterest=-1,
    )
    daily = bt.feeds.GenericCSVData(
        dataname="data/ES_daily.csv", fromdate=start, todate=end,
        timeframe=bt.TimeFrame.Days, dtformat="%Y-%m-%d", openinterest=-1,
    )
    cerebro.adddata(m15, name="es15")
    cerebro.adddata(daily, name="es1d")
    cerebro.addstrategy(IntradayWithDailyBias)
    cerebro.broker.setcash(200_000)
    cerebro.broker.setcommission(commission=2.5, margin=12_000, mult=50)
    cerebro.run()
    print("Final value: %.2f" % cerebro.broker.getvalue())
