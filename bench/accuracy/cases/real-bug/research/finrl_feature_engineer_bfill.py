# kind: real-bug
# framework: research
# why: the feature-engineering step fills gaps in price-derived indicators by back-filling first, copying later values into earlier rows; the fix forward-fills instead
# source: https://github.com/AI4Finance-Foundation/FinRL/issues/189
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor

TICKERS = ["AAPL", "MSFT", "JPM", "XOM", "JNJ", "PG", "WMT", "CVX"]


def macd(close: pd.Series, fast: int = 12, slow: int = 26) -> pd.Series:
    return close.ewm(span=fast, adjust=False).mean() - close.ewm(span=slow, adjust=False).mean()


def rsi(close: pd.Series, n: int = 30) -> pd.Series:
    delta = close.diff()
    gain = delta.clip(lower=0).rolling(n).mean()
    loss = (-delta.clip(upper=0)).rolling(n).mean()
    return 100 - 100 / (1 + gain / loss)


def add_indicators(df: pd.DataFrame) -> pd.DataFrame:
    out = []
    for tic, g in df.groupby("tic"):
        g = g.sort_values("date").copy()
        g["macd"] = macd(g["close"])
        g["rsi_30"] = rsi(g["close"])
        g["sma_30"] = g["close"].rolling(30).mean()
        g["sma_60"] = g["close"].rolling(60).mean()
        g["turb"] = g["close"].pct_change().rolling(20).std()
        out.append(g)
    merged = pd.concat(out)
    # fill the missing values at the beginning and the end
    merged = merged.fillna(method="bfill").fillna(method="ffill")  # expect: SL205
    return merged


raw = pd.read_csv("data/dow_subset_daily.csv", parse_dates=["date"])
raw = raw[raw["tic"].isin(TICKERS)]
data = add_indicators(raw)

data["fwd_ret"] = data.groupby("tic")["close"].transform(lambda c: c.pct_change(5).shift(-5))
data = data.dropna(subset=["fwd_ret"])

cols = ["macd", "rsi_30", "sma_30", "sma_60", "turb"]
for c in ("sma_30", "sma_60"):
    data[c] = data[c] / data["close"] - 1

train = data[data["date"] < "2020-07-01"]
trade = data[data["date"] >= "2020-07-01"]

model = RandomForestRegressor(n_estimators=200, min_samples_leaf=100, n_jobs=-1, random_state=0)
model.fit(train[cols], train["fwd_ret"])
trade = trade.assign(score=model.predict(trade[cols]))

weekly = trade[trade["date"].dt.dayofweek == 0]
top = weekly.sort_values("score").groupby("date").tail(3)
print("mean 5-day return of top picks:", top["fwd_ret"].mean())
print("mean 5-day return of universe:", weekly["fwd_ret"].mean())
