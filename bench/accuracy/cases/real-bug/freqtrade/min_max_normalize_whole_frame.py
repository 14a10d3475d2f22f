# kind: real-bug
# framework: freqtrade
# why: a normalize helper scales indicator columns with the min and max of the whole dataframe; in backtesting that range includes the future, and live (about 1000 candles) sees a different range, so signals differ
# source: https://github.com/freqtrade/freqtrade/issues/5494
import talib.abstract as ta
from pandas import DataFrame, Series

from freqtrade.strategy import DecimalParameter, IStrategy


def normalize(series: Series) -> Series:
    return (series - series.min()) / (series.max() - series.min())  # expect: SL203


class NormalizedOscillatorStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "4h"
    minimal_roi = {"0": 0.15, "1440": 0.07, "4320": 0}
    stoploss = -0.2
    startup_candle_count = 60

    buy_level = DecimalParameter(0.0, 0.4, default=0.15, decimals=2, space="buy")
    sell_level = DecimalParameter(0.6, 1.0, default=0.85, decimals=2, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["roc_n"] = normalize(ta.ROC(dataframe, timeperiod=12))
        dataframe["mfi_n"] = normalize(ta.MFI(dataframe, timeperiod=14))
        dataframe["obv_n"] = normalize(ta.OBV(dataframe))
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["roc_n"] < self.buy_level.value) & (dataframe["mfi_n"] < self.buy_level.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["roc_n"] > self.sell_level.value) | (dataframe["obv_n"] > self.sell_level.value), "exit_long"] = 1
        return dataframe
