# kind: lookalike
# framework: vectorbt
# why: the centred rolling mean is drawn on the report chart only; the entries use trailing moving averages and never read it
import pandas as pd
import vectorbt as vbt

FEE = 0.001

close = vbt.YFData.download("BTC-USD", start="2018-01-01", end="2023-12-31").get("Close")
fast = vbt.MA.run(close, window=10)
slow = vbt.MA.run(close, window=50)
entries = fast.ma_crossed_above(slow)
exits = fast.ma_crossed_below(slow)

pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, freq="1D")
print(pf.stats())

chart_trend = close.rolling(30, center=True).mean()
fig = pf.plot(subplots=["orders", "trade_pnl", "cum_returns"])
fig.add_scatter(x=chart_trend.index, y=chart_trend.values, name="30d centred trend (display only)", row=1, col=1)
all_time_high = close.max()
fig.add_hline(y=all_time_high, line_dash="dot", row=1, col=1)
fig.write_html("reports/btc_ma_cross.html")
