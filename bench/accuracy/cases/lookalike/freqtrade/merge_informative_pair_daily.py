# kind: lookalike
# framework: freqtrade
# why: the 1d candles are attached with merge_informative_pair, which moves each informative candle to the time it closes before merging (ffill=True), so no hour sees the day in progress
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy, merge_informative_pair


class DailyFilterMergedProperly(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    inf_timeframe = "1d"
    minimal_roi = {"0": 0.06, "720": 0.03, "2880": 0}
    stoploss = -0.08
    startup_candle_count = 100

    buy_rsi = IntParameter(25, 50, default=40, space="buy")
    sell_rsi = IntParameter(60, 85, default=74, space="sell")

    def informative_pairs(self):
        return [(pair, self.inf_timeframe) for pair in self.dp.current_whitelist()]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        informative = self.dp.get_pair_dataframe(pair=metadata["pair"], timeframe=self.inf_timeframe)
        informative["ema_20"] = ta.EMA(informative, timeperiod=20)
        informative["rsi"] = ta.RSI(informative, timeperiod=14)
        dataframe = merge_informative_pair(dataframe, informative, self.timeframe, self.inf_timeframe, ffill=True)

        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close_1d"] > dataframe["ema_20_1d"])
            & (dataframe["rsi_1d"] > 50)
            & qtpylib.crossed_above(dataframe["rsi"], self.buy_rsi.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close_1d"] < dataframe["ema_20_1d"]) | (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
