# kind: lookalike
# framework: freqtrade
# why: the subclass sets no startup_candle_count of its own but inherits 300 from its base, which covers the daily-volume rolling(288) and the EMA 200
import numpy as np
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IStrategy


class BaseFiveMinute(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "5m"
    minimal_roi = {"0": 0.02, "20": 0.01, "60": 0}
    stoploss = -0.05
    process_only_new_candles = True
    startup_candle_count = 300

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_200"] = ta.EMA(dataframe, timeperiod=200)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["close"] > dataframe["ema_200"]) & (dataframe["rsi"] < 35), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["rsi"] > 65, "exit_long"] = 1
        return dataframe


class VolumeSurge(BaseFiveMinute):
    # One day of 5m candles for the volume baseline.
    volume_window = 288

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe = super().populate_indicators(dataframe, metadata)
        dataframe["volume_day_mean"] = dataframe["volume"].rolling(self.volume_window).mean()
        dataframe["log_ret_1h"] = np.log(dataframe["close"] / dataframe["close"].shift(12))
        dataframe["vwap"] = qtpylib.rolling_vwap(dataframe, window=48)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["volume"] > 3 * dataframe["volume_day_mean"])
            & (dataframe["log_ret_1h"] > 0)
            & (dataframe["close"] > dataframe["vwap"])
            & (dataframe["close"] > dataframe["ema_200"]),
            "enter_long",
        ] = 1
        return dataframe
