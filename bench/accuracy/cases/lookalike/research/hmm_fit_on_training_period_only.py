# kind: lookalike
# framework: research
# why: the GaussianHMM is fitted on 2005-2017 only and the test-period regime is read from filtered probabilities over data up to each day
import numpy as np
import pandas as pd
from hmmlearn.hmm import GaussianHMM

close = pd.read_csv("data/ACWI.csv", index_col="Date", parse_dates=True).sort_index()["Adj Close"]
r = np.log(close).diff()

obs = pd.DataFrame({"r": r, "rv": r.rolling(5).std()}).dropna()
train = obs.loc["2005-01-01":"2017-12-31"]
test = obs.loc["2018-01-01":]

hmm = GaussianHMM(n_components=3, covariance_type="diag", n_iter=300, random_state=0)
hmm.fit(train.values)
state_vol = pd.Series(hmm.means_[:, 1])
risk_off = int(state_vol.idxmax())
print("state mean vol:", state_vol.round(4).tolist())

p_risk_off = np.empty(len(test))
for t in range(len(test)):
    p_risk_off[t] = hmm.predict_proba(test.values[: t + 1])[-1, risk_off]
p_risk_off = pd.Series(p_risk_off, index=test.index)

weight = 1.0 - p_risk_off.clip(0, 1)
pnl = weight.shift(1) * test["r"]
print("ann return:", round(pnl.mean() * 252, 4), "vs", round(test["r"].mean() * 252, 4))
print("ann vol:", round(pnl.std() * np.sqrt(252), 4), "vs", round(test["r"].std() * np.sqrt(252), 4))
print("avg weight:", round(weight.mean(), 3))

# how stable are the regimes? expected duration of each state from the fitted transition matrix
durations = 1.0 / (1.0 - np.diag(hmm.transmat_))
print("expected state durations (days):", np.round(durations, 1).tolist())

eq_strategy = np.exp(pnl.fillna(0).cumsum())
eq_bench = np.exp(test["r"].cumsum())
dd_strategy = (eq_strategy / eq_strategy.cummax() - 1).min()
dd_bench = (eq_bench / eq_bench.cummax() - 1).min()
print("max drawdown:", round(dd_strategy, 4), "vs", round(dd_bench, 4))

yearly = pd.DataFrame({"strategy": pnl.groupby(pnl.index.year).sum(), "acwi": test["r"].groupby(test.index.year).sum()})
print(yearly.round(4))
