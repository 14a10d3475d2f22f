# kind: lookalike
# framework: freqtrade
# why: MACD, TEMA, ADX and a 100-period hyperopt EMA range all fit inside startup_candle_count = 400 (several times the longest recursive window, as freqtrade advises)
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class RecursiveWarmup(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.08, "360": 0.04, "1440": 0}
    stoploss = -0.1
    startup_candle_count = 400

    buy_ema = IntParameter(30, 100, default=60, space="buy")
    sell_adx = IntParameter(15, 35, default=20, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        macd = ta.MACD(dataframe, fastperiod=12, slowperiod=26, signalperiod=9)
        dataframe["macd"] = macd["macd"]
        dataframe["macdsignal"] = macd["macdsignal"]
        dataframe["tema"] = ta.TEMA(dataframe, timeperiod=30)
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        for period in self.buy_ema.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["macd"], dataframe["macdsignal"])
            & (dataframe["tema"] > dataframe[f"ema_{self.buy_ema.value}"])
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["macd"], dataframe["macdsignal"])
            & (dataframe["adx"] < self.sell_adx.value),
            "exit_long",
        ] = 1
        return dataframe
