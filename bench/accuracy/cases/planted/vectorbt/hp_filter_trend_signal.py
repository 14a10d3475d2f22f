# kind: planted
# framework: vectorbt
# why: the Hodrick-Prescott filter is solved over the whole price history at once, so the trend value at each day depends on all later days; entries use its slope
import numpy as np
import pandas as pd
import vectorbt as vbt
from statsmodels.tsa.filters.hp_filter import hpfilter

FEE = 0.001

close = vbt.YFData.download("EURUSD=X", start="2012-01-01", end="2023-12-31").get("Close").dropna()
log_close = np.log(close)
cycle, trend = hpfilter(log_close, lamb=129600)  # expect: SL215
trend_slope = trend.diff()
cycle_z = (cycle - cycle.rolling(60).mean()) / cycle.rolling(60).std()

entries = (trend_slope > 0) & (cycle_z < -1.0)
exits = (trend_slope < 0) | (cycle_z > 1.0)

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, freq="1D", init_cash=10_000)
print(pf.stats())
pf.plot().show()
