# kind: real-bug
# framework: freqtrade
# why: technical's ichimoku returns chikou_span as the close moved 26 candles back, so comparing it with today's cloud reads the future; the report notes it is meant for plotting and backtests differ from live
# source: https://github.com/freqtrade/technical/issues/12
import talib.abstract as ta
from pandas import DataFrame
from technical.indicators import ichimoku

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IStrategy


class IchimokuLaggingConfirm(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "30m"
    minimal_roi = {"0": 0.08, "300": 0.04, "900": 0}
    stoploss = -0.10
    trailing_stop = True
    trailing_stop_positive = 0.02
    trailing_stop_positive_offset = 0.05
    trailing_only_offset_is_reached = True
    startup_candle_count = 120

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        ichi = ichimoku(dataframe)  # expect: SL215
        dataframe["tenkan"] = ichi["tenkan_sen"]
        dataframe["kijun"] = ichi["kijun_sen"]
        dataframe["senkou_a"] = ichi["senkou_span_a"]
        dataframe["senkou_b"] = ichi["senkou_span_b"]
        dataframe["cloud_green"] = ichi["cloud_green"]
        dataframe["chikou"] = ichi["chikou_span"]
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["tenkan"], dataframe["kijun"])
            & (dataframe["cloud_green"] > 0)
            & (dataframe["chikou"] > dataframe["senkou_a"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["tenkan"], dataframe["kijun"]), "exit_long"] = 1
        return dataframe
