# kind: clean
# framework: backtrader
# why: a monthly rotation across several ETFs driven by a timer, ranking 6-month momentum of completed bars; per-trade commission via a CommissionInfo
import datetime

import backtrader as bt

TICKERS = ["SPY", "EFA", "EEM", "TLT", "GLD", "VNQ"]


class MonthlyMomentum(bt.Strategy):
    params = (("lookback", 126), ("top", 2))

    def __init__(self):
        self.momentum = {d: bt.ind.RateOfChange(d.close, period=self.p.lookback) for d in self.datas}
        self.add_timer(when=bt.Timer.SESSION_START, monthdays=[1], monthcarry=True)

    def notify_timer(self, timer, when, *args, **kwargs):
        if len(self.data) <= self.p.lookback:
            return
        ranked = sorted(self.datas, key=lambda d: self.momentum[d][0], reverse=True)
        winners = [d for d in ranked[: self.p.top] if self.momentum[d][0] > 0]
        for d in self.datas:
            if d not in winners and self.getposition(d).size:
                self.order_target_percent(data=d, target=0.0)
        for d in winners:
            self.order_target_percent(data=d, target=0.98 / self.p.top)


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    for ticker in TICKERS:
        feed = bt.feeds.YahooFinanceCSVData(
            dataname=f"data/{ticker}.csv",
            fromdate=datetime.datetime(2007, 1, 1),
            todate=datetime.datetime(2023, 12, 31),
        )
        cerebro.adddata(feed, name=ticker)
    cerebro.addstrategy(MonthlyMomentum)
    cerebro.broker.setcash(1_000_000)
    comminfo = bt.CommissionInfo(commission=0.0008, percabs=True)
    cerebro.broker.addcommissioninfo(comminfo)
    cerebro.addanalyzer(bt.analyzers.AnnualReturn, _name="annual")
    strat = cerebro.run()[0]
    for year, ret in strat.analyzers.annual.get_analysis().items():
        print(year, f"{ret:.2%}")
