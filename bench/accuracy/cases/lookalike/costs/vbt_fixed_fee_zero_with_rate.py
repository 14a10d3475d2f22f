# kind: lookalike
# framework: vectorbt
# why: fixed_fees=0 sits next to a non-zero proportional fee and slippage: costs are modelled, only the flat per-order part is zero
import vectorbt as vbt

TAKER_FEE = 0.0004
SLIPPAGE = 0.0002

close = vbt.BinanceData.download("BTCUSDT", start="2020-01-01 UTC", end="2024-01-01 UTC", interval="4h").get("Close")

bands = vbt.BBANDS.run(close, window=20, alpha=2.0)
entries = close.vbt.crossed_below(bands.lower).shift(1, fill_value=False)
exits = close.vbt.crossed_above(bands.middle).shift(1, fill_value=False)

pf = vbt.Portfolio.from_signals(
    close,
    entries,
    exits,
    fees=TAKER_FEE,
    fixed_fees=0,
    slippage=SLIPPAGE,
    init_cash=5_000,
    freq="4h",
)
print(pf.sharpe_ratio(), pf.max_drawdown())
