# kind: planted
# framework: research
# why: the FX carry signal is the percentile of today's rate differential within the whole 2000-2024 history (rank(pct=True) over every row), so 2005 already knows where rates will go
import numpy as np
import pandas as pd

PAIRS = ["AUDJPY", "NZDJPY", "USDJPY", "EURCHF", "GBPJPY"]
ENTER_HI, ENTER_LO = 0.8, 0.2
COST_BPS = 1.5

spot = pd.read_csv("data/fx_spot_daily.csv", index_col="date", parse_dates=True).sort_index()[PAIRS]
rates = pd.read_csv("data/policy_rates_daily.csv", index_col="date", parse_dates=True).sort_index()
rates = rates.reindex(spot.index).ffill()

CCY = {
    "AUDJPY": ("AUD", "JPY"),
    "NZDJPY": ("NZD", "JPY"),
    "USDJPY": ("USD", "JPY"),
    "EURCHF": ("EUR", "CHF"),
    "GBPJPY": ("GBP", "JPY"),
}

results = {}
for pair in PAIRS:
    base, quote = CCY[pair]
    df = pd.DataFrame({"close": spot[pair]})
    df["carry"] = rates[base] - rates[quote]
    df["carry_pct"] = df["carry"].rank(pct=True)  # expect: SL203
    df["trend"] = np.sign(df["close"] / df["close"].rolling(100).mean() - 1)

    df["position"] = 0.0
    df.loc[(df["carry_pct"] > ENTER_HI) & (df["trend"] > 0), "position"] = 1.0
    df.loc[(df["carry_pct"] < ENTER_LO) & (df["trend"] < 0), "position"] = -1.0

    daily_ret = df["close"].pct_change()
    accrual = df["carry"].shift(1) / 100 / 252
    held = df["position"].shift(1).fillna(0.0)
    turnover = df["position"].diff().abs().fillna(0.0)
    df["pnl"] = held * (daily_ret + accrual) - turnover * COST_BPS / 1e4
    results[pair] = df["pnl"]

book = pd.DataFrame(results).dropna(how="all").fillna(0.0)
port = book.mean(axis=1)
ann_ret = port.mean() * 252
ann_vol = port.std() * np.sqrt(252)
equity = (1 + port).cumprod()
max_dd = (equity / equity.cummax() - 1).min()

print(f"annual return {ann_ret:.2%}, vol {ann_vol:.2%}, Sharpe {ann_ret / ann_vol:.2f}, max DD {max_dd:.2%}")
print(book.groupby(book.index.year).sum().round(3))
