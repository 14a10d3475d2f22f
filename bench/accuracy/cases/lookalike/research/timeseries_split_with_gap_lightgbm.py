# kind: lookalike
# framework: research
# why: hyper-parameters are chosen with TimeSeriesSplit(gap=10), which purges the overlap of the 10-day labels; the final test year is untouched
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit

HORIZON = 10
px = pd.read_csv("data/KWEB.csv", index_col="Date", parse_dates=True).sort_index()
c = px["Close"]

X = pd.DataFrame(index=px.index)
for w in (1, 5, 10, 20, 60):
    X[f"ret_{w}"] = c.pct_change(w)
X["vol_20"] = c.pct_change().rolling(20).std()
X["vol_ratio"] = X["vol_20"] / c.pct_change().rolling(120).std()
y = (c.shift(-HORIZON) / c - 1).rename("target")
data = X.join(y).dropna()

dev = data.loc[:"2022-12-31"]
final = data.loc["2023-01-16":]

search = GridSearchCV(
    lgb.LGBMRegressor(n_estimators=300, verbose=-1),
    param_grid={"num_leaves": [4, 8, 16], "learning_rate": [0.01, 0.03], "min_child_samples": [100, 300]},
    cv=TimeSeriesSplit(n_splits=5, gap=HORIZON),
    scoring="neg_mean_squared_error",
)
search.fit(dev.drop(columns="target"), dev["target"])
print(search.best_params_)

best = search.best_estimator_
pred = pd.Series(best.predict(final.drop(columns="target")), index=final.index)
print("final-year IC:", round(pred.corr(final["target"], method="spearman"), 4))
