# kind: lookalike
# framework: backtrader
# why: next() reads only [0] (the bar that just closed) and [-1] / [-2] (earlier bars); the market order fills at the next bar's open with the default broker
import datetime

import backtrader as bt


class InsideBarBreak(bt.Strategy):
    params = dict(ema_period=50, exit_bars=5)

    def __init__(self):
        self.ema = bt.ind.EMA(self.data.close, period=self.p.ema_period)
        self.entry_bar = None

    def next(self):
        if not self.position:
            inside = self.data.high[-1] < self.data.high[-2] and self.data.low[-1] > self.data.low[-2]
            broke_out = self.data.close[0] > self.data.high[-1]
            if inside and broke_out and self.data.close[0] > self.ema[0]:
                self.buy()
                self.entry_bar = len(self)
        elif len(self) - self.entry_bar >= self.p.exit_bars or self.data.close[0] < self.ema[0]:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    feed = bt.feeds.YahooFinanceCSVData(
        dataname="data/IWM.csv",
        fromdate=datetime.datetime(2008, 1, 1),
        todate=datetime.datetime(2023, 12, 31),
    )
    cerebro.adddata(feed)
    cerebro.addstrategy(InsideBarBreak)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=95)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name="trades")
    strat = cerebro.run()[0]
    print(strat.analyzers.trades.get_analysis().total)
