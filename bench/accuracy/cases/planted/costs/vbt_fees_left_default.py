# kind: planted
# framework: vectorbt
# why: from_signals is called without fees or slippage and nothing sets the vectorbt portfolio defaults, so trading is free
import numpy as np
import vectorbt as vbt

prices = vbt.YFData.download(["SPY", "TLT", "GLD"], start="2008-01-01", end="2023-12-31").get("Close")

momentum = prices.pct_change(126)
rank = momentum.rank(axis=1, ascending=False)
in_top = (rank <= 1).shift(1, fill_value=False)
entries = in_top & ~in_top.shift(1, fill_value=False)
exits = ~in_top & in_top.shift(1, fill_value=False)

pf = vbt.Portfolio.from_signals(  # expect: SL502
    prices,
    entries,
    exits,
    size=np.inf,
    cash_sharing=True,
    group_by=True,
    freq="1D",
)
print(pf.total_return())
print(pf.sharpe_ratio())
