# kind: real-bug
# framework: backtrader
# why: a fair-value-gap helper marks candle t by comparing the previous candle's high with the next candle's low (shift(-1)); the precomputed column is fed to backtrader and traded at candle t
# source: https://github.com/joshyattridge/smart-money-concepts/issues/34
import backtrader as bt
import numpy as np
import pandas as pd


def fair_value_gaps(ohlc: pd.DataFrame) -> pd.Series:
    prev_high = ohlc["high"].shift(1)
    prev_low = ohlc["low"].shift(1)
    next_low = ohlc["low"].shift(-1)  # expect: SL201
    next_high = ohlc["high"].shift(-1)  # expect: SL201
    bullish = (prev_high < next_low) & (ohlc["close"] > ohlc["open"])
    bearish = (prev_low > next_high) & (ohlc["close"] < ohlc["open"])
    return pd.Series(np.where(bullish, 1, np.where(bearish, -1, 0)), index=ohlc.index)


class FvgFeed(bt.feeds.PandasData):
    lines = ("fvg",)
    params = (("fvg", -1),)


class FvgMomentum(bt.Strategy):
    params = dict(ema_period=100, hold=6)

    def __init__(self):
        self.ema = bt.ind.EMA(self.data.close, period=self.p.ema_period)
        self.opened_at = None

    def next(self):
        if self.position:
            if len(self) - self.opened_at >= self.p.hold:
                self.close()
            return
        if self.data.fvg[0] == 1 and self.data.close[0] > self.ema[0]:
            self.buy()
            self.opened_at = len(self)
        elif self.data.fvg[0] == -1 and self.data.close[0] < self.ema[0]:
            self.sell()
            self.opened_at = len(self)


if __name__ == "__main__":
    frame = pd.read_csv("data/EURUSD_15m.csv", parse_dates=["datetime"], index_col="datetime")
    frame["fvg"] = fair_value_gaps(frame)
    cerebro = bt.Cerebro()
    cerebro.adddata(FvgFeed(dataname=frame, timeframe=bt.TimeFrame.Minutes, compression=15))
    cerebro.addstrategy(FvgMomentum)
    cerebro.broker.setcash(10_000)
    cerebro.broker.setcommission(commission=0.00007, leverage=30)
    cerebro.addsizer(bt.sizers.FixedSize, stake=10_000)
    cerebro.run()
    print("Final equity:", cerebro.broker.getvalue())
