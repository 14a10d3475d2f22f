# kind: lookalike
# framework: vectorbt
# why: hourly candles stamped at their open are resampled to days with closed="left", label="right", so each daily value is stamped at the moment the day ends and the hours only see completed days
import pandas as pd
import vectorbt as vbt

FEE = 0.001

close = vbt.BinanceData.download("BTCUSDT", start="2021-01-01", end="2023-12-31", interval="1h").get("Close")

daily_close = close.resample("1D", closed="left", label="right").last()
daily_ma = daily_close.rolling(10).mean()
daily_up = (daily_close > daily_ma).reindex(close.index, method="ffill").fillna(False)

fast = vbt.MA.run(close, window=24)
slow = vbt.MA.run(close, window=96)
entries = fast.ma_crossed_above(slow) & daily_up
exits = fast.ma_crossed_below(slow) | ~daily_up

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, slippage=0.0005, freq="1h")
print(pf.stats())
