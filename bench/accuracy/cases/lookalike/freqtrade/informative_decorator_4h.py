# kind: lookalike
# framework: freqtrade
# why: the 4h indicators come from an @informative("4h") method; freqtrade merges them with merge_informative_pair semantics (shifted to the candle close), so the 1h rows only see completed 4h candles
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy, informative


class FourHourBiasStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.05, "360": 0.025, "1440": 0}
    stoploss = -0.07
    startup_candle_count = 200

    buy_rsi = IntParameter(30, 50, default=42, space="buy")

    @informative("4h")
    def populate_indicators_4h(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        dataframe["macdhist"] = ta.MACD(dataframe)["macdhist"]
        return dataframe

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_21"] = ta.EMA(dataframe, timeperiod=21)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close_4h"] > dataframe["ema_50_4h"])
            & (dataframe["macdhist_4h"] > 0)
            & qtpylib.crossed_above(dataframe["rsi"], self.buy_rsi.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["macdhist_4h"] < 0) & (dataframe["close"] < dataframe["ema_21"]), "exit_long"] = 1
        return dataframe
