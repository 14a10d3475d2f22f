# kind: lookalike
# framework: research
# why: each month the model is refitted on the trailing three years ending before the month it predicts; it never sees later rows
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

TRAIN_YEARS = 3

px = pd.read_csv("data/VNQ.csv", index_col="Date", parse_dates=True).sort_index()["Adj Close"]
rates = pd.read_csv("data/DGS10.csv", index_col="DATE", parse_dates=True).sort_index()["DGS10"]

df = pd.DataFrame({"px": px}).join(rates.rename("y10"), how="left")
df["y10"] = df["y10"].ffill()
df["mom_21"] = df["px"].pct_change(21)
df["mom_126"] = df["px"].pct_change(126)
df["rate_chg"] = df["y10"].diff(21)
df["vol_21"] = df["px"].pct_change().rolling(21).std()
df["fwd"] = df["px"].pct_change(21).shift(-21)
df = df.dropna()
cols = ["mom_21", "mom_126", "rate_chg", "vol_21"]

months = pd.date_range("2012-01-01", df.index[-1], freq="MS")
preds = []
for start in months:
    end = start + pd.offsets.MonthBegin(1)
    fit_from = start - pd.DateOffset(years=TRAIN_YEARS)
    # labels look 21 days ahead, so stop training 21 rows before the prediction month
    history = df.loc[fit_from:start - pd.Timedelta(days=1)].iloc[:-21]
    block = df.loc[start:end - pd.Timedelta(days=1)]
    if len(history) < 250 or block.empty:
        continue
    model = make_pipeline(StandardScaler(), Ridge(alpha=10.0))
    model.fit(history[cols], history["fwd"])
    preds.append(pd.Series(model.predict(block[cols]), index=block.index))

pred = pd.concat(preds)
realised = df.loc[pred.index, "fwd"]
print("walk-forward IC:", round(pred.corr(realised), 4))

pos = np.sign(pred)
daily = df["px"].pct_change().reindex(pred.index)
pnl = pos.shift(1) * daily
print("Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
