# kind: planted
# framework: freqtrade
# why: the entry compares the current close with the next candle's close
from pandas import DataFrame
from freqtrade.strategy import IStrategy
import talib.abstract as ta


class NextCloseProbe(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "5m"
    minimal_roi = {"0": 0.04}
    stoploss = -0.08
    startup_candle_count = 30

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["next_close"] = dataframe["close"].shift(-1)  # expect: SL201
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["next_close"] > dataframe["close"]) & (dataframe["rsi"] < 40), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["rsi"] > 70, "exit_long"] = 1
        return dataframe
