# kind: lookalike
# framework: vectorbt
# why: entries and exits computed from today's close are shifted forward one bar (vbt.fshift(1)) and executed at the next bar's open, so every fill happens after the signal is known
import vectorbt as vbt

FEE = 0.001

ohlc = vbt.YFData.download("SPY", start="2010-01-01", end="2023-12-31").get(["Open", "Close"])
close, open_ = ohlc["Close"], ohlc["Open"]

fast = vbt.MA.run(close, window=20)
slow = vbt.MA.run(close, window=100)
rsi = vbt.RSI.run(close, window=14)

raw_entries = fast.ma_crossed_above(slow) & (rsi.rsi < 70)
raw_exits = fast.ma_crossed_below(slow)
entries = raw_entries.vbt.fshift(1)
exits = raw_exits.vbt.fshift(1)

pf = vbt.Portfolio.from_signals(close, entries, exits, price=open_, fees=FEE, slippage=0.0005, freq="1D")
print(pf.stats())
print(pf.trades.count(), "trades")
