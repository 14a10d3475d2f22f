"""Moving-average crossover sweep: every (fast, slow) pair on five years of daily closes.

The best pair by Sharpe ratio is what this notebook-turned-script reports. The daily returns
of all 60 configurations are exported for review with `pf.returns().to_csv(...)`.
"""
# strategy-lint: results=ma_sweep_trials.csv
import numpy as np
import pandas as pd
import vectorbt as vbt

close = pd.read_csv("data/QQQ_daily.csv", index_col="date", parse_dates=True)["close"]

fast_windows = np.arange(5, 35, 5)      # 5, 10, ..., 30
slow_windows = np.arange(40, 140, 10)   # 40, 50, ..., 130

fast_ma = vbt.MA.run(close, window=fast_windows, short_name="fast", param_product=True)
slow_ma = vbt.MA.run(close, window=slow_windows, short_name="slow", param_product=True)

entries = fast_ma.ma_crossed_above(slow_ma)
exits = fast_ma.ma_crossed_below(slow_ma)

pf = vbt.Portfolio.from_signals(close, entries, exits, init_cash=10_000, fees=0, freq="1D")

sharpe = pf.sharpe_ratio()
best = sharpe.idxmax()
print(f"best (fast, slow) = {best}: Sharpe {sharpe[best]:.2f}, total return {pf.total_return()[best]:.1%}")

pf.returns().to_csv("ma_sweep_trials.csv", index_label="date")
