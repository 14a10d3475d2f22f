# kind: planted
# framework: backtrader
# why: every one of the ten strategy params is swept by optstrategy, ten degrees of freedom fitted to one history
import datetime

import backtrader as bt


class MultiFilterTrend(bt.Strategy):  # expect: SL101
    params = (
        ("fast", 10),
        ("slow", 50),
        ("rsi_period", 14),
        ("rsi_max", 70),
        ("adx_period", 14),
        ("adx_min", 20),
        ("atr_period", 14),
        ("stop_atr", 2.0),
        ("target_atr", 4.0),
        ("max_hold", 20),
    )

    def __init__(self):
        self.fast_ma = bt.ind.EMA(self.data.close, period=self.p.fast)
        self.slow_ma = bt.ind.EMA(self.data.close, period=self.p.slow)
        self.rsi = bt.ind.RSI(self.data.close, period=self.p.rsi_period)
        self.adx = bt.ind.ADX(self.data, period=self.p.adx_period)
        self.atr = bt.ind.ATR(self.data, period=self.p.atr_period)
        self.entry_bar = None
        self.stop = None
        self.target = None

    def next(self):
        if not self.position:
            if self.fast_ma[0] > self.slow_ma[0] and self.rsi[0] < self.p.rsi_max and self.adx[0] > self.p.adx_min:
                self.buy()
                self.entry_bar = len(self)
                self.stop = self.data.close[0] - self.p.stop_atr * self.atr[0]
                self.target = self.data.close[0] + self.p.target_atr * self.atr[0]
            return
        held = len(self) - self.entry_bar
        if self.data.close[0] <= self.stop or self.data.close[0] >= self.target or held >= self.p.max_hold:
            self.close()


def build(fromdate, todate):
    cerebro = bt.Cerebro(optreturn=True)
    cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname="data/QQQ.csv", fromdate=fromdate, todate=todate))
    cerebro.broker.setcash(50_000)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=90)
    cerebro.addanalyzer(bt.analyzers.Returns, _name="returns")
    return cerebro


if __name__ == "__main__":
    cerebro = build(datetime.datetime(2010, 1, 1), datetime.datetime(2018, 12, 31))
    cerebro.optstrategy(
        MultiFilterTrend,
        fast=[5, 10, 20],
        slow=[50, 100, 200],
        rsi_period=[7, 14, 21],
        rsi_max=[65, 70, 75],
        adx_period=[10, 14, 20],
        adx_min=[15, 20, 25],
        atr_period=[10, 14, 20],
        stop_atr=[1.5, 2.0, 3.0],
        target_atr=[3.0, 4.0, 6.0],
        max_hold=[10, 20, 40],
    )
    results = cerebro.run()
    best = max(results, key=lambda r: r[0].analyzers.returns.get_analysis()["rnorm100"])[0]
    params = dict(best.params._getkwargs())
    print("best in-sample:", params)

    holdout = build(datetime.datetime(2019, 1, 1), datetime.datetime(2023, 12, 31))
    holdout.addstrategy(MultiFilterTrend, **params)
    print("holdout return:", holdout.run()[0].analyzers.returns.get_analysis()["rnorm100"])
