# kind: clean
# framework: freqtrade
# why: a long/short futures strategy with EMA trend, ADX strength filter, fixed 2x leverage and three hyperoptable values
from datetime import datetime
from typing import Optional

import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class EmaAdxLongShort(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "4h"
    can_short = True
    minimal_roi = {"0": 0.15, "1440": 0.05, "4320": 0}
    stoploss = -0.08
    trailing_stop = True
    trailing_stop_positive = 0.02
    trailing_stop_positive_offset = 0.05
    trailing_only_offset_is_reached = True
    startup_candle_count = 150

    buy_adx = IntParameter(15, 35, default=25, space="buy")
    buy_ema_fast = IntParameter(10, 30, default=20, space="buy")
    sell_ema_slow = IntParameter(40, 100, default=60, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        for period in self.buy_ema_fast.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        for period in self.sell_ema_slow.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_{self.buy_ema_fast.value}"]
        slow = dataframe[f"ema_{self.sell_ema_slow.value}"]
        strong = dataframe["adx"] > self.buy_adx.value
        dataframe.loc[qtpylib.crossed_above(fast, slow) & strong & (dataframe["volume"] > 0), ["enter_long", "enter_tag"]] = (1, "ema_up")
        dataframe.loc[qtpylib.crossed_below(fast, slow) & strong & (dataframe["volume"] > 0), ["enter_short", "enter_tag"]] = (1, "ema_down")
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_{self.buy_ema_fast.value}"]
        slow = dataframe[f"ema_{self.sell_ema_slow.value}"]
        dataframe.loc[qtpylib.crossed_below(fast, slow), "exit_long"] = 1
        dataframe.loc[qtpylib.crossed_above(fast, slow), "exit_short"] = 1
        return dataframe

    def leverage(
        self,
        pair: str,
        current_time: datetime,
        current_rate: float,
        proposed_leverage: float,
        max_leverage: float,
        entry_tag: Optional[str],
        side: str,
        **kwargs,
    ) -> float:
        return min(2.0, max_leverage)
