# kind: lookalike
# framework: research
# why: target_{h}d and fwd_21d are built with shift(-h) but the feature list excludes every target / fwd column; they are only ever the y of a fit and the truth of a score
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HORIZONS = (5, 10)

df = pd.read_csv("data/XLK.csv", index_col="Date", parse_dates=True).sort_index()
df = df.rename(columns=str.lower)
close = df["close"]
ret = close.pct_change()

df["mom_5"] = close.pct_change(5)
df["mom_21"] = close.pct_change(21)
df["mom_126"] = close.pct_change(126)
df["vol_21"] = ret.rolling(21).std()
df["vol_63"] = ret.rolling(63).std()
df["gap"] = df["open"] / close.shift(1) - 1
df["range_21"] = (df["high"].rolling(21).max() - df["low"].rolling(21).min()) / close
df["vol_chg"] = np.log(df["volume"]).diff(5)

for h in HORIZONS:
    df[f"target_{h}d"] = close.shift(-h) / close - 1
df["fwd_21d"] = close.pct_change(21).shift(-21)

RAW = {"open", "high", "low", "close", "adj close", "volume"}
FEATURES = [c for c in df.columns if c not in RAW and not c.startswith(("target_", "fwd_"))]
print("features:", FEATURES)

results = {}
for label in [f"target_{h}d" for h in HORIZONS] + ["fwd_21d"]:
    data = df.dropna(subset=FEATURES + [label])
    train = data.loc[:"2018-12-31"]
    test = data.loc["2019-01-01":]
    model = make_pipeline(StandardScaler(), Ridge(alpha=5.0))
    model.fit(train[FEATURES], train[label])
    pred = pd.Series(model.predict(test[FEATURES]), index=test.index)
    results[label] = {
        "r2": r2_score(test[label], pred),
        "ic": pred.corr(test[label], method="spearman"),
        "hit": (np.sign(pred) == np.sign(test[label])).mean(),
    }

print(pd.DataFrame(results).T.round(4))

# Trade the 5-day model once a week on the next open.
data = df.dropna(subset=FEATURES + ["target_5d"])
train, test = data.loc[:"2018-12-31"], data.loc["2019-01-01":]
model = make_pipeline(StandardScaler(), Ridge(alpha=5.0)).fit(train[FEATURES], train["target_5d"])
weekly_signal = pd.Series(np.sign(model.predict(test[FEATURES])), index=test.index).resample("W-FRI").last()
pos = weekly_signal.reindex(test.index, method="ffill").shift(1)
pnl = pos * ret.reindex(test.index)
print("weekly-rebalanced Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
