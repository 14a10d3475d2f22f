# kind: planted
# framework: vectorbt
# why: the hourly EMA, stamped at each candle's close, is upsampled to the 5m grid and linearly interpolated, so every 5m row between two hourly closes leans on the next hourly value
import pandas as pd
import vectorbt as vbt

FEE = 0.001

data = vbt.BinanceData.download("SOLUSDT", start="2022-06-01", end="2023-06-01", interval="5m")
close_5m = data.get("Close")

hourly = vbt.BinanceData.download("SOLUSDT", start="2022-06-01", end="2023-06-01", interval="1h").get("Close")
hourly_ema = hourly.ewm(span=12, adjust=False).mean()
hourly_ema.index = hourly_ema.index + pd.Timedelta(hours=1)  # stamp each hourly value at its candle's close
trend_5m = hourly_ema.resample("5min").interpolate(method="linear")  # expect: SL217
trend_5m = trend_5m.reindex(close_5m.index).ffill()

rsi = vbt.RSI.run(close_5m, window=14).rsi
entries = (close_5m > trend_5m) & (rsi < 40)
exits = (close_5m < trend_5m) | (rsi > 70)

pf = vbt.Portfolio.from_signals(close_5m, entries, exits, fees=FEE, freq="5min")
print(pf.total_return(), pf.sharpe_ratio(), pf.max_drawdown())
