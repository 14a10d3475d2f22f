# kind: lookalike
# framework: backtrader
# why: the params tuple has eleven entries but nine are plumbing (logging, sizing, order type, names); only the two MA periods are swept, over 2009-2019 with a 2020-2023 holdout
import datetime
import logging

import backtrader as bt

log = logging.getLogger("dual_ma")


class DualMovingAverage(bt.Strategy):
    params = (
        ("fast", 20),
        ("slow", 100),
        ("printlog", False),
        ("log_trades", True),
        ("stake_pct", 0.95),
        ("use_limit_orders", False),
        ("limit_offset", 0.0),
        ("data_name", "SPY"),
        ("allow_short", False),
        ("tz", "America/New_York"),
        ("order_valid_days", 1),
    )

    def __init__(self):
        self.fast_ma = bt.ind.SMA(self.data.close, period=self.p.fast)
        self.slow_ma = bt.ind.SMA(self.data.close, period=self.p.slow)
        self.cross = bt.ind.CrossOver(self.fast_ma, self.slow_ma)
        self.order = None

    def log(self, text):
        if self.p.printlog:
            log.info("%s %s %s", self.p.data_name, self.data.datetime.date(0), text)

    def notify_order(self, order):
        if order.status in (order.Completed, order.Canceled, order.Rejected):
            if self.p.log_trades:
                self.log(f"order {order.getstatusname()} size={order.executed.size}")
            self.order = None

    def next(self):
        if self.order is not None:
            return
        if self.cross[0] > 0 and self.position.size <= 0:
            size = int(self.broker.getvalue() * self.p.stake_pct / self.data.close[0])
            if self.p.use_limit_orders:
                valid = self.data.datetime.date(0) + datetime.timedelta(days=self.p.order_valid_days)
                price = self.data.close[0] * (1 - self.p.limit_offset)
                self.order = self.buy(size=size, exectype=bt.Order.Limit, price=price, valid=valid)
            else:
                self.order = self.buy(size=size)
        elif self.cross[0] < 0 and self.position.size > 0:
            self.order = self.close()
            if self.p.allow_short:
                self.order = self.sell()


def cerebro_for(fromdate, todate):
    cerebro = bt.Cerebro(optreturn=True)
    cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname="data/SPY.csv", fromdate=fromdate, todate=todate), name="SPY")
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.broker.set_slippage_perc(0.0002)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio_A, _name="sharpe")
    return cerebro


if __name__ == "__main__":
    search = cerebro_for(datetime.datetime(2009, 1, 1), datetime.datetime(2019, 12, 31))
    search.optstrategy(DualMovingAverage, fast=[10, 20, 30, 50], slow=[100, 150, 200])
    runs = search.run()
    best = max(runs, key=lambda r: r[0].analyzers.sharpe.get_analysis().get("sharperatio") or float("-inf"))[0]
    print("chosen:", best.p.fast, best.p.slow)

    holdout = cerebro_for(datetime.datetime(2020, 1, 1), datetime.datetime(2023, 12, 31))
    holdout.addstrategy(DualMovingAverage, fast=best.p.fast, slow=best.p.slow)
    result = holdout.run()[0]
    print("holdout sharpe:", result.analyzers.sharpe.get_analysis().get("sharperatio"))
