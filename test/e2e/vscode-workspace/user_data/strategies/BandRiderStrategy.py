# BandRider: mean-reversion on Bollinger bands with RSI and ADX filters, 15m candles.
# Parameters were hyperopted on 2023-01-01..2023-06-30 (see user_data/hyperopt_results).
from functools import reduce

import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import (
    BooleanParameter,
    CategoricalParameter,
    DecimalParameter,
    IntParameter,
    IStrategy,
)


class BandRiderStrategy(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "15m"
    can_short = False

    minimal_roi = {"0": 0.128, "37": 0.046, "91": 0.021, "204": 0}
    stoploss = -0.27183
    trailing_stop = True
    trailing_stop_positive = 0.01342
    trailing_stop_positive_offset = 0.02871
    trailing_only_offset_is_reached = True

    startup_candle_count = 30

    buy_rsi = IntParameter(10, 45, default=28, space="buy")
    buy_adx = IntParameter(15, 45, default=31, space="buy")
    buy_bb_factor = DecimalParameter(0.90, 1.00, default=0.982, decimals=3, space="buy")
    buy_use_volume = BooleanParameter(default=True, space="buy")
    buy_trigger = CategoricalParameter(["bb_lower", "ema_cross"], default="bb_lower", space="buy")
    sell_rsi = IntParameter(55, 95, default=74, space="sell")
    sell_bb_factor = DecimalParameter(0.95, 1.10, default=1.013, decimals=3, space="sell")
    sell_profit_guard = DecimalParameter(0.0, 0.05, default=0.0117, decimals=4, space="sell")

    buy_params = {
        "buy_adx": 31,
        "buy_bb_factor": 0.982,
        "buy_rsi": 28,
        "buy_ema_gap": 0.0043,
    }

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        bollinger = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=2)
        dataframe["bb_lower"] = bollinger["lower"]
        dataframe["bb_middle"] = bollinger["mid"]
        dataframe["bb_upper"] = bollinger["upper"]
        dataframe["ema_fast"] = ta.EMA(dataframe, timeperiod=12)
        dataframe["ema_slow"] = ta.EMA(dataframe, timeperiod=200)
        dataframe["volume_mean"] = dataframe["volume"].rolling(48).mean()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        conditions = [
            dataframe["rsi"] < self.buy_rsi.value,
            dataframe["adx"] > self.buy_adx.value,
            dataframe["close"] < dataframe["bb_lower"] * self.buy_bb_factor.value,
            dataframe["ema_fast"] > dataframe["ema_slow"] * 0.9937,
            dataframe["volume"] > 0,
        ]
        if self.buy_use_volume.value:
            conditions.append(dataframe["volume"] > dataframe["volume_mean"] * 1.37)
        dataframe.loc[reduce(lambda a, b: a & b, conditions), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (
                (dataframe["rsi"] > self.sell_rsi.value)
                & (dataframe["close"] > dataframe["bb_upper"] * self.sell_bb_factor.value)
                & (dataframe["adx"] < 23.5)
                & (dataframe["volume"] > 0)
            ),
            "exit_long",
        ] = 1
        return dataframe
