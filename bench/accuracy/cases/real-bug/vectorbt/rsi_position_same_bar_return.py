# kind: real-bug
# framework: vectorbt
# why: the engine scored signals built from the current bar's close against that same bar's return; with a one-bar lag the RSI(8) > 50 rule's Sharpe went from about +10 to below zero
# source: https://github.com/Nunchi-trade/auto-researchtrading/issues/4
import numpy as np
import pandas as pd
import vectorbt as vbt

FEE = 0.0005

close = vbt.BinanceData.download("BTCUSDT", start="2022-01-01", end="2024-01-01", interval="1h").get("Close")
rsi = vbt.RSI.run(close, window=8).rsi

position = np.where(rsi > 50, 1.0, -1.0)
position = pd.Series(position, index=close.index)
bar_return = close.pct_change().fillna(0.0)

pnl = position * bar_return  # expect: SL218
pnl -= position.diff().abs().fillna(0.0) * FEE

acc = pnl.vbt.returns(freq="1h")
print("sharpe", round(acc.sharpe_ratio(), 2))
print("max drawdown", round(acc.max_drawdown(), 4))
print("total", round(acc.total(), 4))
