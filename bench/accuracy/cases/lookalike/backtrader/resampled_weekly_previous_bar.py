# kind: lookalike
# framework: backtrader
# why: the weekly feed is built with cerebro.resampledata from the daily data (delivered only when the week closes) and next() reads the completed weekly bar at [-1]
import datetime

import backtrader as bt


class WeeklyTrendDailyEntry(bt.Strategy):
    params = dict(weekly_ma=20, daily_rsi=14, rsi_entry=40)

    def __init__(self):
        self.daily, self.weekly = self.datas[0], self.datas[1]
        self.wma = bt.ind.SMA(self.weekly.close, period=self.p.weekly_ma)
        self.rsi = bt.ind.RSI(self.daily.close, period=self.p.daily_rsi)

    def next(self):
        if len(self.weekly) < self.p.weekly_ma + 1:
            return
        weekly_up = self.weekly.close[-1] > self.wma[-1]
        if not self.position and weekly_up and self.rsi[0] < self.p.rsi_entry:
            self.buy()
        elif self.position and (not weekly_up or self.rsi[0] > 75):
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    daily = bt.feeds.YahooFinanceCSVData(
        dataname="data/XLK.csv",
        fromdate=datetime.datetime(2010, 1, 1),
        todate=datetime.datetime(2023, 12, 31),
    )
    cerebro.adddata(daily)
    cerebro.resampledata(daily, timeframe=bt.TimeFrame.Weeks, compression=1)
    cerebro.addstrategy(WeeklyTrendDailyEntry)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0008)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=90)
    cerebro.run()
    print("Final value:", cerebro.broker.getvalue())
