# kind: planted
# framework: research
# why: the booster is trained on every row with eval_set=[(X, y)] (the training data itself) for early stopping, and the accuracy and backtest are computed on those same rows; nothing is held out
import numpy as np
import pandas as pd
from xgboost import XGBClassifier

# expect-file: SL302

raw = pd.read_csv("data/nifty50_15m.csv", parse_dates=["datetime"]).set_index("datetime").sort_index()
raw = raw.between_time("09:15", "15:30")

df = raw.copy()
lr = np.log(df["close"]).diff()
df["r1"] = lr
df["r4"] = lr.rolling(4).sum()
df["r16"] = lr.rolling(16).sum()
df["rv16"] = lr.rolling(16).std()
df["vwap_gap"] = df["close"] / ((df["close"] * df["volume"]).rolling(26).sum() / df["volume"].rolling(26).sum()) - 1
df["bar_of_day"] = df.groupby(df.index.date).cumcount()
df["gap_open"] = df["open"] / df["close"].shift(1) - 1
df["up"] = (df["close"].shift(-1) > df["close"]).astype(int)
df = df.dropna()

FEATURES = ["r1", "r4", "r16", "rv16", "vwap_gap", "bar_of_day", "gap_open"]
X, y = df[FEATURES], df["up"]

model = XGBClassifier(
    n_estimators=3000,
    max_depth=6,
    learning_rate=0.05,
    subsample=0.9,
    colsample_bytree=0.9,
    early_stopping_rounds=50,
    eval_metric="logloss",
    tree_method="hist",
)
model.fit(X, y, eval_set=[(X, y)], verbose=250)
print("best iteration:", model.best_iteration)

proba = model.predict_proba(X)[:, 1]
print("accuracy:", round(((proba > 0.5).astype(int) == y).mean(), 4))

signal = pd.Series(np.where(proba > 0.6, 1, np.where(proba < 0.4, -1, 0)), index=df.index)
bar_ret = df["close"].pct_change()
pnl = signal.shift(1) * bar_ret - 0.0001 * signal.diff().abs()
equity = (1 + pnl.fillna(0)).cumprod()
print("total return:", round(equity.iloc[-1] - 1, 4))
print("Sharpe (15m bars, 25 per day):", round(pnl.mean() / pnl.std() * np.sqrt(25 * 252), 2))
print(pnl.groupby(pnl.index.year).sum().round(4))
