# kind: planted
# framework: freqtrade
# why: the slope column is written with dataframe.loc[cond, "x"] = ema.diff(-3), i.e. the EMA three candles ahead minus the current EMA, and the entry reads it
import numpy as np
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class EmaSlopeFilter(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.03, "30": 0.015, "90": 0.005}
    stoploss = -0.05
    startup_candle_count = 300

    ema_period = IntParameter(20, 80, default=50, space="buy")
    buy_rsi = IntParameter(25, 45, default=35, space="buy")
    sell_rsi = IntParameter(60, 80, default=70, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in self.ema_period.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        dataframe["ema_trend"] = ta.EMA(dataframe, timeperiod=200)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        macd = ta.MACD(dataframe, fastperiod=12, slowperiod=26, signalperiod=9)
        dataframe["macdhist"] = macd["macdhist"]

        dataframe["ema_slope"] = np.nan
        active = dataframe["volume"] > 0
        dataframe.loc[active, "ema_slope"] = dataframe["ema_trend"].diff(-3) * -1  # expect: SL201
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        ema = dataframe[f"ema_{self.ema_period.value}"]
        dataframe.loc[
            (dataframe["ema_slope"] > 0)
            & (dataframe["close"] > ema)
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["macdhist"] > dataframe["macdhist"].shift(1)),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["rsi"], self.sell_rsi.value) | (dataframe["ema_slope"] < 0),
            "exit_long",
        ] = 1
        return dataframe
