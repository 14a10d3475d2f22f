# kind: planted
# framework: freqtrade
# why: the slow SMA period is a hyperopt parameter reaching 300 candles but startup_candle_count covers only 150
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class SmaRibbonOpt(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "4h"
    minimal_roi = {"0": 0.2}
    stoploss = -0.12
    startup_candle_count = 150  # expect: SL303

    buy_fast = IntParameter(5, 40, default=18, space="buy")
    buy_slow = IntParameter(50, 300, default=140, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in self.buy_fast.range:
            dataframe[f"sma_{period}"] = ta.SMA(dataframe, timeperiod=period)
        for period in self.buy_slow.range:
            dataframe[f"sma_{period}"] = ta.SMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"sma_{self.buy_fast.value}"]
        slow = dataframe[f"sma_{self.buy_slow.value}"]
        dataframe.loc[qtpylib.crossed_above(fast, slow) & (dataframe["volume"] > 0), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"sma_{self.buy_fast.value}"]
        slow = dataframe[f"sma_{self.buy_slow.value}"]
        dataframe.loc[qtpylib.crossed_below(fast, slow) & (dataframe["volume"] > 0), "exit_long"] = 1
        return dataframe
