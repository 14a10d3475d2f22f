# kind: planted
# framework: backtrader
# why: next() indexes a numpy copy of the whole close history with len(self) (the position of the next bar), so the decision reads tomorrow's close
import backtrader as bt
import numpy as np
import pandas as pd


class AnticipatingMeanReversion(bt.Strategy):
    params = dict(lookback=10, band=1.0)

    def __init__(self, closes: np.ndarray):
        self.closes = closes
        self.mean = bt.ind.SMA(self.data.close, period=self.p.lookback)
        self.std = bt.ind.StdDev(self.data.close, period=self.p.lookback)

    def next(self):
        i = len(self) - 1
        if i + 1 >= len(self.closes):
            return
        lower = self.mean[0] - self.p.band * self.std[0]
        upcoming = self.closes[i + 1]  # expect: SL208
        if not self.position and self.data.close[0] < lower and upcoming > self.data.close[0]:
            self.buy()
        elif self.position and self.data.close[0] > self.mean[0]:
            self.close()


if __name__ == "__main__":
    df = pd.read_csv("data/EURUSD_daily.csv", parse_dates=["date"], index_col="date")
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.PandasData(dataname=df))
    cerebro.addstrategy(AnticipatingMeanReversion, closes=df["close"].to_numpy())
    cerebro.broker.setcash(10_000)
    cerebro.broker.setcommission(commission=0.0002, leverage=10)
    cerebro.run()
    print("Ending value:", cerebro.broker.getvalue())
