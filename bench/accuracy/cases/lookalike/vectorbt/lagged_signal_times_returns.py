# kind: lookalike
# framework: vectorbt
# why: the position held over day t is yesterday's signal (signal.shift(1)), so the return it earns comes after the decision
import pandas as pd
import vectorbt as vbt

FEE = 0.001

close = vbt.YFData.download("QQQ", start="2012-01-01", end="2023-12-31").get("Close")
mom = close.pct_change(126)
vol = close.pct_change().rolling(20).std()

signal = ((mom > 0) & (vol < vol.rolling(252).median())).astype(float)
position = signal.shift(1).fillna(0.0)

returns = close.pct_change().fillna(0.0)
costs = position.diff().abs().fillna(0.0) * FEE
strategy = position * returns - costs

acc = strategy.vbt.returns(freq="1D")
print("Sharpe %.2f" % acc.sharpe_ratio())
print("Max DD %.2f%%" % (acc.max_drawdown() * 100))
print("Annualised %.2f%%" % (acc.annualized() * 100))
