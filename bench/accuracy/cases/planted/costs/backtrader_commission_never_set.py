# kind: planted
# framework: backtrader
# why: cash, sizer and analyzers are configured but the broker commission is never set, so backtrader charges nothing
import datetime

import backtrader as bt


class BollingerReversion(bt.Strategy):
    params = (("period", 20), ("devfactor", 2.0))

    def __init__(self):
        self.bands = bt.ind.BollingerBands(self.data.close, period=self.p.period, devfactor=self.p.devfactor)

    def next(self):
        if not self.position and self.data.close[0] < self.bands.bot[0]:
            self.buy()
        elif self.position and self.data.close[0] > self.bands.mid[0]:
            self.close()


def main():
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(
        bt.feeds.YahooFinanceCSVData(
            dataname="data/IWM.csv",
            fromdate=datetime.datetime(2015, 1, 1),
            todate=datetime.datetime(2023, 12, 31),
        )
    )
    cerebro.addstrategy(BollingerReversion)
    cerebro.broker.setcash(50_000)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=50)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe", timeframe=bt.TimeFrame.Days, annualize=True)
    cerebro.addanalyzer(bt.analyzers.SQN, _name="sqn")
    strategy = cerebro.run()[0]  # expect: SL502
    print("sharpe", strategy.analyzers.sharpe.get_analysis()["sharperatio"])
    print("sqn", strategy.analyzers.sqn.get_analysis()["sqn"])


if __name__ == "__main__":
    main()
