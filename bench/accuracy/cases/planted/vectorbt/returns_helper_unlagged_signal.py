# kind: planted
# framework: vectorbt
# why: a helper multiplies whatever position it is given by the same bar's return; it is called with the unlagged Bollinger signal, so each day earns the move that produced its own signal
import numpy as np
import pandas as pd
import vectorbt as vbt

FEE = 0.0008


def strategy_returns(position: pd.Series, close: pd.Series, fee: float) -> pd.Series:
    gross = position * close.pct_change()  # expect: SL218
    costs = position.diff().abs() * fee
    return (gross - costs).fillna(0.0)


def bollinger_position(close: pd.Series, window: int, k: float) -> pd.Series:
    bb = vbt.BBANDS.run(close, window=window, alpha=k)
    pos = pd.Series(np.nan, index=close.index)
    pos[close < bb.lower] = 1.0
    pos[close > bb.middle] = 0.0
    return pos.ffill().fillna(0.0)


if __name__ == "__main__":
    close = vbt.BinanceData.download("ETHUSDT", start="2020-01-01", end="2024-01-01", interval="4h").get("Close")
    pos = bollinger_position(close, window=40, k=2.0)
    rets = strategy_returns(pos, close, FEE)
    acc = rets.vbt.returns(freq="4h")
    print("annualised return", acc.annualized())
    print("sharpe", acc.sharpe_ratio())
    print("sortino", acc.sortino_ratio())
