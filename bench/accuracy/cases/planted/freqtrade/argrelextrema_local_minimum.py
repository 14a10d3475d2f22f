# kind: planted
# framework: freqtrade
# why: scipy argrelextrema over the whole close column marks a candle as a local minimum only by comparing it with the next `order` candles; the entry buys on that mark
import numpy as np
import talib.abstract as ta
from pandas import DataFrame
from scipy.signal import argrelextrema

from freqtrade.strategy import IntParameter, IStrategy


class LocalMinimaHunter(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    minimal_roi = {"0": 0.04, "45": 0.02, "150": 0.008}
    stoploss = -0.06
    startup_candle_count = 100

    extrema_order = IntParameter(3, 12, default=6, space="buy")
    buy_rsi = IntParameter(20, 45, default=38, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        dataframe["natr"] = ta.NATR(dataframe, timeperiod=14)

        closes = dataframe["close"].to_numpy()
        minima_idx = argrelextrema(closes, np.less_equal, order=self.extrema_order.value)[0]  # expect: SL215
        maxima_idx = argrelextrema(closes, np.greater_equal, order=self.extrema_order.value)[0]  # expect: SL215
        dataframe["is_min"] = 0
        dataframe["is_max"] = 0
        dataframe.loc[dataframe.index[minima_idx], "is_min"] = 1
        dataframe.loc[dataframe.index[maxima_idx], "is_max"] = 1
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["is_min"] == 1)
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["natr"] > 0.4),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["is_max"] == 1) | (dataframe["close"] < dataframe["ema_50"] * 0.97), "exit_long"] = 1
        return dataframe
