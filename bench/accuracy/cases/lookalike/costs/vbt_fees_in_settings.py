# kind: lookalike
# framework: vectorbt
# why: fees and slippage are set once in vbt.settings.portfolio, so from_signals without a fees argument still charges them
import vectorbt as vbt

vbt.settings.portfolio["fees"] = 0.001
vbt.settings.portfolio["slippage"] = 0.0005
vbt.settings.portfolio["init_cash"] = 10_000
vbt.settings.array_wrapper["freq"] = "1D"

close = vbt.YFData.download("QQQ", start="2010-01-01", end="2023-12-31").get("Close")

fast = vbt.MA.run(close, 50)
slow = vbt.MA.run(close, 200)
entries = fast.ma_crossed_above(slow).shift(1, fill_value=False)
exits = fast.ma_crossed_below(slow).shift(1, fill_value=False)

pf = vbt.Portfolio.from_signals(close, entries, exits)
print(pf.stats())
