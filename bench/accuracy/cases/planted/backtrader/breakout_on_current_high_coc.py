# kind: planted
# framework: backtrader
# why: with cheat-on-close enabled the buy fills at this bar's close, but the decision reads this bar's high, known only once the bar is complete (info: a prompt to check the fill)
import datetime

import backtrader as bt


class DonchianBreakout(bt.Strategy):
    params = dict(channel=20, exit_channel=10, atr_period=14, risk=0.01)

    def __init__(self):
        self.upper = bt.ind.Highest(self.data.high, period=self.p.channel)
        self.lower = bt.ind.Lowest(self.data.low, period=self.p.exit_channel)
        self.atr = bt.ind.ATR(self.data, period=self.p.atr_period)

    def next(self):
        if len(self) <= self.p.channel:
            return
        if not self.position:
            if self.data.high[0] > self.upper[-1]:  # expect: SL211
                risk_cash = self.broker.getvalue() * self.p.risk
                size = max(int(risk_cash / (2 * self.atr[0])), 1)
                self.buy(size=size)
        elif self.data.close[0] < self.lower[-1]:
            self.close()


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    cerebro.broker.set_coc(True)
    data = bt.feeds.YahooFinanceCSVData(
        dataname="data/GLD.csv",
        fromdate=datetime.datetime(2010, 1, 1),
        todate=datetime.datetime(2023, 6, 30),
    )
    cerebro.adddata(data)
    cerebro.addstrategy(DonchianBreakout)
    cerebro.broker.setcash(50_000)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addanalyzer(bt.analyzers.Returns, _name="ret")
    strat = cerebro.run()[0]
    print("Annual return:", strat.analyzers.ret.get_analysis()["rnorm100"])
