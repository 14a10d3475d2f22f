# kind: lookalike
# framework: backtrader
# why: the i + 1 index walks a fixed list of grid levels from params (levels[i], levels[i + 1] are neighbouring price levels), not bars in time
import datetime

import backtrader as bt


class StaticGrid(bt.Strategy):
    params = dict(levels=(1.05, 1.07, 1.09, 1.11, 1.13, 1.15), unit=10_000)

    def __init__(self):
        self.sma = bt.ind.SMA(self.data.close, period=100)

    def band_of(self, price: float) -> int:
        levels = self.p.levels
        for i in range(len(levels) - 1):
            if levels[i] <= price < levels[i + 1]:
                return i
        return -1

    def next(self):
        band = self.band_of(self.data.close[0])
        prev_band = self.band_of(self.data.close[-1])
        if band < 0 or prev_band < 0:
            return
        if band < prev_band and self.data.close[0] > self.sma[0] * 0.95:
            self.buy(size=self.p.unit)
        elif band > prev_band and self.position.size >= self.p.unit:
            self.sell(size=self.p.unit)


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    feed = bt.feeds.GenericCSVData(
        dataname="data/EURUSD_4h.csv",
        fromdate=datetime.datetime(2018, 1, 1),
        todate=datetime.datetime(2023, 1, 1),
        timeframe=bt.TimeFrame.Minutes, compression=240,
        dtformat="%Y-%m-%d %H:%M:%S", openinterest=-1,
    )
    cerebro.adddata(feed)
    cerebro.addstrategy(StaticGrid)
    cerebro.broker.setcash(50_000)
    cerebro.broker.setcommission(commission=0.00005, leverage=20)
    cerebro.run()
    print("Final:", cerebro.broker.getvalue())
