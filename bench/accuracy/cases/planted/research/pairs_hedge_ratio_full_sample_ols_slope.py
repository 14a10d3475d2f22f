# kind: planted
# framework: research
# why: the hedge ratio of the traded spread is the OLS slope (cov / var) of the full 2012-2024 log prices, so the spread's mean reversion in every year is fitted with the years after it
import numpy as np
import pandas as pd

LEG_Y, LEG_X = "EWA", "EWC"
LOOKBACK = 40
ENTRY_Z, EXIT_Z = 2.0, 0.5
COST_BPS = 2.0

px = pd.read_csv("data/etf_closes.csv", index_col="Date", parse_dates=True).sort_index()[[LEG_Y, LEG_X]].dropna()
log_y, log_x = np.log(px[LEG_Y]), np.log(px[LEG_X])

# OLS slope of log_y on log_x (with intercept): beta = cov(x, y) / var(x)
beta = log_y.cov(log_x) / log_x.var()  # expect: SL203
print(f"hedge ratio {beta:.3f}")

spread = log_y - beta * log_x
z = (spread - spread.rolling(LOOKBACK).mean()) / spread.rolling(LOOKBACK).std()

position = pd.Series(np.nan, index=px.index)
position[z > ENTRY_Z] = -1.0
position[z < -ENTRY_Z] = 1.0
position[z.abs() < EXIT_Z] = 0.0
position = position.ffill().fillna(0.0)

ret_y = px[LEG_Y].pct_change()
ret_x = px[LEG_X].pct_change()
spread_ret = (ret_y - beta * ret_x) / (1 + abs(beta))
held = position.shift(1).fillna(0.0)
costs = position.diff().abs().fillna(0.0) * COST_BPS / 1e4 * 2
pnl = held * spread_ret - costs


def stats(p: pd.Series) -> dict:
    eq = (1 + p).cumprod()
    return {
        "sharpe": round(p.mean() / p.std() * np.sqrt(252), 2),
        "ann_ret": round(p.mean() * 252, 4),
        "max_dd": round((eq / eq.cummax() - 1).min(), 4),
        "trades": int((position.diff().abs() > 0).sum()),
    }


print("2012-2019:", stats(pnl.loc[:"2019-12-31"]))
print("2020-2024:", stats(pnl.loc["2020-01-01":]))
half_life = -np.log(2) / np.polyfit(spread.shift(1).dropna() - spread.mean(), spread.diff().dropna(), 1)[0]
print(f"half-life {half_life:.1f} days")
