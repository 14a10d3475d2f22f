# kind: lookalike
# framework: backtrader
# why: costs are modelled by a CommInfoBase subclass added with addcommissioninfo (per-share fee with a minimum), so cerebro.run() does not run free
import datetime

import backtrader as bt


class PerShareCommission(bt.CommInfoBase):
    params = (
        ("per_share", 0.005),
        ("min_per_order", 1.0),
        ("stocklike", True),
        ("commtype", bt.CommInfoBase.COMM_FIXED),
    )

    def _getcommission(self, size, price, pseudoexec):
        return max(abs(size) * self.p.per_share, self.p.min_per_order)


class RsiTwo(bt.Strategy):
    params = (("trend", 200), ("rsi_period", 2), ("oversold", 10), ("exit_ma", 5))

    def __init__(self):
        self.trend_ma = bt.ind.SMA(self.data.close, period=self.p.trend)
        self.exit_ma = bt.ind.SMA(self.data.close, period=self.p.exit_ma)
        self.rsi = bt.ind.RSI(self.data.close, period=self.p.rsi_period, safediv=True)

    def next(self):
        if not self.position:
            if self.data.close[0] > self.trend_ma[0] and self.rsi[0] < self.p.oversold:
                self.order_target_percent(target=0.9)
        elif self.data.close[0] > self.exit_ma[0]:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    cerebro.adddata(
        bt.feeds.YahooFinanceCSVData(
            dataname="data/SPY.csv",
            fromdate=datetime.datetime(2000, 1, 1),
            todate=datetime.datetime(2023, 12, 31),
        )
    )
    cerebro.addstrategy(RsiTwo)
    cerebro.broker.setcash(100_000)
    cerebro.broker.addcommissioninfo(PerShareCommission())
    cerebro.broker.set_slippage_perc(0.0003)
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name="trades")
    result = cerebro.run()[0]
    print(result.analyzers.trades.get_analysis().total)
