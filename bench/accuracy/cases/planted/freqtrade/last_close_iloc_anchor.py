# kind: planted
# framework: freqtrade
# why: the discount level is anchored on dataframe["close"].iloc[-1], the last candle of the whole backtest, and every row is compared with it
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class DiscountToLastClose(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "4h"
    minimal_roi = {"0": 0.12, "1440": 0.06, "4320": 0}
    stoploss = -0.15
    startup_candle_count = 80

    discount = DecimalParameter(0.80, 0.98, default=0.92, decimals=2, space="buy")
    buy_rsi = IntParameter(20, 45, default=35, space="buy")
    sell_rsi = IntParameter(60, 85, default=72, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["sma_50"] = ta.SMA(dataframe, timeperiod=50)
        dataframe["willr"] = ta.WILLR(dataframe, timeperiod=14)
        dataframe["tema"] = ta.TEMA(dataframe, timeperiod=9)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        anchor = dataframe["close"].iloc[-1]  # expect: SL207
        dataframe.loc[
            (dataframe["close"] < anchor * self.discount.value)
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["tema"] > dataframe["tema"].shift(1)),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["rsi"], self.sell_rsi.value)
            | (dataframe["willr"] > -5),
            "exit_long",
        ] = 1
        return dataframe
