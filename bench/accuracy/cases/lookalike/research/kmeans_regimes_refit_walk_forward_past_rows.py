# kind: lookalike
# framework: research
# why: the scaler and KMeans are refitted each quarter inside the walk-forward loop on the three years that end before the quarter; the quarter's rows are only assigned to clusters
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

N_CLUSTERS = 4
TRAIN_YEARS = 3
COST_BPS = 3.0

prices = pd.read_csv("data/multi_asset_closes.csv", index_col="date", parse_dates=True).sort_index()
spy, tlt, gld = prices["SPY"], prices["TLT"], prices["GLD"]

f = pd.DataFrame(index=prices.index)
f["spy_vol"] = spy.pct_change().rolling(21).std() * np.sqrt(252)
f["spy_trend"] = spy / spy.rolling(100).mean() - 1
f["stock_bond_corr"] = spy.pct_change().rolling(63).corr(tlt.pct_change())
f["gold_mom"] = gld.pct_change(63)
f = f.dropna()
spy_ret = spy.pct_change().reindex(f.index)

quarters = pd.date_range("2010-01-01", f.index[-1], freq="QS")
weights = []
for q_start in quarters:
    q_end = q_start + pd.offsets.QuarterBegin(1)
    past = f.loc[q_start - pd.DateOffset(years=TRAIN_YEARS):q_start - pd.Timedelta(days=1)]
    block = f.loc[q_start:q_end - pd.Timedelta(days=1)]
    if len(past) < 500 or block.empty:
        continue

    scaler = StandardScaler().fit(past)
    km = KMeans(n_clusters=N_CLUSTERS, n_init=10, random_state=0).fit(scaler.transform(past))

    # Which clusters were good for equities during the training window (next-day return after the label)?
    past_labels = pd.Series(km.labels_, index=past.index)
    by_cluster = spy_ret.reindex(past.index).groupby(past_labels.shift(1)).mean()
    good = set(by_cluster[by_cluster > 0].index)

    block_labels = km.predict(scaler.transform(block))
    weights.append(pd.Series([1.0 if c in good else 0.0 for c in block_labels], index=block.index))

w = pd.concat(weights)
held = w.shift(1).fillna(0.0)
pnl = held * spy_ret.reindex(w.index) - w.diff().abs().fillna(0.0) * COST_BPS / 1e4
eq = (1 + pnl).cumprod()
print("walk-forward Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
print("max drawdown:", round((eq / eq.cummax() - 1).min(), 4))
print("time invested:", round(held.mean(), 3))
