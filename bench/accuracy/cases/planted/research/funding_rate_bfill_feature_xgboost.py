# kind: planted
# framework: research
# why: 8-hourly funding rates are reindexed onto hourly bars and back-filled, so each hour carries the funding print of up to 7 hours later, and that column is a model feature
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import log_loss, roc_auc_score

bars = pd.read_parquet("data/binance_solusdt_perp_1h.parquet")
bars["open_time"] = pd.to_datetime(bars["open_time"], unit="ms", utc=True)
bars = bars.set_index("open_time").sort_index()

funding = pd.read_csv("data/solusdt_funding.csv")
funding["funding_time"] = pd.to_datetime(funding["funding_time"], unit="ms", utc=True)
funding = funding.set_index("funding_time")["funding_rate"].sort_index()

oi = pd.read_csv("data/solusdt_open_interest_5m.csv", parse_dates=["timestamp"]).set_index("timestamp")["sum_open_interest"]
oi = oi.tz_localize("UTC").resample("1h").last()

df = bars[["open", "high", "low", "close", "volume"]].copy()
df["funding"] = funding.reindex(df.index).bfill()  # expect: SL205
df["funding_3d"] = df["funding"].rolling(72).mean()
df["oi"] = oi.reindex(df.index).ffill()
df["oi_chg_24"] = df["oi"].pct_change(24)
lr = np.log(df["close"]).diff()
df["r_1"] = lr
df["r_4"] = lr.rolling(4).sum()
df["r_24"] = lr.rolling(24).sum()
df["rv_24"] = lr.rolling(24).std()
df["hour"] = df.index.hour
df["y"] = (df["close"].shift(-4) > df["close"]).astype(int)
df = df.dropna()

FEATURES = ["funding", "funding_3d", "oi_chg_24", "r_1", "r_4", "r_24", "rv_24", "hour"]
train = df.loc[:"2023-06-30"]
valid = df.loc["2023-07-01":"2023-12-31"]
test = df.loc["2024-01-01":]

dtrain = xgb.DMatrix(train[FEATURES], label=train["y"])
dvalid = xgb.DMatrix(valid[FEATURES], label=valid["y"])
dtest = xgb.DMatrix(test[FEATURES], label=test["y"])
params = {
    "objective": "binary:logistic",
    "eval_metric": "logloss",
    "max_depth": 4,
    "eta": 0.03,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 20,
    "lambda": 2.0,
}
booster = xgb.train(params, dtrain, num_boost_round=2000, evals=[(dvalid, "valid")], early_stopping_rounds=100, verbose_eval=200)

p = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
print("test logloss:", round(log_loss(test["y"], p), 4))
print("test AUC:", round(roc_auc_score(test["y"], p), 4))
