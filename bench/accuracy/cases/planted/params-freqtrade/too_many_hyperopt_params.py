# kind: planted
# framework: freqtrade
# why: eleven hyperopt parameters are left optimisable (optimize defaults to True) on one strategy
# expect-file: SL103
from functools import reduce

import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import CategoricalParameter, DecimalParameter, IntParameter, IStrategy


class ElevenKnobs(IStrategy):  # expect: SL101
    INTERFACE_VERSION = 3
    timeframe = "15m"
    can_short = False

    minimal_roi = {"0": 0.08, "60": 0.04, "180": 0.02, "480": 0}
    stoploss = -0.10
    trailing_stop = False
    process_only_new_candles = True
    startup_candle_count = 240

    buy_rsi = IntParameter(15, 45, default=30, space="buy")
    buy_rsi_enabled = CategoricalParameter([True, False], default=True, space="buy")
    buy_mfi = IntParameter(10, 40, default=22, space="buy")
    buy_adx = IntParameter(15, 40, default=25, space="buy")
    buy_ema_fast = IntParameter(5, 50, default=12, space="buy")
    buy_ema_slow = IntParameter(60, 200, default=120, space="buy")
    buy_bb_factor = DecimalParameter(0.95, 1.02, default=0.99, decimals=2, space="buy")
    buy_volume_mult = DecimalParameter(1.0, 4.0, default=1.5, decimals=1, space="buy")

    sell_rsi = IntParameter(60, 90, default=72, space="sell")
    sell_mfi = IntParameter(60, 95, default=80, space="sell")
    sell_bb_enabled = CategoricalParameter([True, False], default=False, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["mfi"] = ta.MFI(dataframe, timeperiod=14)
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        for period in self.buy_ema_fast.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        for period in self.buy_ema_slow.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        bands = ta.BBANDS(dataframe, timeperiod=20, nbdevup=2.0, nbdevdn=2.0)
        dataframe["bb_lower"] = bands["lowerband"]
        dataframe["bb_upper"] = bands["upperband"]
        dataframe["volume_mean"] = dataframe["volume"].rolling(30).mean()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        conditions = [
            dataframe[f"ema_{self.buy_ema_fast.value}"] > dataframe[f"ema_{self.buy_ema_slow.value}"],
            dataframe["adx"] > self.buy_adx.value,
            dataframe["mfi"] < self.buy_mfi.value,
            dataframe["close"] < dataframe["bb_lower"] * self.buy_bb_factor.value,
            dataframe["volume"] > dataframe["volume_mean"] * self.buy_volume_mult.value,
        ]
        if self.buy_rsi_enabled.value:
            conditions.append(dataframe["rsi"] < self.buy_rsi.value)
        dataframe.loc[reduce(lambda a, b: a & b, conditions), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        conditions = [dataframe["rsi"] > self.sell_rsi.value, dataframe["mfi"] > self.sell_mfi.value]
        if self.sell_bb_enabled.value:
            conditions.append(dataframe["close"] > dataframe["bb_upper"])
        dataframe.loc[reduce(lambda a, b: a & b, conditions), "exit_long"] = 1
        return dataframe
