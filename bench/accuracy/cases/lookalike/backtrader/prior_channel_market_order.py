# kind: lookalike
# framework: backtrader
# why: the breakout compares the completed bar's close with the channel of the bars before it (Highest(...)[-1]) and sends a plain market order, which backtrader fills at the next bar's open; no cheat-on-close is set
import datetime

import backtrader as bt


class TurtleLite(bt.Strategy):
    params = dict(entry_len=55, exit_len=20, atr_len=20, risk=0.01)

    def __init__(self):
        self.entry_high = bt.ind.Highest(self.data.close, period=self.p.entry_len)
        self.exit_low = bt.ind.Lowest(self.data.close, period=self.p.exit_len)
        self.atr = bt.ind.ATR(self.data, period=self.p.atr_len)

    def next(self):
        if len(self) <= self.p.entry_len:
            return
        if not self.position and self.data.close[0] > self.entry_high[-1]:
            size = int(self.broker.getvalue() * self.p.risk / max(self.atr[-1], 1e-9))
            if size > 0:
                self.buy(size=size)
        elif self.position and self.data.close[0] < self.exit_low[-1]:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    data = bt.feeds.GenericCSVData(
        dataname="data/CL_continuous.csv",
        fromdate=datetime.datetime(2000, 1, 1),
        todate=datetime.datetime(2023, 12, 31),
        dtformat="%Y-%m-%d", openinterest=-1,
    )
    cerebro.adddata(data)
    cerebro.addstrategy(TurtleLite)
    cerebro.broker.setcash(1_000_000)
    cerebro.broker.setcommission(commission=2.0, margin=6_000, mult=1000)
    cerebro.run()
    print(cerebro.broker.getvalue())
