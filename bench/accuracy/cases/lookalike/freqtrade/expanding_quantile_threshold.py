# kind: lookalike
# framework: freqtrade
# why: the volume threshold is an expanding 90th percentile shifted by one candle, so each row is compared only with volumes that came before it
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class ExpandingVolumeBreakout(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    minimal_roi = {"0": 0.03, "45": 0.015, "120": 0}
    stoploss = -0.05
    startup_candle_count = 300

    breakout_len = IntParameter(10, 50, default=20, space="buy")
    sell_rsi = IntParameter(60, 85, default=75, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["vol_q90"] = dataframe["volume"].expanding(min_periods=200).quantile(0.9).shift(1)
        dataframe["hh"] = dataframe["high"].rolling(self.breakout_len.value).max().shift(1)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["z"] = (dataframe["close"] - dataframe["close"].rolling(96).mean()) / dataframe["close"].rolling(96).std()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] > dataframe["hh"])
            & (dataframe["volume"] > dataframe["vol_q90"])
            & (dataframe["z"] < 2.5),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["rsi"] > self.sell_rsi.value, "exit_long"] = 1
        return dataframe
