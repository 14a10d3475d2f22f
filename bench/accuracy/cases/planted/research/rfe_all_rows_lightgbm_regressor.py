# kind: planted
# framework: research
# why: recursive feature elimination ranks the 36 candidate features with the target of every row, test quarter included, before the chronological split the LightGBM model is scored on
import numpy as np
import pandas as pd
from lightgbm import LGBMRegressor
from sklearn.feature_selection import RFE
from sklearn.metrics import mean_squared_error

SYMBOL = "QQQ"
HORIZON = 5

ohlcv = pd.read_csv(f"data/{SYMBOL}_daily.csv", index_col="timestamp", parse_dates=True).sort_index()
close, high, low, vol = ohlcv["close"], ohlcv["high"], ohlcv["low"], ohlcv["volume"]
ret = close.pct_change()

cand = {}
for w in (3, 5, 10, 21, 42, 63):
    cand[f"ret_{w}"] = close.pct_change(w)
    cand[f"vol_{w}"] = ret.rolling(w).std()
    cand[f"skew_{w}"] = ret.rolling(max(w, 5)).skew()
    cand[f"ma_gap_{w}"] = close / close.rolling(w).mean() - 1
    cand[f"hl_{w}"] = (high.rolling(w).max() - low.rolling(w).min()) / close
    cand[f"dvol_{w}"] = np.log(vol * close).rolling(w).mean()
X = pd.DataFrame(cand)
y = close.pct_change(HORIZON).shift(-HORIZON).rename("fwd")

data = X.join(y).dropna()
X, y = data.drop(columns="fwd"), data["fwd"]
print(f"{X.shape[1]} candidate features, {len(X)} rows")

ranker = LGBMRegressor(n_estimators=200, learning_rate=0.05, num_leaves=15, min_child_samples=50, verbose=-1)
rfe = RFE(estimator=ranker, n_features_to_select=12, step=2)
rfe.fit(X, y)  # expect: SL204
selected = X.columns[rfe.support_]
print("kept:", list(selected))

cut = int(len(X) * 0.75)
X_train, X_test = X.iloc[:cut][selected], X.iloc[cut:][selected]
y_train, y_test = y.iloc[:cut], y.iloc[cut:]

model = LGBMRegressor(
    n_estimators=600,
    learning_rate=0.02,
    num_leaves=31,
    min_child_samples=100,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=2.0,
    verbose=-1,
)
model.fit(X_train, y_train)
pred = pd.Series(model.predict(X_test), index=X_test.index)

print("test RMSE:", mean_squared_error(y_test, pred) ** 0.5)
print("test rank IC:", round(pred.corr(y_test, method="spearman"), 4))

deciles = pd.qcut(pred, 10, labels=False)
print(y_test.groupby(deciles).mean().mul(1e4).round(1).rename("fwd bps by predicted decile"))
