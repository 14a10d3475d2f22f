# kind: planted
# framework: vectorbt
# why: an hourly RSI strategy is simulated with fees=0 and slippage=0
import vectorbt as vbt

close = vbt.BinanceData.download("ETHUSDT", start="2021-01-01 UTC", end="2024-01-01 UTC", interval="1h").get("Close")

rsi = vbt.RSI.run(close, window=14)
entries = rsi.rsi_crossed_below(30).shift(1, fill_value=False)
exits = rsi.rsi_crossed_above(55).shift(1, fill_value=False)

pf = vbt.Portfolio.from_signals(
    close,
    entries,
    exits,
    init_cash=10_000,
    fees=0,  # expect: SL501
    slippage=0,  # expect: SL501
    freq="1h",
)
print(pf.stats())
print("trades:", pf.trades.count())
