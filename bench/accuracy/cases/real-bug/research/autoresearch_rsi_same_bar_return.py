# kind: real-bug
# framework: research
# why: the automated strategy search scores each rule by multiplying the signal computed from a bar's close with that same bar's return; with a one-bar lag the reported RSI(8) Sharpe went from +10 to negative
# source: https://github.com/Nunchi-trade/auto-researchtrading/issues/4
import itertools
import numpy as np
import pandas as pd

bars = pd.read_csv("data/BTC_PERP_1h.csv", parse_dates=["ts"], index_col="ts").sort_index()
close = bars["close"]
ret = close.pct_change()
FEE = 0.00035
IS_START, IS_END = "2021-01-01", "2023-12-31"
OOS_START, OOS_END = "2024-01-01", "2024-12-31"


def rsi(c: pd.Series, n: int) -> pd.Series:
    d = c.diff()
    up = d.clip(lower=0).ewm(alpha=1 / n, adjust=False).mean()
    dn = (-d.clip(upper=0)).ewm(alpha=1 / n, adjust=False).mean()
    return 100 - 100 / (1 + up / dn)


def score(signal: pd.Series, start: str, end: str) -> float:
    turnover = signal.diff().abs().fillna(0)
    pnl = signal * ret - turnover * FEE  # expect: SL218
    pnl = pnl.loc[start:end].dropna()
    if pnl.std() == 0:
        return float("nan")
    return pnl.mean() / pnl.std() * np.sqrt(24 * 365)


results = []
for n, level in itertools.product([6, 8, 10, 14, 21], [45, 50, 55]):
    r = rsi(close, n)
    signal = pd.Series(np.where(r > level, 1.0, -1.0), index=close.index)
    results.append({"rule": f"RSI({n})>{level}", "is": score(signal, IS_START, IS_END), "oos": score(signal, OOS_START, OOS_END)})

for fast, slow in [(5, 20), (10, 50), (20, 100)]:
    signal = pd.Series(np.where(close.ewm(span=fast).mean() > close.ewm(span=slow).mean(), 1.0, -1.0), index=close.index)
    results.append({"rule": f"EMA{fast}/{slow}", "is": score(signal, IS_START, IS_END), "oos": score(signal, OOS_START, OOS_END)})

table = pd.DataFrame(results).sort_values("is", ascending=False)
print(table.to_string(index=False))
best = table.iloc[0]
print(f"best in-sample rule {best['rule']}: IS Sharpe {best['is']:.2f}, OOS Sharpe {best['oos']:.2f}")
