# kind: lookalike
# framework: research
# why: the hedge ratio and the spread's mean / std come from the 2015-2018 formation rows only; the 2019-2024 trading rows are scored with those frozen values
import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.stattools import adfuller

LEG_Y, LEG_X = "KO", "PEP"
ENTRY_Z, EXIT_Z, STOP_Z = 2.0, 0.25, 4.0
COST_BPS = 2.0

px = pd.read_csv("data/us_equity_closes.csv", index_col="date", parse_dates=True).sort_index()[[LEG_Y, LEG_X]].dropna()
form = px.loc["2015-01-01":"2018-12-31"]
trade = px.loc["2019-01-01":]

log_form = np.log(form)
ols = sm.OLS(log_form[LEG_Y], sm.add_constant(log_form[LEG_X])).fit()
alpha, beta = ols.params["const"], ols.params[LEG_X]
form_spread = log_form[LEG_Y] - alpha - beta * log_form[LEG_X]
mu, sd = form_spread.mean(), form_spread.std()
print(f"beta {beta:.3f}, ADF p-value {adfuller(form_spread)[1]:.3f}")

log_trade = np.log(trade)
spread = log_trade[LEG_Y] - alpha - beta * log_trade[LEG_X]
z = (spread - mu) / sd

state = 0.0
positions = []
for zt in z:
    if state == 0.0:
        if zt > ENTRY_Z:
            state = -1.0
        elif zt < -ENTRY_Z:
            state = 1.0
    elif abs(zt) < EXIT_Z or abs(zt) > STOP_Z:
        state = 0.0
    positions.append(state)
position = pd.Series(positions, index=z.index)

ret = trade.pct_change()
spread_ret = (ret[LEG_Y] - beta * ret[LEG_X]) / (1 + abs(beta))
held = position.shift(1).fillna(0.0)
pnl = held * spread_ret - position.diff().abs().fillna(0.0) * 2 * COST_BPS / 1e4
eq = (1 + pnl).cumprod()

print("trading-period Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
print("max drawdown:", round((eq / eq.cummax() - 1).min(), 4))
print("round trips:", int((position.diff().abs() > 0).sum() // 2))
print(pnl.groupby(pnl.index.year).sum().round(4))
