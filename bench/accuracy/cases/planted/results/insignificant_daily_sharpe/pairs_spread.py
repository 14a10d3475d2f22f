# kind: planted
# framework: backtrader
# why: 500 daily returns with a per-day Sharpe of 0.04 (0.63 annualised, skew -0.6, kurtosis 7.6): PSR(0) about 0.81 and a minimum track record of about 1,700 days
# strategy-lint: results=results/daily_returns.csv
# expect-file: SL602, SL603
import datetime

import backtrader as bt


class PairsSpread(bt.Strategy):
    params = (("lookback", 60), ("entry_z", 2.0), ("exit_z", 0.5))

    def __init__(self):
        self.spread = self.datas[0].close - self.datas[1].close
        self.mean = bt.ind.SMA(self.spread, period=self.p.lookback)
        self.std = bt.ind.StdDev(self.spread, period=self.p.lookback)

    def next(self):
        if self.std[0] <= 0:
            return
        z = (self.spread[0] - self.mean[0]) / self.std[0]
        if not self.position:
            if z > self.p.entry_z:
                self.order_target_percent(self.datas[0], target=-0.45)
                self.order_target_percent(self.datas[1], target=0.45)
            elif z < -self.p.entry_z:
                self.order_target_percent(self.datas[0], target=0.45)
                self.order_target_percent(self.datas[1], target=-0.45)
        elif abs(z) < self.p.exit_z:
            self.order_target_percent(self.datas[0], target=0.0)
            self.order_target_percent(self.datas[1], target=0.0)


if __name__ == "__main__":
    cerebro = bt.Cerebro()
    for ticker in ("KO", "PEP"):
        cerebro.adddata(
            bt.feeds.YahooFinanceCSVData(
                dataname=f"data/{ticker}.csv",
                fromdate=datetime.datetime(2022, 1, 3),
                todate=datetime.datetime(2023, 11, 30),
            ),
            name=ticker,
        )
    cerebro.addstrategy(PairsSpread)
    cerebro.broker.setcash(200_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.addanalyzer(bt.analyzers.TimeReturn, _name="daily", timeframe=bt.TimeFrame.Days)
    strat = cerebro.run()[0]
    with open("results/daily_returns.csv", "w") as out:
        out.write("date,return\n")
        for day, value in strat.analyzers.daily.get_analysis().items():
            out.write(f"{day:%Y-%m-%d},{value:.6f}\n")
