# kind: real-bug
# framework: freqtrade
# why: an indicator defined as close.shift(-1).pct_change() is the next candle's return; lookahead-analysis flagged it and the maintainer pointed to the first of freqtrade's common mistakes
# source: https://github.com/freqtrade/freqtrade/issues/9240
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class MomentumBlend(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    minimal_roi = {"0": 0.04, "60": 0.02, "180": 0}
    stoploss = -0.06
    startup_candle_count = 100

    buy_rsi = IntParameter(30, 55, default=45, space="buy")
    min_step = DecimalParameter(0.0, 0.01, default=0.002, decimals=3, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_20"] = ta.EMA(dataframe, timeperiod=20)
        dataframe["ema_60"] = ta.EMA(dataframe, timeperiod=60)
        dataframe["mom"] = ta.MOM(dataframe, timeperiod=10)
        dataframe["step"] = dataframe["close"].shift(-1).pct_change()  # expect: SL201
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["ema_20"] > dataframe["ema_60"])
            & (dataframe["rsi"] > self.buy_rsi.value)
            & (dataframe["mom"] > 0)
            & (dataframe["step"] > self.min_step.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["ema_20"], dataframe["ema_60"]), "exit_long"] = 1
        return dataframe
