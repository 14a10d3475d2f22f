# kind: real-bug
# framework: vectorbt
# why: 15-minute bars built with pandas resample are stamped at their start but hold the close of the end of the window; aligning them to 1-minute rows gives each minute the close of its 15-minute window before it happens
# source: https://github.com/TorchTrade/torchtrade/issues/10
import pandas as pd
import vectorbt as vbt

FEE = 0.0004

minute = vbt.BinanceData.download("ETHUSDT", start="2023-01-01", end="2023-04-01", interval="1m").get(["Open", "High", "Low", "Close"])
close_1m = minute["Close"]

bars_15m = minute.resample("15min").agg({"Open": "first", "High": "max", "Low": "min", "Close": "last"})  # expect: SL206
ema_15m = bars_15m["Close"].ewm(span=20, adjust=False).mean()
aligned_close = bars_15m["Close"].reindex(close_1m.index, method="ffill")
aligned_ema = ema_15m.reindex(close_1m.index, method="ffill")

trend_up = aligned_close > aligned_ema
fast = close_1m.ewm(span=10, adjust=False).mean()
entries = trend_up & (close_1m > fast) & (close_1m.shift(1) <= fast.shift(1))
exits = ~trend_up

pf = vbt.Portfolio.from_signals(close_1m, entries, exits, fees=FEE, freq="1min")
print(pf.stats())
