# kind: planted
# framework: research
# why: a predictive OLS is fitted on the whole sample and its in-sample fit is turned straight into a timing strategy; no data is ever held out

import numpy as np
import pandas as pd
import statsmodels.api as sm

mkt = pd.read_csv("data/ff_factors_monthly.csv", index_col=0, parse_dates=True)
macro = pd.read_csv("data/macro_monthly.csv", index_col=0, parse_dates=True)

df = mkt[["Mkt-RF", "RF"]].join(macro[["term_spread", "default_spread", "dividend_yield"]], how="inner")
df = df.sort_index()
df["excess"] = df["Mkt-RF"] / 100.0

# predictors are known at the end of month t, the label is the excess return of month t+1
df["fwd_excess"] = df["excess"].shift(-1)
df["dy_chg"] = df["dividend_yield"].diff(12)
df = df.dropna()

predictors = ["term_spread", "default_spread", "dividend_yield", "dy_chg"]
X = sm.add_constant(df[predictors])
y = df["fwd_excess"]

res = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 6})  # expect: SL302
print(res.summary())

df["forecast"] = res.predict(X)
df["weight"] = np.clip(df["forecast"] / (df["excess"].rolling(60).var() * 3), 0.0, 1.5)
df["timed"] = df["weight"] * df["fwd_excess"]

ann_timed = df["timed"].mean() * 12
ann_mkt = df["fwd_excess"].mean() * 12
sr_timed = ann_timed / (df["timed"].std() * np.sqrt(12))
sr_mkt = ann_mkt / (df["fwd_excess"].std() * np.sqrt(12))
print(f"timed: {ann_timed:.2%} excess, Sharpe {sr_timed:.2f}")
print(f"market: {ann_mkt:.2%} excess, Sharpe {sr_mkt:.2f}")
print("R2:", round(res.rsquared, 4), "adj R2:", round(res.rsquared_adj, 4))
