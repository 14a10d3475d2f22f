# kind: lookalike
# framework: freqtrade
# why: all indicators are trailing TA-Lib and qtpylib calls (bollinger_bands, crossed_above, Heikin-Ashi, STOCHRSI); none reads a candle after the current one
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class HeikinBandBounce(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.025, "30": 0.012, "90": 0}
    stoploss = -0.045
    startup_candle_count = 250

    bb_std = DecimalParameter(1.5, 3.0, default=2.0, decimals=1, space="buy")
    buy_stoch = IntParameter(5, 30, default=20, space="buy")
    sell_stoch = IntParameter(70, 95, default=80, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        heikin = qtpylib.heikinashi(dataframe)
        dataframe["ha_open"] = heikin["open"]
        dataframe["ha_close"] = heikin["close"]
        bands = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=self.bb_std.value)
        dataframe["bb_lower"] = bands["lower"]
        dataframe["bb_middle"] = bands["mid"]
        stoch = ta.STOCHRSI(dataframe, timeperiod=14, fastk_period=3, fastd_period=3, fastd_matype=0)
        dataframe["srsi_k"] = stoch["fastk"]
        dataframe["srsi_d"] = stoch["fastd"]
        dataframe["ema_200"] = ta.EMA(dataframe, timeperiod=200)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] < dataframe["bb_lower"])
            & (dataframe["ha_close"] > dataframe["ha_open"])
            & qtpylib.crossed_above(dataframe["srsi_k"], dataframe["srsi_d"])
            & (dataframe["srsi_k"] < self.buy_stoch.value)
            & (dataframe["close"] > dataframe["ema_200"] * 0.9),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] > dataframe["bb_middle"]) & (dataframe["srsi_k"] > self.sell_stoch.value),
            "exit_long",
        ] = 1
        return dataframe
