# kind: planted
# framework: backtrader
# why: an SMA/RSI grid is optimised on four months of daily bars (one regime), then checked on the next quarter
import datetime

import backtrader as bt


class SmaRsi(bt.Strategy):
    params = (
        ("fast", 10),
        ("slow", 40),
        ("rsi_period", 14),
        ("rsi_exit", 70),
    )

    def __init__(self):
        self.fast_sma = bt.ind.SMA(self.data.close, period=self.p.fast)
        self.slow_sma = bt.ind.SMA(self.data.close, period=self.p.slow)
        self.cross = bt.ind.CrossOver(self.fast_sma, self.slow_sma)
        self.rsi = bt.ind.RSI(self.data.close, period=self.p.rsi_period)

    def next(self):
        if not self.position:
            if self.cross[0] > 0:
                self.buy()
        elif self.cross[0] < 0 or self.rsi[0] > self.p.rsi_exit:
            self.close()


def make_feed(start, end):
    return bt.feeds.YahooFinanceCSVData(dataname="data/SPY.csv", fromdate=start, todate=end, reverse=False)


def optimise():
    cerebro = bt.Cerebro(optreturn=True, maxcpus=4)
    cerebro.adddata(
        bt.feeds.YahooFinanceCSVData(
            dataname="data/SPY.csv",
            fromdate=datetime.datetime(2021, 1, 4),  # expect: SL304
            todate=datetime.datetime(2021, 4, 30),
            reverse=False,
        )
    )
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=95)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe", timeframe=bt.TimeFrame.Days)
    cerebro.optstrategy(SmaRsi, fast=[5, 10, 15, 20], slow=[30, 40, 50], rsi_exit=[65, 70, 75])
    runs = cerebro.run()
    scored = []
    for run in runs:
        result = run[0]
        ratio = result.analyzers.sharpe.get_analysis().get("sharperatio") or float("-inf")
        scored.append((ratio, result.params.fast, result.params.slow, result.params.rsi_exit))
    return max(scored)


def out_of_sample(fast, slow, rsi_exit):
    cerebro = bt.Cerebro()
    cerebro.adddata(make_feed(datetime.datetime(2021, 5, 3), datetime.datetime(2021, 7, 30)))
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=0.0005)
    cerebro.addsizer(bt.sizers.PercentSizer, percents=95)
    cerebro.addstrategy(SmaRsi, fast=fast, slow=slow, rsi_exit=rsi_exit)
    cerebro.run()
    return cerebro.broker.getvalue()


if __name__ == "__main__":
    best_sharpe, fast, slow, rsi_exit = optimise()
    print(f"in-sample best: fast={fast} slow={slow} rsi_exit={rsi_exit} sharpe={best_sharpe:.2f}")
    print(f"out-of-sample final value: {out_of_sample(fast, slow, rsi_exit):,.2f}")
