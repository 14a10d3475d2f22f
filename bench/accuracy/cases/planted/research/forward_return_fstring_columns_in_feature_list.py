# kind: planted
# framework: research
# why: the loop builds ret_fwd_{h} next to ret_{h}; the feature list takes every "ret_" column except the target, so ret_fwd_1 and ret_fwd_21 (future returns) become features
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

HORIZONS = (1, 5, 21)
TARGET_H = 5

df = pd.read_csv("data/IWM.csv", index_col="Date", parse_dates=True).sort_index()
df.columns = [c.lower().replace(" ", "_") for c in df.columns]

for h in HORIZONS:
    df[f"ret_{h}"] = df["adj_close"].pct_change(h)
    df[f"ret_fwd_{h}"] = df["adj_close"].pct_change(h).shift(-h)  # expect: SL201

delta = df["adj_close"].diff()
gain = delta.clip(lower=0).ewm(alpha=1 / 14, adjust=False).mean()
loss = (-delta.clip(upper=0)).ewm(alpha=1 / 14, adjust=False).mean()
df["rsi_14"] = 100 - 100 / (1 + gain / loss)
tr = pd.concat(
    [df["high"] - df["low"], (df["high"] - df["close"].shift()).abs(), (df["low"] - df["close"].shift()).abs()],
    axis=1,
).max(axis=1)
df["atr_pct"] = tr.rolling(14).mean() / df["close"]
df["vol_ratio"] = df["volume"] / df["volume"].rolling(50).mean()

TARGET = f"ret_fwd_{TARGET_H}"
df["y"] = (df[TARGET] > 0).astype(int)
FEATURES = [c for c in df.columns if c.startswith("ret_") and c != TARGET] + ["rsi_14", "atr_pct", "vol_ratio"]
df = df.dropna(subset=FEATURES + [TARGET])

train = df.loc[:"2018-12-31"]
test = df.loc["2019-01-01":]

rf = RandomForestClassifier(n_estimators=500, max_depth=6, min_samples_leaf=25, n_jobs=-1, random_state=0)
rf.fit(train[FEATURES], train["y"])
proba = rf.predict_proba(test[FEATURES])[:, 1]

print("features:", FEATURES)
print("test AUC:", round(roc_auc_score(test["y"], proba), 4))
imp = pd.Series(rf.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.round(3))

signal = pd.Series((proba > 0.55).astype(float), index=test.index)
strat = signal.shift(1) * test["adj_close"].pct_change()
print("test Sharpe:", round(strat.mean() / strat.std() * np.sqrt(252), 2))
