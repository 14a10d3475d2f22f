# kind: lookalike
# framework: freqtrade
# why: the i + 1 arithmetic lives inside a function handed to rolling(20).apply(raw=True); it indexes the 20-value window that ends at the current candle, never the rows after it
import numpy as np
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


def up_streak_ratio(window: np.ndarray) -> float:
    ups = 0
    for i in range(len(window) - 1):
        if window[i + 1] > window[i]:
            ups += 1
    return ups / (len(window) - 1)


class StreakRatioStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.05, "240": 0.025, "720": 0}
    stoploss = -0.07
    startup_candle_count = 120

    buy_ratio_pct = IntParameter(55, 80, default=65, space="buy")
    sell_ratio_pct = IntParameter(20, 45, default=35, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["streak_ratio"] = dataframe["close"].rolling(20).apply(up_streak_ratio, raw=True)
        dataframe["ema_100"] = ta.EMA(dataframe, timeperiod=100)
        dataframe["atr"] = ta.ATR(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["streak_ratio"] * 100 > self.buy_ratio_pct.value)
            & (dataframe["close"] > dataframe["ema_100"])
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["streak_ratio"] * 100 < self.sell_ratio_pct.value)
            | (dataframe["close"] < dataframe["ema_100"] - 2 * dataframe["atr"]),
            "exit_long",
        ] = 1
        return dataframe
