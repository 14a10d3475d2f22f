# kind: planted
# framework: jesse
# why: a Jesse research backtest passes fee 0 in its config for a futures strategy
import jesse.helpers as jh
from jesse import research

from strategies.SmaCross import SmaCross

EXCHANGE = "Binance Perpetual Futures"
SYMBOL = "BTC-USDT"
TIMEFRAME = "1h"

config = {
    "starting_balance": 10_000,
    "fee": 0,  # expect: SL501
    "type": "futures",
    "futures_leverage": 2,
    "futures_leverage_mode": "cross",
    "exchange": EXCHANGE,
    "warm_up_candles": 240,
}

routes = [{"exchange": EXCHANGE, "strategy": SmaCross, "symbol": SYMBOL, "timeframe": TIMEFRAME}]
extra_routes = []

warmup_candles, trading_candles = research.get_candles(
    EXCHANGE,
    SYMBOL,
    TIMEFRAME,
    jh.date_to_timestamp("2021-01-01"),
    jh.date_to_timestamp("2023-12-31"),
    warmup_candles_num=config["warm_up_candles"],
)
candles = {
    jh.key(EXCHANGE, SYMBOL): {
        "exchange": EXCHANGE,
        "symbol": SYMBOL,
        "candles": trading_candles,
        "warmup_candles": warmup_candles,
    }
}

result = research.backtest(config, routes, extra_routes, candles, generate_equity_curve=True)
print(result["metrics"])
