# kind: planted
# framework: research
# why: the dual moving-average position is multiplied by the return of the same bar whose close produced it
import numpy as np
import pandas as pd
import yfinance as yf

FAST, SLOW = 20, 100
COST_BPS = 2

data = yf.download("GLD", start="2006-01-01", end="2024-06-30", auto_adjust=True, progress=False)
df = pd.DataFrame({"close": data["Close"].squeeze()})

df["ret"] = df["close"].pct_change()
df["fast"] = df["close"].ewm(span=FAST, adjust=False).mean()
df["slow"] = df["close"].ewm(span=SLOW, adjust=False).mean()
df["position"] = np.where(df["fast"] > df["slow"], 1.0, -1.0)
df.loc[df.index[:SLOW], "position"] = 0.0

df["turnover"] = df["position"].diff().abs().fillna(0)
df["strategy"] = df["position"] * df["ret"] - df["turnover"] * COST_BPS / 1e4  # expect: SL218
df = df.dropna()

equity = (1 + df["strategy"]).cumprod()
bh = (1 + df["ret"]).cumprod()

def stats(r: pd.Series) -> dict:
    ann = (1 + r).prod() ** (252 / len(r)) - 1
    vol = r.std() * np.sqrt(252)
    curve = (1 + r).cumprod()
    dd = (curve / curve.cummax() - 1).min()
    return {"CAGR": round(ann, 4), "vol": round(vol, 4), "Sharpe": round(ann / vol, 2), "maxDD": round(dd, 4)}

print("strategy", stats(df["strategy"]))
print("buy/hold", stats(df["ret"]))

yearly = df["strategy"].groupby(df.index.year).apply(lambda r: (1 + r).prod() - 1)
print(yearly.round(3))
print("final equity", round(equity.iloc[-1], 2), "vs", round(bh.iloc[-1], 2))
