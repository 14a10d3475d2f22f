# kind: real-bug
# framework: vectorbt
# why: pandas_ta's ichimoku returns the chikou span (ICS_26) as the close shifted 26 bars into the past, so its value at t is close[t+26]; the reporter saw it correlate suspiciously and the entries below use it
# source: https://github.com/twopirllc/pandas-ta/issues/115
import pandas as pd
import pandas_ta as ta
import vectorbt as vbt

FEE = 0.001

ohlc = vbt.YFData.download("ETH-USD", start="2018-01-01", end="2023-12-31").get(["High", "Low", "Close"])
high, low, close = ohlc["High"], ohlc["Low"], ohlc["Close"]

ichimoku_lines, _ = ta.ichimoku(high, low, close, tenkan=9, kijun=26, senkou=52)  # expect: SL215
tenkan = ichimoku_lines["ITS_9"]
kijun = ichimoku_lines["IKS_26"]
chikou = ichimoku_lines["ICS_26"]

entries = (tenkan > kijun) & (tenkan.shift(1) <= kijun.shift(1)) & (chikou > close)
exits = (tenkan < kijun) & (tenkan.shift(1) >= kijun.shift(1))

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, freq="1D")
print(pf.stats())
