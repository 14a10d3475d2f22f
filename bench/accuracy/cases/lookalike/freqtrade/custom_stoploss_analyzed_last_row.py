# kind: lookalike
# framework: freqtrade
# why: custom_stoploss reads .iloc[-1] of get_analyzed_dataframe(), which in both backtest and live is the last closed candle at the time of the callback, not the end of the history
from datetime import datetime

import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.persistence import Trade
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy, stoploss_from_absolute


class AtrTrailingStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.2}
    stoploss = -0.15
    use_custom_stoploss = True
    startup_candle_count = 100

    atr_mult = DecimalParameter(1.5, 4.0, default=2.5, decimals=1, space="sell")
    buy_rsi = IntParameter(40, 60, default=50, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["atr"] = ta.ATR(dataframe, timeperiod=14)
        dataframe["ema_21"] = ta.EMA(dataframe, timeperiod=21)
        dataframe["ema_55"] = ta.EMA(dataframe, timeperiod=55)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["ema_21"], dataframe["ema_55"]) & (dataframe["rsi"] > self.buy_rsi.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["ema_21"], dataframe["ema_55"]), "exit_long"] = 1
        return dataframe

    def custom_stoploss(self, pair: str, trade: Trade, current_time: datetime, current_rate: float,
                        current_profit: float, after_fill: bool, **kwargs) -> float:
        dataframe, _ = self.dp.get_analyzed_dataframe(pair, self.timeframe)
        last_candle = dataframe.iloc[-1].squeeze()
        stop_price = last_candle["close"] - self.atr_mult.value * last_candle["atr"]
        return stoploss_from_absolute(stop_price, current_rate, is_short=trade.is_short)
