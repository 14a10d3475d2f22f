# kind: lookalike
# framework: research
# why: whole-sample mean, std and quantiles are only printed, described and drawn as reference lines; the signal uses trailing windows
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt

px = pd.read_csv("data/VIX_and_SPY.csv", index_col="Date", parse_dates=True).sort_index()
vix = px["VIX"]
spy = px["SPY"]

print(px.describe())
print("VIX long-run mean:", round(vix.mean(), 2), "std:", round(vix.std(), 2))
print("VIX 90th percentile:", round(vix.quantile(0.9), 2))

vix_ma = vix.rolling(252).mean()
vix_sd = vix.rolling(252).std()
vix_z = (vix - vix_ma) / vix_sd

position = np.where(vix_z > 1.5, 1.0, np.where(vix_z < -0.5, 0.5, 0.75))
position = pd.Series(position, index=px.index).where(vix_ma.notna(), 0.0)

ret = spy.pct_change()
strategy = position.shift(1) * ret
equity = (1 + strategy.fillna(0)).cumprod()

fig, axes = plt.subplots(2, 1, figsize=(11, 7), sharex=True)
axes[0].plot(vix.index, vix, lw=0.8, label="VIX")
axes[0].axhline(vix.mean(), color="k", ls="--", label="full-sample mean")
axes[0].axhline(vix.quantile(0.9), color="r", ls=":", label="90th pct")
axes[0].legend()
axes[1].plot(equity.index, equity, label="VIX-scaled SPY")
axes[1].plot(equity.index, (1 + ret.fillna(0)).cumprod(), label="SPY")
axes[1].legend()
fig.tight_layout()
fig.savefig("vix_overlay.png", dpi=120)

stats = pd.DataFrame({"strategy": strategy, "spy": ret}).dropna()
print(stats.describe().T[["mean", "std", "min", "max"]])
print("Sharpe strategy:", stats["strategy"].mean() / stats["strategy"].std() * np.sqrt(252))
print("Sharpe SPY:", stats["spy"].mean() / stats["spy"].std() * np.sqrt(252))
