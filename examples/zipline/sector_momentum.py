"""Monthly sector-ETF momentum with zipline-reloaded, costs switched off.

Holds the three sector ETFs with the best 6-month return, each above its 200-day average. The
backtest's `perf` frame is saved next to this file (`perf.to_csv`), never pickled.
"""
# strategy-lint: results=sector_momentum_perf.csv
import pandas as pd
from zipline import run_algorithm
from zipline.api import (
    date_rules,
    order_target_percent,
    record,
    schedule_function,
    set_commission,
    set_slippage,
    symbols,
    time_rules,
)
from zipline.finance import commission, slippage


def initialize(context):
    context.universe = symbols("XLB", "XLE", "XLF", "XLI", "XLK", "XLP", "XLU", "XLV", "XLY")
    context.top_n = 3
    context.momentum_days = 126
    context.trend_days = 200
    context.weight = 0.32
    set_commission(commission.PerShare(cost=0.0, min_trade_cost=0.0))
    set_slippage(slippage.FixedSlippage(spread=0.0))
    schedule_function(rebalance, date_rules.month_start(), time_rules.market_open(minutes=30))


def rebalance(context, data):
    prices = data.history(context.universe, "price", bar_count=context.trend_days, frequency="1d")
    momentum = prices.iloc[-1] / prices.iloc[-context.momentum_days] - 1
    above_trend = prices.iloc[-1] > prices.mean()
    leaders = momentum[above_trend].nlargest(context.top_n).index
    for asset in context.universe:
        order_target_percent(asset, context.weight if asset in leaders else 0.0)
    record(leaders=len(leaders))


if __name__ == "__main__":
    perf = run_algorithm(
        start=pd.Timestamp("2021-01-04"),
        end=pd.Timestamp("2022-12-30"),
        initialize=initialize,
        capital_base=100_000,
        bundle="quandl",
    )
    perf.to_csv("sector_momentum_perf.csv")
