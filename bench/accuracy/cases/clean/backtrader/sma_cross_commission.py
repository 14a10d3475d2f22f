# kind: clean
# framework: backtrader
# why: the canonical backtrader SMA crossover with a percent sizer, a 0.1 % commission and standard analyzers
import datetime

import backtrader as bt


class SmaCross(bt.Strategy):
    params = dict(pfast=10, pslow=30)

    def __init__(self):
        sma1 = bt.ind.SMA(period=self.p.pfast)
        sma2 = bt.ind.SMA(period=self.p.pslow)
        self.crossover = bt.ind.CrossOver(sma1, sma2)

    def next(self):
        if not self.position:
            if self.crossover > 0:
                self.buy()
        elif self.crossover < 0:
            self.close()


def main():
    cerebro = bt.Cerebro()
    data = bt.feeds.YahooFinanceCSVData(
        dataname="data/MSFT.csv",
        fromdate=datetime.datetime(2011, 1, 1),
        todate=datetime.datetime(2023, 12, 31),
    )
    cerebro.adddata(data)
    cerebro.addstrategy(SmaCross)
    cerebro.broker.setcash(100_000.0)
    cerebro.broker.setcommission(commission=0.001)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=95)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe", timeframe=bt.TimeFrame.Days, annualize=True)
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name="drawdown")
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name="trades")

    print(f"Starting Portfolio Value: {cerebro.broker.getvalue():.2f}")
    strat = cerebro.run()[0]
    print(f"Final Portfolio Value: {cerebro.broker.getvalue():.2f}")
    print("Sharpe:", strat.analyzers.sharpe.get_analysis().get("sharperatio"))
    print("Max drawdown %:", strat.analyzers.drawdown.get_analysis().max.drawdown)


if __name__ == "__main__":
    main()
