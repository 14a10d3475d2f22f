# kind: planted
# framework: freqtrade
# why: the smoothed price is a centred 24-candle rolling mean, so each row averages in the next 12 candles; the entry crosses the close above it
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class SmoothTrendRider(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "30m"
    minimal_roi = {"0": 0.05, "240": 0.025, "720": 0}
    stoploss = -0.09
    startup_candle_count = 120

    buy_rsi = IntParameter(40, 60, default=50, space="buy")
    sell_rsi = IntParameter(65, 85, default=75, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["smooth"] = dataframe["close"].rolling(window=24, center=True).mean()  # expect: SL202
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_100"] = ta.EMA(dataframe, timeperiod=100)
        dataframe["obv"] = ta.OBV(dataframe)
        dataframe["obv_ema"] = ta.EMA(dataframe["obv"], timeperiod=20)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["close"], dataframe["smooth"])
            & (dataframe["rsi"] > self.buy_rsi.value)
            & (dataframe["close"] > dataframe["ema_100"])
            & (dataframe["obv"] > dataframe["obv_ema"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["close"], dataframe["smooth"])
            | (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
