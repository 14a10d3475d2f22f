# kind: lookalike
# framework: vectorbt
# why: earnings surprises are attached with merge_asof(direction="backward") on the announcement timestamp plus one day, so each trading day carries only results already public
import pandas as pd
import vectorbt as vbt

FEE = 0.001

close = vbt.YFData.download("NVDA", start="2012-01-01", end="2023-12-31").get("Close")
prices = close.rename("close").rename_axis("date").reset_index()
prices["date"] = prices["date"].dt.tz_localize(None)

earnings = pd.read_csv("data/nvda_earnings.csv", parse_dates=["announced_at"])
earnings["available"] = earnings["announced_at"] + pd.Timedelta(days=1)
earnings = earnings.sort_values("available")[["available", "surprise_pct"]]

merged = pd.merge_asof(prices.sort_values("date"), earnings, left_on="date", right_on="available", direction="backward")
merged = merged.set_index("date")

ma = merged["close"].rolling(50).mean()
entries = (merged["surprise_pct"] > 5) & (merged["close"] > ma)
exits = merged["close"] < ma

pf = vbt.Portfolio.from_signals(merged["close"], entries, exits, fees=FEE, freq="1D")
print(pf.stats())
