# kind: real-bug
# framework: freqtrade
# why: pandas_ta's dpo is centred by default and then leaks later closes into each row (a model trained on it scored near 100%); the strategy trades its zero cross
# source: https://github.com/twopirllc/pandas-ta/issues/60
import pandas_ta as pta
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class DetrendedCycleStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.05, "240": 0.025, "720": 0}
    stoploss = -0.07
    startup_candle_count = 100

    dpo_len = IntParameter(14, 40, default=21, space="buy")
    sell_rsi = IntParameter(60, 85, default=72, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["dpo"] = pta.dpo(dataframe["close"], length=self.dpo_len.value)  # expect: SL215
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["dpo"], 0) & (dataframe["close"] > dataframe["ema_50"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["dpo"], 0) | (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
