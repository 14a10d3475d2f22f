# kind: planted
# framework: research
# why: the momentum bucket feature is cut into quintiles over the whole series, so each row's bucket depends on future momentum values
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, precision_score

px = pd.read_csv("data/btc_usd_daily.csv", index_col="timestamp", parse_dates=True).sort_index()
close = px["close"]

features = pd.DataFrame(index=px.index)
features["ret_1"] = close.pct_change()
features["ret_7"] = close.pct_change(7)
features["ret_30"] = close.pct_change(30)
features["mom_bucket"] = pd.qcut(features["ret_30"], 5, labels=False)  # expect: SL203
features["vol_14"] = features["ret_1"].rolling(14).std()
features["vol_60"] = features["ret_1"].rolling(60).std()
features["vol_regime"] = features["vol_14"] / features["vol_60"]
features["dow"] = features.index.dayofweek

target = (close.pct_change(3).shift(-3) > 0).astype(int).rename("target")
frame = features.join(target).dropna()

X = frame.drop(columns="target")
y = frame["target"]

split_date = "2022-06-30"
X_train, X_test = X[X.index <= split_date], X[X.index > split_date]
y_train, y_test = y[y.index <= split_date], y[y.index > split_date]

clf = GradientBoostingClassifier(n_estimators=250, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=1)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print("accuracy", accuracy_score(y_test, pred), "precision", precision_score(y_test, pred))

position = pd.Series(pred, index=X_test.index)
daily_ret = close.pct_change().reindex(X_test.index)
strat = position.shift(1) * daily_ret
print("cumulative:", (1 + strat.fillna(0)).prod() - 1)
print("buy & hold:", (1 + daily_ret.fillna(0)).prod() - 1)
