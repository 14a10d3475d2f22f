# TrendPullback: buy RSI pullbacks inside an established 1h uptrend, exit on RSI strength.
# Two tuned parameters. Hyperopted on 2022 only (timerange 20220101-20221231, 80 epochs),
# then backtested once on 2023, which the optimiser never saw (timerange 20230101-20231231).
# The hyperopted values live in TrendPullbackStrategy.json next to this file.
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class TrendPullbackStrategy(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    can_short = False

    # Fixed, not optimised: a plain 4 % take-profit ladder and a 4 % stop.
    minimal_roi = {"0": 0.04, "720": 0.02, "1440": 0}
    stoploss = -0.04

    # The slowest indicator is EMA(200): give it 2x its window of history before trading.
    startup_candle_count = 400

    buy_rsi = IntParameter(28, 36, default=32, space="buy")
    sell_rsi = IntParameter(65, 75, default=70, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_trend"] = ta.EMA(dataframe, timeperiod=200)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (
                (dataframe["close"] > dataframe["ema_trend"])
                & (dataframe["rsi"] < self.buy_rsi.value)
                & (dataframe["volume"] > 0)
            ),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["rsi"] > self.sell_rsi.value) & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
