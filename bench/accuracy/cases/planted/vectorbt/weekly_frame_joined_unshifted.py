# kind: planted
# framework: vectorbt
# why: weekly candles downloaded separately are stamped at the week's open; joining them onto daily rows and forward-filling gives every day of the week that week's final close and RSI
import pandas as pd
import vectorbt as vbt

FEE = 0.001
SYMBOL = "BTC-USD"

daily = vbt.YFData.download(SYMBOL, start="2017-01-01", end="2024-01-01", interval="1d").get("Close")
weekly = vbt.YFData.download(SYMBOL, start="2017-01-01", end="2024-01-01", interval="1wk").get("Close")

weekly_frame = pd.DataFrame({"w_close": weekly, "w_rsi": vbt.RSI.run(weekly, window=14).rsi})
frame = daily.to_frame("close").join(weekly_frame, how="left")  # expect: SL216
frame[["w_close", "w_rsi"]] = frame[["w_close", "w_rsi"]].ffill()

fast = vbt.MA.run(frame["close"], window=10).ma
entries = (frame["w_rsi"] > 50) & (frame["close"] > fast)
exits = (frame["w_rsi"] < 45) | (frame["close"] < fast)

pf = vbt.Portfolio.from_signals(frame["close"], entries, exits, fees=FEE, freq="1D")
print(pf.stats())
