# kind: planted
# framework: vectorbt
# why: scipy find_peaks runs over the whole close array; a peak at bar t is only a peak because later bars are lower, and exits are placed on those bars
import numpy as np
import pandas as pd
import vectorbt as vbt
from scipy.signal import find_peaks

FEE = 0.001

close = vbt.YFData.download("MSFT", start="2015-01-01", end="2023-12-31").get("Close")
fast = vbt.MA.run(close, window=20)
slow = vbt.MA.run(close, window=100)

peak_idx, _ = find_peaks(close.to_numpy(), distance=10, prominence=2.0)  # expect: SL215
peaks = pd.Series(False, index=close.index)
peaks.iloc[peak_idx] = True

entries = fast.ma_crossed_above(slow)
exits = peaks | fast.ma_crossed_below(slow)

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, freq="1D")
print(pf.stats())
