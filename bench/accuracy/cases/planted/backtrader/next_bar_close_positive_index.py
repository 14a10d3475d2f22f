# kind: planted
# framework: backtrader
# why: next() compares the current close with self.data.close[1], the bar that has not been delivered yet
import datetime

import backtrader as bt


class PullbackTrend(bt.Strategy):
    params = dict(fast=20, slow=60, rsi_period=14, rsi_low=35, stake_pct=0.95)

    def __init__(self):
        self.ema_fast = bt.ind.EMA(self.data.close, period=self.p.fast)
        self.ema_slow = bt.ind.EMA(self.data.close, period=self.p.slow)
        self.rsi = bt.ind.RSI(self.data.close, period=self.p.rsi_period)
        self.atr = bt.ind.ATR(self.data, period=14)
        self.order = None

    def notify_order(self, order):
        if order.status in (order.Completed, order.Canceled, order.Margin, order.Rejected):
            self.order = None

    def next(self):
        if self.order:
            return
        if not self.position:
            trend_up = self.ema_fast[0] > self.ema_slow[0]
            rebound = self.data.close[1] > self.data.close[0]  # expect: SL210
            if trend_up and self.rsi[0] < self.p.rsi_low and rebound:
                size = int(self.broker.getvalue() * self.p.stake_pct / self.data.close[0])
                self.order = self.buy(size=size)
        elif self.ema_fast[0] < self.ema_slow[0] or self.data.close[0] < self.ema_slow[0] - 2 * self.atr[0]:
            self.order = self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    data = bt.feeds.GenericCSVData(
        dataname="data/SPY_daily.csv",
        fromdate=datetime.datetime(2012, 1, 1),
        todate=datetime.datetime(2022, 12, 31),
        dtformat="%Y-%m-%d",
        openinterest=-1,
    )
    cerebro.adddata(data)
    cerebro.addstrategy(PullbackTrend)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.broker.set_slippage_perc(0.0002)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe", timeframe=bt.TimeFrame.Days)
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name="dd")
    result = cerebro.run()[0]
    print("Sharpe:", result.analyzers.sharpe.get_analysis())
    print("Max DD:", result.analyzers.dd.get_analysis().max.drawdown)
