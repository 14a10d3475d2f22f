# kind: planted
# framework: freqtrade
# why: technical's ichimoku chikou_span is the close shifted 26 candles back in time (the value at t is close[t+26]); the entry requires it above the cloud
import talib.abstract as ta
from pandas import DataFrame
from technical.indicators import ichimoku

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class CloudBreakout(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.10, "600": 0.05, "1800": 0}
    stoploss = -0.12
    startup_candle_count = 160

    buy_adx = IntParameter(15, 35, default=22, space="buy")
    sell_rsi = IntParameter(65, 90, default=78, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        cloud = ichimoku(
            dataframe,
            conversion_line_period=9,
            base_line_periods=26,
            laggin_span=52,
            displacement=26,
        )
        dataframe["tenkan"] = cloud["tenkan_sen"]
        dataframe["kijun"] = cloud["kijun_sen"]
        dataframe["senkou_a"] = cloud["senkou_span_a"]
        dataframe["senkou_b"] = cloud["senkou_span_b"]
        dataframe["chikou"] = ichimoku(dataframe, displacement=26)["chikou_span"]  # expect: SL215
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        cloud_top = dataframe[["senkou_a", "senkou_b"]].max(axis=1)
        dataframe.loc[
            qtpylib.crossed_above(dataframe["tenkan"], dataframe["kijun"])
            & (dataframe["close"] > cloud_top)
            & (dataframe["chikou"] > cloud_top)
            & (dataframe["adx"] > self.buy_adx.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["tenkan"], dataframe["kijun"])
            | (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
