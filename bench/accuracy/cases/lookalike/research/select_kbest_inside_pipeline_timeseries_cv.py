# kind: lookalike
# framework: research
# why: SelectKBest(mutual_info_regression) sits inside the Pipeline, so cross_validate refits the selection on each fold's training rows; the final fit uses the pre-2022 rows only
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.feature_selection import SelectKBest, mutual_info_regression
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

HORIZON = 21

closes = pd.read_parquet("data/sector_etf_closes.parquet").sort_index()
target_sym = "XLE"
wti = pd.read_csv("data/wti_front_month.csv", index_col="date", parse_dates=True).sort_index()["settle"]
closes = closes.join(wti.rename("WTI"), how="left").ffill()

feat = {}
for sym in closes.columns:
    r = closes[sym].pct_change()
    for w in (5, 21, 63):
        feat[f"{sym}_ret_{w}"] = closes[sym].pct_change(w)
    feat[f"{sym}_vol_21"] = r.rolling(21).std()
X = pd.DataFrame(feat)
y = closes[target_sym].pct_change(HORIZON).shift(-HORIZON).rename("y")
data = X.join(y).dropna()
X, y = data.drop(columns="y"), data["y"]

pipe = Pipeline(
    [
        ("scale", StandardScaler()),
        ("select", SelectKBest(score_func=mutual_info_regression, k=12)),
        ("model", HistGradientBoostingRegressor(max_depth=3, learning_rate=0.04, max_iter=300, l2_regularization=1.0)),
    ]
)

dev_X, dev_y = X.loc[:"2021-12-31"], y.loc[:"2021-12-31"]
hold_X, hold_y = X.loc["2022-01-01":], y.loc["2022-01-01":]

cv = TimeSeriesSplit(n_splits=6, gap=HORIZON)
res = cross_validate(pipe, dev_X, dev_y, cv=cv, scoring=["neg_mean_absolute_error", "r2"], return_estimator=True)
print("CV MAE per fold:", np.round(-res["test_neg_mean_absolute_error"], 5))
print("CV R2 per fold:", np.round(res["test_r2"], 4))

for k, est in enumerate(res["estimator"]):
    kept = dev_X.columns[est.named_steps["select"].get_support()]
    print(f"fold {k}: {', '.join(kept[:6])} ...")

pipe.fit(dev_X, dev_y)
pred = pd.Series(pipe.predict(hold_X), index=hold_X.index)
print("holdout MAE:", round(mean_absolute_error(hold_y, pred), 5))
print("holdout IC:", round(pred.corr(hold_y, method="spearman"), 4))
