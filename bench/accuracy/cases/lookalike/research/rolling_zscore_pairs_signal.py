# kind: lookalike
# framework: research
# why: the spread z-score uses a trailing 60-day mean and std, and positions are lagged one day before they earn returns
import numpy as np
import pandas as pd
import statsmodels.api as sm

prices = pd.read_csv("data/gld_gdx.csv", index_col="Date", parse_dates=True).sort_index()
y_leg, x_leg = np.log(prices["GDX"]), np.log(prices["GLD"])

formation = prices.loc[:"2015-12-31"]
hedge = sm.OLS(np.log(formation["GDX"]), sm.add_constant(np.log(formation["GLD"]))).fit()
beta = hedge.params.iloc[1]

trade = prices.loc["2016-01-01":]
spread = np.log(trade["GDX"]) - beta * np.log(trade["GLD"])

WIN = 60
mu = spread.rolling(WIN).mean()
sd = spread.rolling(WIN).std()
z = (spread - mu) / sd

pos = pd.Series(np.nan, index=z.index)
pos[z > 2] = -1.0
pos[z < -2] = 1.0
pos[z.abs() < 0.5] = 0.0
pos = pos.ffill().fillna(0.0)

spread_ret = np.log(trade["GDX"]).diff() - beta * np.log(trade["GLD"]).diff()
pnl = pos.shift(1) * spread_ret - pos.diff().abs() * 0.0004
curve = pnl.cumsum()
print("Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
print("max drawdown:", round((curve - curve.cummax()).min(), 4))
print("half-life estimate:")
lagged = spread.shift(1).dropna()
delta = spread.diff().dropna()
ar = sm.OLS(delta.loc[lagged.index[1:]], sm.add_constant(lagged.iloc[1:])).fit()
print(round(-np.log(2) / ar.params.iloc[1], 1), "days")
