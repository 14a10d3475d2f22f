# kind: clean
# framework: vectorbt
# why: RSI mean reversion with stop-loss and take-profit handled by from_signals, 10 bp fees, signals acted on one bar later
import vectorbt as vbt

close = vbt.YFData.download(["SPY", "QQQ", "IWM"], start="2012-01-01", end="2023-12-31").get("Close")

rsi = vbt.RSI.run(close, window=14)
entries = rsi.rsi_crossed_below(30).vbt.fshift(1)
exits = rsi.rsi_crossed_above(60).vbt.fshift(1)

pf = vbt.Portfolio.from_signals(
    close,
    entries,
    exits,
    sl_stop=0.05,
    tp_stop=0.08,
    fees=0.001,
    slippage=0.0005,
    init_cash=30_000,
    cash_sharing=True,
    group_by=True,
    freq="1D",
)
print(pf.stats())
print(pf.trades.records_readable.tail())
