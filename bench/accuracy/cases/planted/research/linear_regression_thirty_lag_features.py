# kind: planted
# framework: research
# why: plain LinearRegression with thirty correlated lagged-return features on noisy daily returns
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score

N_LAGS = 30

close = pd.read_csv("data/USDJPY_daily.csv", index_col="date", parse_dates=True)["close"].sort_index()
ret = np.log(close).diff()

frame = pd.DataFrame({"ret": ret})
LAG_COLS = [f"lag_{k}" for k in range(1, N_LAGS + 1)]
for k in range(1, N_LAGS + 1):
    frame[f"lag_{k}"] = ret.shift(k)
frame["fwd_ret"] = ret.shift(-1)
frame = frame.dropna()

cutoff = pd.Timestamp("2018-01-01")
train = frame[frame.index < cutoff]
test = frame[frame.index >= cutoff]

model = LinearRegression()  # expect: SL401
model.fit(train[LAG_COLS], train["fwd_ret"])

in_sample = model.predict(train[LAG_COLS])
out_sample = model.predict(test[LAG_COLS])
print("train R2:", r2_score(train["fwd_ret"], in_sample))
print("test R2: ", r2_score(test["fwd_ret"], out_sample))

coef = pd.Series(model.coef_, index=LAG_COLS)
print(coef.abs().sort_values(ascending=False).head(8))

signal = pd.Series(np.sign(out_sample), index=test.index)
pnl = signal * test["fwd_ret"]
print("hit rate:", (np.sign(out_sample) == np.sign(test["fwd_ret"])).mean())
print("annualised Sharpe:", pnl.mean() / pnl.std() * np.sqrt(252))
