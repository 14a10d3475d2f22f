# kind: clean
# framework: vectorbt
# why: monthly rotation into the strongest of three ETFs through from_orders with target-percent sizes chosen on the first trading day of each month from momentum up to the previous close, with fees
import numpy as np
import pandas as pd
import vectorbt as vbt

prices = vbt.YFData.download(["SPY", "TLT", "GLD"], start="2006-01-01", end="2023-12-31").get("Close")

# Momentum known at the previous close.
momentum = prices.pct_change(126).shift(1)
dates = prices.index.to_series()
first_day_of_month = dates.dt.month != dates.shift(1).dt.month

orders = pd.DataFrame(np.nan, index=prices.index, columns=prices.columns)
for ts in prices.index[first_day_of_month.values]:
    scores = momentum.loc[ts]
    if scores.isna().all():
        continue
    orders.loc[ts] = 0.0
    orders.loc[ts, scores.idxmax()] = 1.0

pf = vbt.Portfolio.from_orders(
    prices,
    size=orders,
    size_type="targetpercent",
    fees=0.001,
    slippage=0.0005,
    cash_sharing=True,
    group_by=True,
    call_seq="auto",
    freq="1D",
)
print(pf.stats())
