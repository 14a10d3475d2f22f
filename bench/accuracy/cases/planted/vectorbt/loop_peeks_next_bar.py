# kind: planted
# framework: vectorbt
# why: the entry array is filled in a Python loop over the whole history that checks close[i + 1] before marking bar i
import numpy as np
import pandas as pd
import vectorbt as vbt

FEE = 0.001

close = vbt.YFData.download("AAPL", start="2015-01-01", end="2023-12-31").get("Close")
values = close.to_numpy()
rsi = vbt.RSI.run(close, window=2).rsi.to_numpy()

entries = np.zeros(len(values), dtype=bool)
exits = np.zeros(len(values), dtype=bool)
for i in range(200, len(values) - 1):
    long_term = values[i - 200:i + 1].mean()
    confirms = values[i + 1] > values[i]  # expect: SL208
    if values[i] > long_term and rsi[i] < 10 and confirms:
        entries[i] = True
    if rsi[i] > 70:
        exits[i] = True

entries = pd.Series(entries, index=close.index)
exits = pd.Series(exits, index=close.index)
pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, freq="1D")
print(pf.stats())
