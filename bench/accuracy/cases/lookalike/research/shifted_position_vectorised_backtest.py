# kind: lookalike
# framework: research
# why: the crossover position is shifted one bar before it is multiplied by returns, so each day earns the return after the decision
import numpy as np
import pandas as pd
import yfinance as yf

data = yf.download("EWZ", start="2005-01-01", end="2024-12-31", auto_adjust=True, progress=False)
df = pd.DataFrame({"close": data["Close"].squeeze()})
df["ret"] = df["close"].pct_change()
df["sma_fast"] = df["close"].rolling(30).mean()
df["sma_slow"] = df["close"].rolling(120).mean()
df["position"] = np.where(df["sma_fast"] > df["sma_slow"], 1.0, 0.0)
df["held"] = df["position"].shift(1)
df["strategy"] = df["held"] * df["ret"] - df["held"].diff().abs() * 0.0005
df = df.dropna()

curve = (1 + df["strategy"]).cumprod()
bh = (1 + df["ret"]).cumprod()
years = len(df) / 252
print("CAGR strategy:", round(curve.iloc[-1] ** (1 / years) - 1, 4))
print("CAGR buy&hold:", round(bh.iloc[-1] ** (1 / years) - 1, 4))
print("Sharpe:", round(df["strategy"].mean() / df["strategy"].std() * np.sqrt(252), 2))
print("max DD:", round((curve / curve.cummax() - 1).min(), 4))
print("exposure:", round(df["held"].mean(), 3))

# yearly breakdown and trade statistics
yearly = pd.DataFrame({
    "strategy": df["strategy"].groupby(df.index.year).apply(lambda r: (1 + r).prod() - 1),
    "buy_hold": df["ret"].groupby(df.index.year).apply(lambda r: (1 + r).prod() - 1),
})
print(yearly.round(3))

entries = df.index[(df["held"].diff() == 1)]
exits = df.index[(df["held"].diff() == -1)]
print("round trips:", min(len(entries), len(exits)))
durations = [(x - e).days for e, x in zip(entries, exits) if x > e]
if durations:
    print("median holding period (days):", int(np.median(durations)))

rolling_sharpe = df["strategy"].rolling(252).mean() / df["strategy"].rolling(252).std() * np.sqrt(252)
print("share of years with positive rolling Sharpe:", round((rolling_sharpe > 0).mean(), 3))
print("worst month:", round(df["strategy"].resample("ME").sum().min(), 4))
