# kind: clean
# framework: freqtrade
# why: custom_stoploss reads the last candle of the analyzed dataframe (the documented idiom; in backtesting that is the current candle) to place an ATR stop
from datetime import datetime

import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.persistence import Trade
from freqtrade.strategy import DecimalParameter, IStrategy, stoploss_from_absolute


class AtrStopTrend(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.2}
    stoploss = -0.15
    use_custom_stoploss = True
    startup_candle_count = 100

    atr_mult = DecimalParameter(1.5, 4.0, default=2.5, decimals=1, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["atr"] = ta.ATR(dataframe, timeperiod=14)
        dataframe["ema_fast"] = ta.EMA(dataframe, timeperiod=21)
        dataframe["ema_slow"] = ta.EMA(dataframe, timeperiod=55)
        return dataframe

    def custom_stoploss(
        self,
        pair: str,
        trade: Trade,
        current_time: datetime,
        current_rate: float,
        current_profit: float,
        after_fill: bool,
        **kwargs,
    ) -> float | None:
        dataframe, _ = self.dp.get_analyzed_dataframe(pair, self.timeframe)
        if dataframe.empty:
            return None
        last_candle = dataframe.iloc[-1].squeeze()
        stop_price = last_candle["close"] - last_candle["atr"] * self.atr_mult.value
        return stoploss_from_absolute(stop_price, current_rate, is_short=trade.is_short, leverage=trade.leverage)

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["ema_fast"], dataframe["ema_slow"]) & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["ema_fast"], dataframe["ema_slow"]) & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
