# kind: planted
# framework: freqtrade
# why: the close two candles ahead is stored as lead_close, copied to a temporary column and renamed again before the entry compares it with the current close
from functools import reduce

import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class SwingConfirmStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.08, "120": 0.04, "360": 0.01}
    stoploss = -0.10
    trailing_stop = True
    trailing_stop_positive = 0.01
    trailing_stop_positive_offset = 0.03
    trailing_only_offset_is_reached = True

    startup_candle_count = 200

    buy_adx = IntParameter(18, 35, default=24, space="buy")
    buy_mfi = IntParameter(20, 40, default=28, space="buy")
    sell_cci = IntParameter(100, 120, default=110, space="sell")
    buy_gap = DecimalParameter(0.001, 0.01, default=0.004, decimals=3, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        dataframe["mfi"] = ta.MFI(dataframe, timeperiod=14)
        dataframe["cci"] = ta.CCI(dataframe, timeperiod=20)
        dataframe["sma_50"] = ta.SMA(dataframe, timeperiod=50)
        stoch = ta.STOCHF(dataframe, fastk_period=5, fastd_period=3)
        dataframe["fastk"] = stoch["fastk"]
        dataframe["fastd"] = stoch["fastd"]

        dataframe["lead_close"] = dataframe["close"].shift(-2)  # expect: SL201
        dataframe["swing_tmp"] = dataframe["lead_close"]
        dataframe["swing_confirm"] = dataframe["swing_tmp"] / dataframe["close"] - 1
        dataframe.drop(columns=["swing_tmp"], inplace=True)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        conditions = [
            dataframe["adx"] > self.buy_adx.value,
            dataframe["mfi"] < self.buy_mfi.value,
            qtpylib.crossed_above(dataframe["fastk"], dataframe["fastd"]),
            dataframe["swing_confirm"] > self.buy_gap.value,
            dataframe["volume"] > 0,
        ]
        dataframe.loc[reduce(lambda a, b: a & b, conditions), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["cci"] > self.sell_cci.value) & (dataframe["close"] > dataframe["sma_50"]),
            "exit_long",
        ] = 1
        return dataframe
