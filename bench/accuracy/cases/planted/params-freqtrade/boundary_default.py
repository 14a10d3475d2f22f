# kind: planted
# framework: freqtrade
# why: the hyperopt result pasted into buy_params sits on the top of the RSI range and the sell default on the bottom of its range
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class EdgeRunner(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "5m"
    minimal_roi = {"0": 0.03, "30": 0.015, "90": 0}
    stoploss = -0.06
    startup_candle_count = 60

    buy_params = {
        "buy_rsi": 40,  # expect: SL104
        "buy_ema_period": 21,
    }

    buy_rsi = IntParameter(10, 40, default=28, space="buy")
    buy_ema_period = IntParameter(10, 50, default=20, space="buy")
    sell_rsi = IntParameter(60, 90, default=60, space="sell")  # expect: SL104

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        for period in self.buy_ema_period.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        ema = dataframe[f"ema_{self.buy_ema_period.value}"]
        dataframe.loc[
            qtpylib.crossed_above(dataframe["close"], ema)
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["rsi"], self.sell_rsi.value) & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
