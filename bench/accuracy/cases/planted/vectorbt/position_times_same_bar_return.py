# kind: planted
# framework: vectorbt
# why: the position is decided from today's close (close above its 50-day MA) and multiplied by today's close-to-close return without a one-bar lag
import numpy as np
import pandas as pd
import vectorbt as vbt

START, END = "2016-01-01", "2023-12-31"
FEE = 0.001

price = vbt.YFData.download("SPY", start=START, end=END).get("Close")
ma_fast = vbt.MA.run(price, window=20)
ma_slow = vbt.MA.run(price, window=50)
rsi = vbt.RSI.run(price, window=14)

trend = (ma_fast.ma > ma_slow.ma) & (price > ma_slow.ma)
not_overbought = rsi.rsi < 75
position = (trend & not_overbought).astype(float)

daily_ret = price.pct_change().fillna(0.0)
turnover = position.diff().abs().fillna(0.0)
strategy_ret = position * daily_ret - turnover * FEE  # expect: SL218

equity = (1 + strategy_ret).cumprod()
stats = strategy_ret.vbt.returns(freq="1D")
print("Total return: %.2f%%" % ((equity.iloc[-1] - 1) * 100))
print("Sharpe: %.2f" % stats.sharpe_ratio())
print("Max drawdown: %.2f%%" % (stats.max_drawdown() * 100))

entries = position.diff() > 0
exits = position.diff() < 0
pf = vbt.Portfolio.from_signals(price, entries, exits, fees=FEE, freq="1D")
print(pf.stats())
