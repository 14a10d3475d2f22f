# kind: lookalike
# framework: backtrader
# why: the results path contains a space and is quoted in the directive; the file exists inside the case folder and holds 150 trades with a per-trade Sharpe of 0.33
# strategy-lint: results="reports/sma cross trades.csv"
import datetime

import backtrader as bt


class SmaCross(bt.Strategy):
    params = (("fast", 20), ("slow", 100))

    def __init__(self):
        self.crossovers = {
            data: bt.ind.CrossOver(
                bt.ind.SMA(data.close, period=self.p.fast),
                bt.ind.SMA(data.close, period=self.p.slow),
            )
            for data in self.datas
        }

    def next(self):
        for data, crossover in self.crossovers.items():
            held = self.getposition(data).size
            if not held and crossover[0] > 0:
                self.order_target_percent(data=data, target=0.3)
            elif held and crossover[0] < 0:
                self.close(data=data)


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    for ticker in ("SPY", "QQQ", "IWM"):
        cerebro.adddata(
            bt.feeds.YahooFinanceCSVData(
                dataname=f"data/{ticker}.csv",
                fromdate=datetime.datetime(2021, 1, 1),
                todate=datetime.datetime(2023, 12, 31),
            ),
            name=ticker,
        )
    cerebro.addstrategy(SmaCross)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.addanalyzer(bt.analyzers.Transactions, _name="txn")
    cerebro.run()
