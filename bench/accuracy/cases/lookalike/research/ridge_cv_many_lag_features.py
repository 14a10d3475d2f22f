# kind: lookalike
# framework: research
# why: forty lagged features go into RidgeCV with the penalty picked by TimeSeriesSplit; the model is regularised and validated in time order
import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import TimeSeriesSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

N_LAGS = 40
ret = np.log(pd.read_csv("data/NQ_5min.csv", index_col="ts", parse_dates=True).sort_index()["close"]).diff()

frame = pd.DataFrame({f"lag_{k}": ret.shift(k) for k in range(1, N_LAGS + 1)})
frame["fwd_ret"] = ret.shift(-1)
frame = frame.dropna()
LAGS = [f"lag_{k}" for k in range(1, N_LAGS + 1)]

train = frame.loc[:"2023-12-31"]
test = frame.loc["2024-01-01":]

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 4, 13), cv=TimeSeriesSplit(n_splits=5)))
model.fit(train[LAGS], train["fwd_ret"])
print("chosen alpha:", model[-1].alpha_)

pred = model.predict(test[LAGS])
print("OOS correlation:", np.corrcoef(pred, test["fwd_ret"])[0, 1])
print("hit rate:", np.mean(np.sign(pred) == np.sign(test["fwd_ret"])))

coefs = pd.Series(model[-1].coef_, index=LAGS)
print("largest standardised coefficients:")
print(coefs.abs().sort_values(ascending=False).head(10).round(6))

res = pd.DataFrame({"pred": pred, "real": test["fwd_ret"].to_numpy()}, index=test.index)
res["pos"] = np.sign(res["pred"])
res["pnl"] = res["pos"] * res["real"] - res["pos"].diff().abs().fillna(0) * 0.00005
daily_pnl = res["pnl"].resample("D").sum()
daily_pnl = daily_pnl[daily_pnl != 0]
print("daily Sharpe:", round(daily_pnl.mean() / daily_pnl.std() * np.sqrt(252), 2))
print("turnover per bar:", round(res["pos"].diff().abs().mean(), 3))

by_hour = res.groupby(res.index.hour)["pnl"].mean()
print(by_hour.round(7))
