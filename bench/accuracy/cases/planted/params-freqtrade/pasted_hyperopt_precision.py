# kind: planted
# framework: freqtrade
# why: buy/sell params, ROI and stoploss pasted straight from hyperopt output with five-digit precision
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class PastedBands(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    startup_candle_count = 100

    # Buy hyperspace params:
    buy_params = {
        "buy_bb_factor": 0.98734,  # expect: SL102
        "buy_rsi": 31,
    }

    # Sell hyperspace params:
    sell_params = {
        "sell_rsi": 74,
    }

    # ROI table:
    minimal_roi = {
        "0": 0.21374,  # expect: SL102
        "37": 0.06821,  # expect: SL102
        "112": 0.02,
        "391": 0,
    }

    # Stoploss:
    stoploss = -0.27183  # expect: SL102

    # Trailing stop:
    trailing_stop = True
    trailing_stop_positive = 0.01342  # expect: SL102
    trailing_stop_positive_offset = 0.04
    trailing_only_offset_is_reached = True

    buy_bb_factor = DecimalParameter(0.95, 1.02, default=0.99, decimals=3, space="buy")
    buy_rsi = IntParameter(20, 45, default=30, space="buy")
    sell_rsi = IntParameter(60, 85, default=70, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        bollinger = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=2)
        dataframe["bb_lowerband"] = bollinger["lower"]
        dataframe["bb_middleband"] = bollinger["mid"]
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] < dataframe["bb_lowerband"] * self.buy_bb_factor.value)
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["close"] > dataframe["ema_50"])
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["rsi"] > self.sell_rsi.value) & (dataframe["close"] > dataframe["bb_middleband"]),
            "exit_long",
        ] = 1
        return dataframe
