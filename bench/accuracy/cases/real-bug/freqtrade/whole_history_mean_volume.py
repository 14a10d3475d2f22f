# kind: real-bug
# framework: freqtrade
# why: the volume filter uses the mean volume of the entire loaded dataframe, which in a backtest includes every later candle; the report asks for a rolling mean instead
# source: https://github.com/freqtrade/freqtrade-strategies/issues/284
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IStrategy


class StochAdxVolumeFilter(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.05, "20": 0.03, "40": 0.02, "60": 0.01}
    stoploss = -0.10
    startup_candle_count = 100

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        dataframe["slow_adx"] = ta.ADX(dataframe, timeperiod=35)
        dataframe["cci"] = ta.CCI(dataframe, timeperiod=20)
        stoch = ta.STOCHF(dataframe, fastk_period=5, fastd_period=3)
        dataframe["fastk"] = stoch["fastk"]
        dataframe["fastd"] = stoch["fastd"]
        dataframe["mean_volume"] = dataframe["volume"].mean()  # expect: SL203
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["adx"] > 50)
            & (dataframe["slow_adx"] > 26)
            & (dataframe["cci"] < -100)
            & (dataframe["fastk"] < 20)
            & (dataframe["volume"] > dataframe["mean_volume"] * 0.75),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["slow_adx"] < 25) & (dataframe["fastk"] > 70), "exit_long"] = 1
        return dataframe
