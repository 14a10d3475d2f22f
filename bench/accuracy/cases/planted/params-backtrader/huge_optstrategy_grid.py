# kind: planted
# framework: backtrader
# why: five swept parameters multiply into 2.5 million backtests over 2012-2019, validated on 2020-2023
# expect-file: SL103
import datetime

import backtrader as bt


class KeltnerBreakout(bt.Strategy):
    params = (
        ("ema_period", 20),
        ("atr_period", 14),
        ("band_mult", 2.0),
        ("exit_period", 10),
        ("risk_pct", 1.0),
    )

    def __init__(self):
        self.mid = bt.ind.EMA(self.data.close, period=self.p.ema_period)
        self.atr = bt.ind.ATR(self.data, period=self.p.atr_period)
        self.upper = self.mid + self.atr * self.p.band_mult
        self.exit_low = bt.ind.Lowest(self.data.low(-1), period=self.p.exit_period)

    def next(self):
        if not self.position:
            if self.data.close[0] > self.upper[0]:
                risk_cash = self.broker.getvalue() * self.p.risk_pct / 100.0
                size = int(risk_cash / max(self.atr[0], 1e-9))
                if size > 0:
                    self.buy(size=size)
        elif self.data.close[0] < self.exit_low[0]:
            self.close()


def run(fromdate, todate, optimise, **strategy_kwargs):
    cerebro = bt.Cerebro(optreturn=True)
    cerebro.adddata(bt.feeds.GenericCSVData(dataname="data/ES_daily.csv", dtformat="%Y-%m-%d", fromdate=fromdate, todate=todate))
    cerebro.broker.setcash(250_000)
    cerebro.broker.setcommission(commission=2.25, margin=12_000, mult=50)
    cerebro.broker.set_slippage_fixed(0.25)
    cerebro.addanalyzer(bt.analyzers.SharpeRatio, _name="sharpe", timeframe=bt.TimeFrame.Days)
    if optimise:
        cerebro.optstrategy(
            KeltnerBreakout,
            ema_period=range(10, 60),
            atr_period=range(5, 30),
            band_mult=[1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25],
            exit_period=range(5, 45),
            risk_pct=[0.25, 0.5, 0.75, 1.0, 1.25],
        )
    else:
        cerebro.addstrategy(KeltnerBreakout, **strategy_kwargs)
    return cerebro.run()


if __name__ == "__main__":
    runs = run(datetime.datetime(2012, 1, 1), datetime.datetime(2019, 12, 31), optimise=True)
    best = max(runs, key=lambda r: r[0].analyzers.sharpe.get_analysis().get("sharperatio") or float("-inf"))[0]
    chosen = {name: getattr(best.params, name) for name in ("ema_period", "atr_period", "band_mult", "exit_period", "risk_pct")}
    print("in-sample choice:", chosen)
    oos = run(datetime.datetime(2020, 1, 1), datetime.datetime(2023, 12, 31), optimise=False, **chosen)
    print("out-of-sample sharpe:", oos[0].analyzers.sharpe.get_analysis().get("sharperatio"))
