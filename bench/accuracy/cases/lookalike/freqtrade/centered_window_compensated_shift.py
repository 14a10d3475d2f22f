# kind: lookalike
# framework: freqtrade
# why: the 5-candle centred mean at t covers t-2..t+2; shifting it by 3 moves that window to t-5..t-1, so the smoothed value on each row reads nothing after t
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class LaggedSmoothCross(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    minimal_roi = {"0": 0.04, "60": 0.02, "240": 0}
    stoploss = -0.06
    startup_candle_count = 120

    buy_rsi = IntParameter(35, 55, default=45, space="buy")
    sell_rsi = IntParameter(65, 85, default=75, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["smooth"] = dataframe["close"].rolling(5, center=True).mean().shift(3)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["cmf_vol"] = ta.ADOSC(dataframe, fastperiod=3, slowperiod=10)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["close"], dataframe["smooth"])
            & (dataframe["close"] > dataframe["ema_50"])
            & (dataframe["rsi"] > self.buy_rsi.value)
            & (dataframe["cmf_vol"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["close"], dataframe["smooth"]) | (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
