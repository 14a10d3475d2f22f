# kind: lookalike
# framework: freqtrade
# why: the module defines a helper with shift(-1) for offline labelling, but nothing in the strategy calls it; the signals use only trailing indicators
import logging

import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy

logger = logging.getLogger(__name__)


def label_next_candle_direction(dataframe: DataFrame) -> DataFrame:
    """Offline research helper: marks whether the following candle closed higher."""
    dataframe["next_up"] = (dataframe["close"].shift(-1) > dataframe["close"]).astype(int)
    return dataframe


class PlainMacdStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.05, "240": 0.02, "720": 0}
    stoploss = -0.08
    startup_candle_count = 150

    buy_rsi = IntParameter(30, 55, default=45, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        macd = ta.MACD(dataframe, fastperiod=12, slowperiod=26, signalperiod=9)
        dataframe["macd"] = macd["macd"]
        dataframe["macdsignal"] = macd["macdsignal"]
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_100"] = ta.EMA(dataframe, timeperiod=100)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["macd"], dataframe["macdsignal"])
            & (dataframe["rsi"] > self.buy_rsi.value)
            & (dataframe["close"] > dataframe["ema_100"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["macd"], dataframe["macdsignal"]), "exit_long"] = 1
        return dataframe
