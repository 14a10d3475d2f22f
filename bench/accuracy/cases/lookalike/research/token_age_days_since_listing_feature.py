# kind: lookalike
# framework: research
# why: days since listing is date minus the token's first date (date - date.min() per symbol), known from the first bar on; holding periods are timestamp differences; neither looks ahead
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.metrics import roc_auc_score

panel = pd.read_parquet("data/altcoin_daily_panel.parquet")  # date, symbol, close, volume, market_cap
panel["date"] = pd.to_datetime(panel["date"])
panel = panel.sort_values(["symbol", "date"]).reset_index(drop=True)
g = panel.groupby("symbol", group_keys=False)

panel["listed_days"] = (panel["date"] - g["date"].transform("min")).dt.days
panel["ret_7"] = g["close"].pct_change(7)
panel["ret_30"] = g["close"].pct_change(30)
panel["vol_30"] = g["close"].apply(lambda s: s.pct_change().rolling(30).std())
panel["log_mcap"] = np.log(panel["market_cap"])
panel["turnover"] = panel["volume"] / panel["market_cap"]
panel["fwd_7"] = g["close"].apply(lambda s: s.shift(-7) / s - 1)
panel["y"] = (panel["fwd_7"] > panel.groupby("date")["fwd_7"].transform("median")).astype(int)
panel = panel.dropna(subset=["ret_30", "vol_30", "fwd_7"])

FEATURES = ["listed_days", "ret_7", "ret_30", "vol_30", "log_mcap", "turnover"]
train = panel[panel["date"] < "2023-01-01"]
test = panel[panel["date"] >= "2023-01-15"]  # two-week embargo for the 7-day labels

model = LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=31, min_child_samples=200, colsample_bytree=0.8, verbose=-1)
model.fit(train[FEATURES], train["y"])
test = test.assign(score=model.predict_proba(test[FEATURES])[:, 1])
print("test AUC:", round(roc_auc_score(test["y"], test["score"]), 4))

# Weekly long-only basket: top 10 scores every Monday, held 7 days.
mondays = test[test["date"].dt.dayofweek == 0]
basket = mondays.sort_values("score", ascending=False).groupby("date").head(10)
weekly = basket.groupby("date")["fwd_7"].mean() - 0.002
print("weekly basket mean:", round(weekly.mean(), 4), "| weeks:", len(weekly))

trades = basket.assign(entry_time=basket["date"], exit_time=basket["date"] + pd.Timedelta(days=7))
trades["holding"] = trades["exit_time"] - trades["entry_time"]
trades["days_into_test"] = (trades["date"] - trades["date"].min()).dt.days
print(trades[["symbol", "entry_time", "holding", "days_into_test", "fwd_7"]].head(20))
