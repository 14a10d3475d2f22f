# kind: planted
# framework: backtrader
# why: a pandas column built with shift(-1) (tomorrow's open gap) is fed to backtrader as an extra line and next() buys on it
import backtrader as bt
import pandas as pd


class SignalFeed(bt.feeds.PandasData):
    lines = ("gap_next", "zscore")
    params = (("gap_next", -1), ("zscore", -1))


class GapAnticipation(bt.Strategy):
    params = dict(min_gap=0.004, z_entry=-1.5, hold_bars=3)

    def __init__(self):
        self.bars_in_trade = 0
        self.sma = bt.ind.SMA(self.data.close, period=50)

    def next(self):
        if self.position:
            self.bars_in_trade += 1
            if self.bars_in_trade >= self.p.hold_bars:
                self.close()
                self.bars_in_trade = 0
            return
        if self.data.gap_next[0] > self.p.min_gap and self.data.zscore[0] < self.p.z_entry:
            self.buy()


def prepare(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["Date"], index_col="Date")
    df.columns = [c.lower() for c in df.columns]
    df["gap_next"] = df["open"].shift(-1) / df["close"] - 1  # expect: SL201
    mean = df["close"].rolling(20).mean()
    std = df["close"].rolling(20).std()
    df["zscore"] = (df["close"] - mean) / std
    return df.dropna()


if __name__ == "__main__":
    frame = prepare("data/QQQ.csv")
    cerebro = bt.Cerebro()
    cerebro.adddata(SignalFeed(dataname=frame))
    cerebro.addstrategy(GapAnticipation)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=90)
    cerebro.run()
    print("Final portfolio value:", round(cerebro.broker.getvalue(), 2))
