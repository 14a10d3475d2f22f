# kind: planted
# framework: research
# why: the regime HMM is fitted on the entire history, test years included, before the regime filter is evaluated on 2020 onwards
import numpy as np
import pandas as pd
from hmmlearn.hmm import GaussianHMM

prices = pd.read_csv("data/SPX_daily.csv", index_col="Date", parse_dates=True)["Close"].sort_index()
log_ret = np.log(prices).diff().dropna()

obs = pd.DataFrame(index=log_ret.index)
obs["ret"] = log_ret
obs["vol10"] = log_ret.rolling(10).std()
obs = obs.dropna()

hmm = GaussianHMM(n_components=2, covariance_type="full", n_iter=500, random_state=42)
hmm.fit(obs.values)  # expect: SL204

means = pd.DataFrame(hmm.means_, columns=obs.columns)
calm_state = int(means["vol10"].idxmin())
print("state means:\n", means)
print("transition matrix:\n", np.round(hmm.transmat_, 3))

test = obs.loc["2020-01-01":]
filtered = []
for t in range(len(test)):
    post = hmm.predict_proba(test.values[: t + 1])
    filtered.append(post[-1, calm_state])
p_calm = pd.Series(filtered, index=test.index)

position = (p_calm > 0.6).astype(float)
strategy = position.shift(1) * test["ret"]
bench = test["ret"]

def summary(r: pd.Series) -> str:
    ann = r.mean() * 252
    vol = r.std() * np.sqrt(252)
    dd = (r.cumsum() - r.cumsum().cummax()).min()
    return f"ann {ann:.2%} vol {vol:.2%} sharpe {ann / vol:.2f} maxdd {dd:.2%}"

print("regime filter:", summary(strategy.dropna()))
print("buy and hold: ", summary(bench))
print("time in market:", position.mean())
