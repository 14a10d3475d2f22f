# kind: planted
# framework: freqtrade
# why: a 200-period EMA trend filter with only 50 startup candles, so early signals use a half-formed EMA
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IStrategy


class TrendPullback(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.06, "240": 0.03, "720": 0}
    stoploss = -0.08
    trailing_stop = False
    process_only_new_candles = True
    startup_candle_count: int = 50  # expect: SL303

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["ema_fast"] = ta.EMA(dataframe, timeperiod=20)
        dataframe["ema_trend"] = ta.EMA(dataframe, timeperiod=200)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["atr"] = ta.ATR(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] > dataframe["ema_trend"])
            & qtpylib.crossed_above(dataframe["close"], dataframe["ema_fast"])
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["close"], dataframe["ema_trend"]) & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
