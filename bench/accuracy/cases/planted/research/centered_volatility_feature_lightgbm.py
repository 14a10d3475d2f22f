# kind: planted
# framework: research
# why: the realised-volatility feature uses a centred 21-day window, so half of it is future returns
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score

SYMBOL = "EURUSD"

raw = pd.read_csv(f"data/fx/{SYMBOL}_daily.csv", parse_dates=["date"])
raw = raw.set_index("date").sort_index()
close = raw["close"]

feat = pd.DataFrame(index=raw.index)
feat["r1"] = np.log(close).diff()
feat["r5"] = np.log(close).diff(5)
feat["r20"] = np.log(close).diff(20)
feat["rv_21"] = feat["r1"].rolling(21, center=True).std() * np.sqrt(252)  # expect: SL202
feat["rv_63"] = feat["r1"].rolling(63).std() * np.sqrt(252)
feat["range"] = (raw["high"] - raw["low"]) / close
feat["range_ma"] = feat["range"].rolling(10).mean()
feat["rsi_like"] = feat["r1"].clip(lower=0).rolling(14).mean() / feat["r1"].abs().rolling(14).mean()

label = (np.log(close).diff(5).shift(-5) > 0).astype(int)
data = feat.assign(label=label).dropna()

cols = [c for c in data.columns if c != "label"]
cut = int(len(data) * 0.7)
X_train, y_train = data[cols].iloc[:cut], data["label"].iloc[:cut]
X_test, y_test = data[cols].iloc[cut:], data["label"].iloc[cut:]

params = dict(
    objective="binary",
    learning_rate=0.03,
    num_leaves=15,
    min_child_samples=100,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    verbose=-1,
)
booster = lgb.train(params, lgb.Dataset(X_train, y_train), num_boost_round=300)

p_test = booster.predict(X_test)
print("AUC (test):", round(roc_auc_score(y_test, p_test), 4))

gain = pd.Series(booster.feature_importance("gain"), index=cols).sort_values(ascending=False)
print(gain.head(10))

signal = pd.Series(np.where(p_test > 0.5, 1, -1), index=X_test.index)
daily = np.log(close).diff().reindex(X_test.index)
pnl = signal.shift(1) * daily
print("annualised return:", pnl.mean() * 252, "vol:", pnl.std() * np.sqrt(252))
