# kind: clean
# framework: backtrader
# why: entries on a completed-bar Donchian breakout placed as bracket orders with ATR stop and target; commission and slippage set on the broker
import datetime

import backtrader as bt


class BreakoutBracket(bt.Strategy):
    params = (("channel", 20), ("atr_period", 14), ("stop_mult", 2.0), ("target_mult", 3.0), ("risk", 0.01))

    def __init__(self):
        self.channel_high = bt.ind.Highest(self.data.high(-1), period=self.p.channel)
        self.atr = bt.ind.ATR(self.data, period=self.p.atr_period)
        self.orders = []

    def notify_order(self, order):
        if order.status in (order.Completed, order.Canceled, order.Margin, order.Rejected, order.Expired):
            self.orders = [o for o in self.orders if o.ref != order.ref]

    def next(self):
        if self.position or self.orders:
            return
        if self.data.close[0] > self.channel_high[0]:
            stop_price = self.data.close[0] - self.p.stop_mult * self.atr[0]
            target_price = self.data.close[0] + self.p.target_mult * self.atr[0]
            risk_per_unit = self.data.close[0] - stop_price
            size = int(self.broker.getvalue() * self.p.risk / risk_per_unit) if risk_per_unit > 0 else 0
            if size > 0:
                self.orders = list(
                    self.buy_bracket(size=size, exectype=bt.Order.Market, stopprice=stop_price, limitprice=target_price)
                )


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    cerebro.adddata(
        bt.feeds.YahooFinanceCSVData(
            dataname="data/AAPL.csv",
            fromdate=datetime.datetime(2012, 1, 1),
            todate=datetime.datetime(2023, 12, 31),
        )
    )
    cerebro.addstrategy(BreakoutBracket)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.broker.set_slippage_perc(0.0005)
    cerebro.addanalyzer(bt.analyzers.Returns, _name="returns")
    result = cerebro.run()[0]
    print(result.analyzers.returns.get_analysis())
