# kind: planted
# framework: research
# why: quarterly earnings yield is back-filled onto the daily grid, so each day carries the figure from the next report
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error

prices = pd.read_csv("data/AAPL_daily.csv", index_col="date", parse_dates=True).sort_index()
fundamentals = pd.read_csv("data/AAPL_quarterly.csv", index_col="report_date", parse_dates=True).sort_index()

daily = prices[["close", "volume"]].copy()
daily = daily.join(fundamentals[["eps_ttm", "book_value_ps"]], how="left")
daily["eps_ttm"] = daily["eps_ttm"].bfill()  # expect: SL205
daily["book_value_ps"] = daily["book_value_ps"].ffill()

daily["earnings_yield"] = daily["eps_ttm"] / daily["close"]
daily["book_to_price"] = daily["book_value_ps"] / daily["close"]
daily["ret_21"] = daily["close"].pct_change(21)
daily["ret_63"] = daily["close"].pct_change(63)
daily["vol_63"] = daily["close"].pct_change().rolling(63).std()
daily["turnover"] = daily["volume"].rolling(21).mean() / daily["volume"].rolling(252).mean()

daily["fwd_ret_21"] = daily["close"].pct_change(21).shift(-21)
data = daily.dropna()

FEATS = ["earnings_yield", "book_to_price", "ret_21", "ret_63", "vol_63", "turnover"]
is_train = data.index < "2019-01-01"
X_train, y_train = data.loc[is_train, FEATS], data.loc[is_train, "fwd_ret_21"]
X_test, y_test = data.loc[~is_train, FEATS], data.loc[~is_train, "fwd_ret_21"]

rf = RandomForestRegressor(n_estimators=300, max_depth=5, min_samples_leaf=40, random_state=0, n_jobs=-1)
rf.fit(X_train, y_train)
pred = pd.Series(rf.predict(X_test), index=X_test.index)

print("MAE:", mean_absolute_error(y_test, pred))
print("rank IC:", pred.corr(y_test, method="spearman"))
print(pd.Series(rf.feature_importances_, index=FEATS).sort_values(ascending=False))

position = np.sign(pred)
monthly = position.iloc[::21]
realised = y_test.iloc[::21]
print("hit rate:", (np.sign(monthly) == np.sign(realised)).mean())
