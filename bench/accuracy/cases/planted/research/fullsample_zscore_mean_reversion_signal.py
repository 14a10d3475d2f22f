# kind: planted
# framework: research
# why: the spread z-score is normalised with the mean and std of the whole history, then traded
import numpy as np
import pandas as pd
import statsmodels.api as sm

a = pd.read_csv("data/KO.csv", index_col=0, parse_dates=True)["Adj Close"]
b = pd.read_csv("data/PEP.csv", index_col=0, parse_dates=True)["Adj Close"]
pair = pd.concat({"ko": a, "pep": b}, axis=1).dropna()

# hedge ratio estimated on the formation period only
formation = pair.loc[:"2017-12-31"]
trading = pair.loc["2018-01-01":]
ols = sm.OLS(np.log(formation["ko"]), sm.add_constant(np.log(formation["pep"]))).fit()
beta = ols.params["pep"]
print(ols.summary())

spread = np.log(trading["ko"]) - beta * np.log(trading["pep"])
zscore = (spread - spread.mean()) / spread.std()  # expect: SL203

ENTRY = 2.0
EXIT = 0.5

position = pd.Series(0.0, index=zscore.index)
position[zscore > ENTRY] = -1.0
position[zscore < -ENTRY] = 1.0
position[zscore.abs() < EXIT] = 0.0
position = position.replace(0.0, np.nan).ffill().fillna(0.0)
position[zscore.abs() < EXIT] = 0.0

leg_ret = np.log(trading["ko"]).diff() - beta * np.log(trading["pep"]).diff()
strategy = position.shift(1) * leg_ret
costs = position.diff().abs() * 0.0005
net = strategy - costs

equity = net.cumsum().apply(np.exp)
sharpe = net.mean() / net.std() * np.sqrt(252)
max_dd = (equity / equity.cummax() - 1).min()
print(f"Sharpe {sharpe:.2f}  max drawdown {max_dd:.1%}  trades {int((position.diff() != 0).sum())}")
