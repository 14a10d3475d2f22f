# kind: planted
# framework: research
# why: monthly CPI is upsampled to daily rows and linearly interpolated, so every day already drifts towards next month's print
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score

tlt = pd.read_csv("data/TLT.csv", index_col="Date", parse_dates=True)["Adj Close"].sort_index()
cpi = pd.read_csv("data/CPIAUCSL.csv", index_col="DATE", parse_dates=True)["CPIAUCSL"].sort_index()

cpi_yoy = cpi.pct_change(12)
cpi_daily = cpi_yoy.resample("D").interpolate()  # expect: SL217

df = pd.DataFrame({"tlt": tlt})
df["cpi_yoy"] = cpi_daily.reindex(df.index)
df["cpi_impulse"] = df["cpi_yoy"].diff(21)
df["ret_21"] = df["tlt"].pct_change(21)
df["ret_63"] = df["tlt"].pct_change(63)
df["vol_21"] = df["tlt"].pct_change().rolling(21).std()
df["label"] = (df["tlt"].pct_change(21).shift(-21) > 0).astype(int)
df = df.dropna()

cols = ["cpi_yoy", "cpi_impulse", "ret_21", "ret_63", "vol_21"]
train = df.loc[:"2018-12-31"]
test = df.loc["2019-01-01":]

model = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=500))
model.fit(train[cols], train["label"])
pred = model.predict(test[cols])
print("out-of-sample accuracy:", accuracy_score(test["label"], pred))
print("coefficients:", dict(zip(cols, model[-1].coef_[0].round(3))))

pos = pd.Series(np.where(pred == 1, 1.0, -1.0), index=test.index)
daily = test["tlt"].pct_change()
pnl = pos.shift(1) * daily
print("Sharpe:", pnl.mean() / pnl.std() * np.sqrt(252))
