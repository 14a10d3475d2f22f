# kind: planted
# framework: vectorbt
# why: pandas_ta's dpo defaults to centered=True, which shifts the result back by length/2 + 1 bars, so the oscillator at t uses closes after t; entries cross it above zero
import pandas as pd
import pandas_ta as ta
import vectorbt as vbt

FEE = 0.001

ohlc = vbt.YFData.download("GLD", start="2014-01-01", end="2023-12-31").get(["Open", "High", "Low", "Close", "Volume"])
close = ohlc["Close"]

dpo = ta.dpo(close, length=20)  # expect: SL215
adx = ta.adx(ohlc["High"], ohlc["Low"], close, length=14)["ADX_14"]
ema = ta.ema(close, length=100)

entries = (dpo > 0) & (dpo.shift(1) <= 0) & (adx < 25) & (close > ema)
exits = (dpo < 0) & (dpo.shift(1) >= 0)

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, slippage=0.0005, freq="1D")
print(pf.stats())
