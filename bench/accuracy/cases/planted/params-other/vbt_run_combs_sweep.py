# kind: planted
# framework: vectorbt
# why: every pair of MA windows from 2 to 100 is backtested (4,851 combinations) before one is picked on 2015-2021 and tried on 2022-2024
import numpy as np
import pandas as pd
import vectorbt as vbt

FEES = 0.001
SLIPPAGE = 0.0005

close = vbt.YFData.download("BTC-USD", start="2015-01-01", end="2024-12-31").get("Close")
in_sample = close.loc[:"2021-12-31"]
out_of_sample = close.loc["2022-01-01":]

windows = np.arange(2, 101)
fast_ma, slow_ma = vbt.MA.run_combs(in_sample, window=windows, r=2, short_names=["fast", "slow"])  # expect: SL103
# Act on the bar after the crossover closes.
entries = fast_ma.ma_crossed_above(slow_ma).shift(1, fill_value=False)
exits = fast_ma.ma_crossed_below(slow_ma).shift(1, fill_value=False)
pf = vbt.Portfolio.from_signals(in_sample, entries, exits, fees=FEES, slippage=SLIPPAGE, freq="1D")

sharpe = pf.sharpe_ratio()
best_fast, best_slow = sharpe.idxmax()
print(f"best in-sample pair: {best_fast}/{best_slow}, sharpe {sharpe.max():.2f}")

fast_oos = vbt.MA.run(out_of_sample, best_fast)
slow_oos = vbt.MA.run(out_of_sample, best_slow)
pf_oos = vbt.Portfolio.from_signals(
    out_of_sample,
    fast_oos.ma_crossed_above(slow_oos).shift(1, fill_value=False),
    fast_oos.ma_crossed_below(slow_oos).shift(1, fill_value=False),
    fees=FEES,
    slippage=SLIPPAGE,
    freq="1D",
)
summary = pd.Series({"in_sample_sharpe": sharpe.max(), "out_of_sample_sharpe": pf_oos.sharpe_ratio()})
print(summary)
