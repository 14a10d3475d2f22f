# kind: real-bug
# framework: freqtrade
# why: lows and highs are found with scipy.signal.argrelextrema over the whole close column; a point only qualifies once later candles exist, so backtests buy exact bottoms that dry-run cannot see
# source: https://github.com/ivanproskuryakov/ta-search/issues/2
import numpy as np
import talib.abstract as ta
from pandas import DataFrame
from scipy import signal

from freqtrade.strategy import IStrategy


class ExtremaSearch(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.02, "30": 0.01, "90": 0.005}
    stoploss = -0.05
    startup_candle_count = 60

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["extrema"] = 0
        lows = signal.argrelextrema(dataframe["close"].values, np.less, order=5)[0]  # expect: SL215
        highs = signal.argrelextrema(dataframe["close"].values, np.greater, order=5)[0]  # expect: SL215
        dataframe.loc[lows, "extrema"] = -1
        dataframe.loc[highs, "extrema"] = 1
        dataframe["drop_pct"] = dataframe["close"] / dataframe["close"].rolling(24).max() - 1
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["extrema"] == -1) & (dataframe["drop_pct"] < -0.05), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["extrema"] == 1, "exit_long"] = 1
        return dataframe
