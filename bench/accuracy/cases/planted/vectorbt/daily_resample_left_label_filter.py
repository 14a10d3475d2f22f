# kind: planted
# framework: vectorbt
# why: hourly prices are resampled to daily bars with pandas' default left labels and joined back onto the hours, so each hour of a day already sees that day's close
import pandas as pd
import vectorbt as vbt

FEE = 0.001

hourly = vbt.BinanceData.download("BTCUSDT", start="2021-01-01", end="2023-12-31", interval="1h").get(["Open", "High", "Low", "Close"])
close = hourly["Close"]

daily_close = close.resample("1D").last()  # expect: SL206
daily_ma = daily_close.rolling(10).mean()
daily_up = (daily_close > daily_ma).reindex(close.index, method="ffill").fillna(False)

fast = vbt.MA.run(close, window=24)
slow = vbt.MA.run(close, window=96)
entries = fast.ma_crossed_above(slow) & daily_up
exits = fast.ma_crossed_below(slow) | ~daily_up

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, slippage=0.0005, freq="1h")
print(pf.stats())
print(pf.trades.records_readable.head())
