# kind: lookalike
# framework: freqtrade
# why: the whole-column max and mean of the close are computed only for a log line about the loaded range; no per-row value or signal uses them
import logging

import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy

logger = logging.getLogger(__name__)


class RangeLoggingTrend(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.06, "360": 0.03, "1080": 0}
    stoploss = -0.09
    startup_candle_count = 120

    fast = IntParameter(8, 30, default=12, space="buy")
    slow = IntParameter(40, 100, default=50, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for p in set(self.fast.range) | set(self.slow.range):
            dataframe[f"ema_{p}"] = ta.EMA(dataframe, timeperiod=p)
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)

        range_high = dataframe["close"].max()
        range_mean = dataframe["close"].mean()
        logger.info("%s: %d candles, high %.4f, mean %.4f", metadata["pair"], len(dataframe), range_high, range_mean)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe[f"ema_{self.fast.value}"], dataframe[f"ema_{self.slow.value}"])
            & (dataframe["adx"] > 25),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe[f"ema_{self.fast.value}"], dataframe[f"ema_{self.slow.value}"]),
            "exit_long",
        ] = 1
        return dataframe
