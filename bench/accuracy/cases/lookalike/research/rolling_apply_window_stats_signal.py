# kind: lookalike
# framework: research
# why: mean, std, max and percentile are computed inside rolling(...).apply(fn) on each trailing window only; the positions are lagged one bar before they earn a return
import numpy as np
import pandas as pd

WINDOW = 63
ENTRY, EXIT = -1.5, 0.0
COST_BPS = 1.0


def last_zscore(w: np.ndarray) -> float:
    """z-score of the newest value against its own trailing window."""
    sd = w.std(ddof=1)
    return (w[-1] - w.mean()) / sd if sd > 0 else 0.0


def pct_of_last(w: np.ndarray) -> float:
    """Share of the window at or below the newest value."""
    return float((w <= w[-1]).mean())


def drawdown_from_window_max(w: np.ndarray) -> float:
    return w[-1] / np.max(w) - 1.0


px = pd.read_csv("data/XLU.csv", index_col="Date", parse_dates=True).sort_index()
close = px["Adj Close"]
ret = close.pct_change()

df = pd.DataFrame({"close": close, "ret": ret})
df["z"] = np.log(close).rolling(WINDOW).apply(last_zscore, raw=True)
df["vol_pct"] = ret.rolling(21).std().rolling(252).apply(pct_of_last, raw=True)
df["dd"] = close.rolling(WINDOW).apply(drawdown_from_window_max, raw=True)
df["rsi2"] = 100 - 100 / (1 + ret.clip(lower=0).rolling(2).mean() / (-ret.clip(upper=0)).rolling(2).mean())

# Long mean-reversion: enter on a stretched z-score while volatility is not in its top decile.
position = pd.Series(np.nan, index=df.index)
position[(df["z"] < ENTRY) & (df["vol_pct"] < 0.9)] = 1.0
position[df["z"] > EXIT] = 0.0
df["position"] = position.ffill().fillna(0.0)

held = df["position"].shift(1).fillna(0.0)
df["pnl"] = held * df["ret"] - df["position"].diff().abs().fillna(0.0) * COST_BPS / 1e4
eq = (1 + df["pnl"]).cumprod()

# Whole-period figures for the report only.
summary = pd.Series(
    {
        "CAGR": eq.iloc[-1] ** (252 / len(eq)) - 1,
        "Sharpe": df["pnl"].mean() / df["pnl"].std() * np.sqrt(252),
        "max DD": (eq / eq.cummax() - 1).min(),
        "exposure": held.mean(),
        "trades": int((df["position"].diff() > 0).sum()),
    }
)
print(summary.round(3))
print(df[["z", "vol_pct", "dd"]].describe().round(3))
