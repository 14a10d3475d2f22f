# kind: lookalike
# framework: research
# why: the 5-day forward return built with shift(-5) is only the regression target; it never enters the features or the position
import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesRegressor
from sklearn.metrics import mean_squared_error

HORIZON = 5

px = pd.read_csv("data/XLK.csv", index_col="Date", parse_dates=True).sort_index()
close = px["Adj Close"]

df = pd.DataFrame(index=px.index)
df["ret_1"] = close.pct_change()
df["ret_5"] = close.pct_change(5)
df["ret_21"] = close.pct_change(21)
df["vol_21"] = df["ret_1"].rolling(21).std()
df["trend"] = close.rolling(50).mean() / close.rolling(200).mean() - 1
df["target"] = close.shift(-HORIZON) / close - 1
df = df.dropna()

FEATURES = ["ret_1", "ret_5", "ret_21", "vol_21", "trend"]
train = df.loc[:"2018-12-31"]
test = df.loc["2019-01-01":]

model = ExtraTreesRegressor(n_estimators=500, max_depth=6, min_samples_leaf=50, random_state=3, n_jobs=-1)
model.fit(train[FEATURES], train["target"])
pred = pd.Series(model.predict(test[FEATURES]), index=test.index)

print("test RMSE:", mean_squared_error(test["target"], pred) ** 0.5)
print("IC:", pred.corr(test["target"]))

# non-overlapping weekly rebalance: hold the predicted sign for the next 5 days
rebal = pred.iloc[::HORIZON]
position = np.sign(rebal).reindex(test.index).ffill()
daily = close.pct_change().reindex(test.index)
pnl = position.shift(1) * daily
print("Sharpe:", pnl.mean() / pnl.std() * np.sqrt(252))
