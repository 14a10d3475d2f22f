# kind: planted
# framework: research
# why: the grid tries every max_depth from 2 to 29 against four other settings (1,680 candidates) and the best cross-validated score is reported as the model's skill
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit

px = pd.read_csv("data/copper_daily.csv", index_col="date", parse_dates=True).sort_index()
lme = px["lme_close"]
stocks = pd.read_csv("data/lme_copper_stocks.csv", index_col="date", parse_dates=True).sort_index()["tonnes"]
cny = pd.read_csv("data/usdcny.csv", index_col="date", parse_dates=True).sort_index()["close"]

df = pd.DataFrame({"cu": lme}).join(stocks.rename("stocks")).join(cny.rename("cny"))
df = df.ffill().dropna()
df["ret_5"] = df["cu"].pct_change(5)
df["ret_20"] = df["cu"].pct_change(20)
df["ret_60"] = df["cu"].pct_change(60)
df["vol_20"] = df["cu"].pct_change().rolling(20).std()
df["stocks_chg_20"] = df["stocks"].pct_change(20)
df["cny_chg_20"] = df["cny"].pct_change(20)
df["fwd_20"] = df["cu"].pct_change(20).shift(-20)
df = df.dropna()

FEATURES = ["ret_5", "ret_20", "ret_60", "vol_20", "stocks_chg_20", "cny_chg_20"]
dev = df.loc[:"2020-12-31"]
hold = df.loc["2021-01-01":]

param_grid = {
    "max_depth": list(range(2, 30)),
    "n_estimators": [100, 200, 400, 800],
    "min_samples_leaf": [1, 5, 10, 20, 50],
    "max_features": ["sqrt", 0.5, 1.0],
}
search = GridSearchCV(RandomForestRegressor(random_state=0, n_jobs=-1), param_grid, cv=TimeSeriesSplit(n_splits=5, gap=20), scoring="neg_mean_absolute_error")  # expect: SL103
search.fit(dev[FEATURES], dev["fwd_20"])

print("best params:", search.best_params_)
print("best CV MAE:", round(-search.best_score_, 5))
cv = pd.DataFrame(search.cv_results_).sort_values("rank_test_score")
print(cv[["param_max_depth", "param_n_estimators", "param_min_samples_leaf", "mean_test_score"]].head(10))

pred = search.best_estimator_.predict(hold[FEATURES])
print("holdout MAE:", round(mean_absolute_error(hold["fwd_20"], pred), 5))
print("holdout IC:", round(np.corrcoef(pred, hold["fwd_20"])[0, 1], 4))
