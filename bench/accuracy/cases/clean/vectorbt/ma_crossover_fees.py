# kind: clean
# framework: vectorbt
# why: the vectorbt MA crossover from its documentation, with fees and slippage set and signals shifted so each order fills on the bar after the cross
import vectorbt as vbt

FEES = 0.001
SLIPPAGE = 0.0005

price = vbt.YFData.download("BTC-USD", start="2017-01-01", end="2023-12-31").get("Close")

fast_ma = vbt.MA.run(price, 10)
slow_ma = vbt.MA.run(price, 50)
entries = fast_ma.ma_crossed_above(slow_ma).vbt.fshift(1)
exits = fast_ma.ma_crossed_below(slow_ma).vbt.fshift(1)

pf = vbt.Portfolio.from_signals(
    price,
    entries,
    exits,
    init_cash=10_000,
    fees=FEES,
    slippage=SLIPPAGE,
    freq="1D",
)
print(pf.stats())
print("total return:", pf.total_return())
