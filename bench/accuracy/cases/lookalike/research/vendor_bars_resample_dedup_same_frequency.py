# kind: lookalike
# framework: research
# why: the vendor's 5-minute file repeats and revises bars; resample("5min") on the same frequency only de-duplicates and regularises them, nothing is joined back onto finer bars
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

raw = pd.read_csv("data/vendor_cl_5m.csv", parse_dates=["timestamp"])
raw = raw.sort_values(["timestamp", "revision"]).set_index("timestamp")
print("duplicate stamps:", raw.index.duplicated().sum())

# One bar per 5-minute stamp: the last revision wins; empty stamps stay NaN and are dropped.
bars = raw.resample("5min").agg(
    {"open": "first", "high": "max", "low": "min", "close": "last", "volume": "sum"}
)
bars = bars[bars["volume"] > 0].dropna()

# Session-level daily frame for a report only (not merged back).
daily = bars.resample("1D").agg({"close": "last", "volume": "sum"}).dropna()
print(daily.tail())

lr = np.log(bars["close"]).diff()
df = pd.DataFrame(index=bars.index)
df["r1"] = lr
df["r6"] = lr.rolling(6).sum()
df["r24"] = lr.rolling(24).sum()
df["rv24"] = lr.rolling(24).std()
df["vol_rel"] = bars["volume"] / bars["volume"].rolling(78).mean()
df["clv"] = ((bars["close"] - bars["low"]) - (bars["high"] - bars["close"])) / (bars["high"] - bars["low"])
df["y"] = (bars["close"].shift(-6) > bars["close"]).astype(int)
df = df.replace([np.inf, -np.inf], np.nan).dropna().iloc[:-6]

FEATURES = ["r1", "r6", "r24", "rv24", "vol_rel", "clv"]
train = df[df.index < "2023-07-01"]
test = df[df.index >= "2023-07-01"]

rf = RandomForestClassifier(n_estimators=300, max_depth=6, min_samples_leaf=200, n_jobs=-1, random_state=0)
rf.fit(train[FEATURES], train["y"])
proba = rf.predict_proba(test[FEATURES])[:, 1]
print("test AUC:", round(roc_auc_score(test["y"], proba), 4))

signal = pd.Series(np.where(proba > 0.54, 1, np.where(proba < 0.46, -1, 0)), index=test.index)
pnl = signal.shift(1) * lr.reindex(test.index) - 0.0002 * signal.diff().abs()
print("test Sharpe (5m, 276 bars/day):", round(pnl.mean() / pnl.std() * np.sqrt(276 * 252), 2))
