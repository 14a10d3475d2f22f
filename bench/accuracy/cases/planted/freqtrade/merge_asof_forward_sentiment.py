# kind: planted
# framework: freqtrade
# why: an external sentiment index is attached with merge_asof(direction="forward"), so each candle gets the first reading published after it
import pandas as pd
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy

SENTIMENT_FILE = "user_data/data/fear_greed.feather"


class SentimentContrarian(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    minimal_roi = {"0": 0.09, "480": 0.04, "1440": 0}
    stoploss = -0.10
    startup_candle_count = 60

    buy_fear = IntParameter(10, 35, default=20, space="buy")
    sell_greed = IntParameter(60, 90, default=75, space="sell")

    def bot_start(self, **kwargs) -> None:
        self.sentiment = pd.read_feather(SENTIMENT_FILE)
        self.sentiment["published"] = pd.to_datetime(self.sentiment["published"], utc=True)
        self.sentiment = self.sentiment.sort_values("published")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["sma_24"] = ta.SMA(dataframe, timeperiod=24)
        readings = self.sentiment[["published", "fear_greed"]]
        dataframe = pd.merge_asof(dataframe.sort_values("date"), readings, left_on="date", right_on="published", direction="forward")  # expect: SL209
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["fear_greed"] < self.buy_fear.value)
            & (dataframe["rsi"] < 40)
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["fear_greed"] > self.sell_greed.value) | (dataframe["close"] < dataframe["sma_24"] * 0.95),
            "exit_long",
        ] = 1
        return dataframe
