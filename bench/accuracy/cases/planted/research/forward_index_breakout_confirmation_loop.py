# kind: planted
# framework: research
# why: the breakout loop confirms an entry with the next bar's close, which is not known when the position is taken
import numpy as np
import pandas as pd

LOOKBACK = 55
EXIT_LOOKBACK = 20
FEE = 0.0005

ohlc = pd.read_csv("data/gold_futures_daily.csv", index_col="date", parse_dates=True).sort_index()
ohlc = ohlc.loc["2010-01-01":]

closes = ohlc["close"].to_numpy()
highs = ohlc["high"].to_numpy()
lows = ohlc["low"].to_numpy()
n = len(closes)

upper = ohlc["high"].rolling(LOOKBACK).max().shift(1).to_numpy()
lower = ohlc["low"].rolling(EXIT_LOOKBACK).min().shift(1).to_numpy()

positions = np.zeros(n)
in_trade = False
for i in range(LOOKBACK, n - 1):
    if not in_trade:
        breakout = closes[i] > upper[i]
        confirmed = closes[i + 1] > closes[i]  # expect: SL208
        if breakout and confirmed:
            in_trade = True
    else:
        if closes[i] < lower[i]:
            in_trade = False
    positions[i] = 1.0 if in_trade else 0.0

pos = pd.Series(positions, index=ohlc.index)
ret = ohlc["close"].pct_change()
trades = pos.diff().abs().fillna(0)
strategy = pos.shift(1) * ret - trades * FEE

equity = (1 + strategy.fillna(0)).cumprod()
years = (equity.index[-1] - equity.index[0]).days / 365.25
cagr = equity.iloc[-1] ** (1 / years) - 1
sharpe = strategy.mean() / strategy.std() * np.sqrt(252)
print(f"CAGR {cagr:.2%}  Sharpe {sharpe:.2f}  trades {int(trades.sum() / 2)}")
print(f"exposure {pos.mean():.1%}")
