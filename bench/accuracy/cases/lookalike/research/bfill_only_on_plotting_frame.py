# kind: lookalike
# framework: research
# why: bfill is applied to a copy used only for a chart; the model features are forward-filled and leading gaps are dropped
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

px = pd.read_csv("data/UNG.csv", index_col="Date", parse_dates=True).sort_index()
storage = pd.read_csv("data/eia_storage_weekly.csv", index_col="week", parse_dates=True).sort_index()["surprise_bcf"]

df = px[["Close"]].join(storage.rename("surprise"), how="left")
df["surprise"] = df["surprise"].ffill()
df["ret_5"] = df["Close"].pct_change(5)
df["ret_20"] = df["Close"].pct_change(20)
df["vol_20"] = df["Close"].pct_change().rolling(20).std()
df["y"] = (df["Close"].shift(-5) > df["Close"]).astype(int)
df = df.dropna()

plot_frame = px[["Close"]].join(storage.rename("surprise"), how="left")
plot_frame["surprise"] = plot_frame["surprise"].bfill()
fig, ax1 = plt.subplots(figsize=(11, 4))
ax1.plot(plot_frame.index, plot_frame["Close"], color="tab:blue")
ax2 = ax1.twinx()
ax2.bar(plot_frame.index, plot_frame["surprise"], color="tab:orange", alpha=0.3, width=3)
fig.savefig("ung_storage.png")

cols = ["surprise", "ret_5", "ret_20", "vol_20"]
train, test = df.loc[:"2019-12-31"], df.loc["2020-01-01":]
clf = LogisticRegression(C=0.5, max_iter=500).fit(train[cols], train["y"])
print("test accuracy:", accuracy_score(test["y"], clf.predict(test[cols])))
print(dict(zip(cols, np.round(clf.coef_[0], 3))))

proba = pd.Series(clf.predict_proba(test[cols])[:, 1], index=test.index)
weekly = proba.iloc[::5]
pos = (weekly > 0.5).astype(float).reindex(test.index).ffill()
ret = test["Close"].pct_change()
pnl = pos.shift(1) * ret
print("long/flat Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
print("buy-and-hold Sharpe:", round(ret.mean() / ret.std() * np.sqrt(252), 2))
print("weeks long:", int((weekly > 0.5).sum()), "of", len(weekly))
