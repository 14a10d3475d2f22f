"""Daily SMA trend follower on one large-cap stock, tuned with backtesting.py's optimiser.

Every (fast, slow) pair with fast < slow is tried on 2019-2022 and the best Sharpe ratio wins.
The stats of the chosen run and the optimisation heatmap are saved beside this file.
"""
# strategy-lint: results=sma_trend_stats.json, sma_trend_heatmap.csv
import json

import pandas as pd
import talib
from backtesting import Backtest, Strategy
from backtesting.lib import crossover


class SmaTrend(Strategy):
    fast = 20
    slow = 100
    exposure = 0.95

    def init(self):
        close = self.data.Close
        self.sma_fast = self.I(talib.SMA, close, self.fast)
        self.sma_slow = self.I(talib.SMA, close, self.slow)

    def next(self):
        if crossover(self.sma_fast, self.sma_slow):
            self.buy(size=self.exposure)
        elif crossover(self.sma_slow, self.sma_fast):
            self.position.close()


def main() -> None:
    prices = pd.read_csv("prices_2019_2022.csv", index_col="Date", parse_dates=True)
    bt = Backtest(prices, SmaTrend, cash=100_000, commission=0.0005)
    stats, heatmap = bt.optimize(
        fast=range(5, 55, 5),
        slow=range(20, 220, 20),
        constraint=lambda p: p.fast < p.slow,
        maximize="Sharpe Ratio",
        return_heatmap=True,
    )
    heatmap.to_csv("sma_trend_heatmap.csv")
    out = stats.drop(["_strategy", "_equity_curve", "_trades"]).to_dict()
    out["_strategy"] = str(stats._strategy)
    out["_equity_curve"] = stats._equity_curve.to_dict()
    out["_trades"] = stats._trades.to_dict(orient="records")
    with open("sma_trend_stats.json", "w") as f:
        json.dump(out, f, default=str, indent=1)


if __name__ == "__main__":
    main()
