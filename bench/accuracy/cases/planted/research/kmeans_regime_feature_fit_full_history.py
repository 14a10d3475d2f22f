# kind: planted
# framework: research
# why: the volatility / trend regimes come from a KMeans fitted on the whole 2005-2024 history; the regime column then feeds a classifier scored on 2019-2024
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

N_REGIMES = 4

spx = pd.read_csv("data/spx_daily.csv", index_col="date", parse_dates=True).sort_index()
vix = pd.read_csv("data/vix_daily.csv", index_col="date", parse_dates=True).sort_index()["close"]

df = spx[["open", "high", "low", "close"]].join(vix.rename("vix"), how="inner")
r = np.log(df["close"]).diff()
df["rv_21"] = r.rolling(21).std() * np.sqrt(252)
df["trend_63"] = df["close"] / df["close"].rolling(63).mean() - 1
df["vix_term"] = df["vix"] / df["vix"].rolling(21).mean() - 1
df["range_pct"] = (df["high"] - df["low"]) / df["close"]
df["ret_5"] = df["close"].pct_change(5)
df["ret_1"] = r
df["up_next_week"] = (df["close"].shift(-5) > df["close"]).astype(int)
df = df.dropna()

REGIME_COLS = ["rv_21", "trend_63", "vix_term"]
regimes = make_pipeline(StandardScaler(), KMeans(n_clusters=N_REGIMES, n_init=20, random_state=3))
regimes.fit(df[REGIME_COLS])  # expect: SL204
df["regime"] = regimes.predict(df[REGIME_COLS])

summary = df.groupby("regime")[["rv_21", "trend_63", "ret_1"]].mean()
summary["days"] = df["regime"].value_counts()
print(summary.round(4))

dummies = pd.get_dummies(df["regime"], prefix="reg", dtype=float)
df = df.join(dummies)
FEATURES = ["ret_1", "ret_5", "range_pct", "vix_term"] + list(dummies.columns)

train = df.loc[:"2018-12-31"]
test = df.loc["2019-01-01":]

clf = HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=300, l2_regularization=1.0)
clf.fit(train[FEATURES], train["up_next_week"])
proba = clf.predict_proba(test[FEATURES])[:, 1]

print("test AUC:", round(roc_auc_score(test["up_next_week"], proba), 4))
print("test accuracy:", round(accuracy_score(test["up_next_week"], proba > 0.5), 4))

signal = pd.Series(np.where(proba > 0.55, 1.0, 0.0), index=test.index)
daily_ret = test["close"].pct_change()
strat = signal.shift(1) * daily_ret
print("test CAGR:", round((1 + strat.fillna(0)).prod() ** (252 / len(strat)) - 1, 4))
