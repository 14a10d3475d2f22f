# kind: planted
# framework: freqtrade
# why: only five parameters, but each spans hundreds of values, so hyperopt searches over a billion combinations
# expect-file: SL103
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class DonchianBreakout(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.5}
    stoploss = -0.15
    use_exit_signal = True
    startup_candle_count = 450

    buy_channel = IntParameter(10, 400, default=55, space="buy")
    buy_atr_period = IntParameter(5, 200, default=20, space="buy")
    buy_atr_mult = DecimalParameter(0.5, 6.0, default=2.0, decimals=2, space="buy")
    sell_channel = IntParameter(5, 300, default=20, space="sell")
    sell_atr_mult = DecimalParameter(0.5, 6.0, default=3.0, decimals=2, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in self.buy_atr_period.range:
            dataframe[f"atr_{period}"] = ta.ATR(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        upper = dataframe["high"].rolling(self.buy_channel.value).max().shift(1)
        atr = dataframe[f"atr_{self.buy_atr_period.value}"]
        dataframe.loc[
            (dataframe["close"] > upper)
            & ((dataframe["close"] - upper) < atr * self.buy_atr_mult.value)
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        lower = dataframe["low"].rolling(self.sell_channel.value).min().shift(1)
        atr = dataframe[f"atr_{self.buy_atr_period.value}"]
        dataframe.loc[
            qtpylib.crossed_below(dataframe["close"], lower)
            | (dataframe["close"] < dataframe["close"].rolling(self.sell_channel.value).max() - atr * self.sell_atr_mult.value),
            "exit_long",
        ] = 1
        return dataframe
