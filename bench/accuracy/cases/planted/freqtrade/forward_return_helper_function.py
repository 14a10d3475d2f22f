# kind: planted
# framework: freqtrade
# why: a helper computes the forward n-candle return with pct_change(n).shift(-n); populate_indicators calls it and the entry trades on it
import logging
from functools import reduce

import numpy as np
import talib.abstract as ta
from pandas import DataFrame, Series

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy

logger = logging.getLogger(__name__)


def momentum_horizon(close: Series, horizon: int) -> Series:
    """Percentage move over `horizon` candles, aligned on the first candle of the move."""
    move = close.pct_change(horizon).shift(-horizon)  # expect: SL201
    return move.replace([np.inf, -np.inf], np.nan)


class HorizonMomentumV2(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    can_short = False

    minimal_roi = {"0": 0.06, "60": 0.03, "180": 0.015, "480": 0}
    stoploss = -0.07
    trailing_stop = False

    process_only_new_candles = True
    use_exit_signal = True
    exit_profit_only = False

    startup_candle_count = 240

    buy_rsi = IntParameter(20, 45, default=32, space="buy", optimize=True)
    buy_move = DecimalParameter(0.002, 0.02, default=0.008, decimals=3, space="buy", optimize=True)
    sell_rsi = IntParameter(60, 85, default=72, space="sell", optimize=True)

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_fast"] = ta.EMA(dataframe, timeperiod=21)
        dataframe["ema_slow"] = ta.EMA(dataframe, timeperiod=55)
        bollinger = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=2)
        dataframe["bb_lower"] = bollinger["lower"]
        dataframe["bb_mid"] = bollinger["mid"]
        dataframe["atr"] = ta.ATR(dataframe, timeperiod=14)
        dataframe["move_4"] = momentum_horizon(dataframe["close"], 4)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        conditions = [
            dataframe["rsi"] < self.buy_rsi.value,
            dataframe["ema_fast"] > dataframe["ema_slow"],
            dataframe["move_4"] > self.buy_move.value,
            dataframe["volume"] > 0,
        ]
        dataframe.loc[reduce(lambda a, b: a & b, conditions), ["enter_long", "enter_tag"]] = (1, "horizon_mom")
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (qtpylib.crossed_above(dataframe["rsi"], self.sell_rsi.value))
            | (dataframe["close"] < dataframe["bb_lower"] - dataframe["atr"]),
            "exit_long",
        ] = 1
        return dataframe
