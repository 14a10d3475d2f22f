# kind: real-bug
# framework: freqtrade
# why: 1h candles (stamped at their open) are attached to 15m candles with merge_asof(direction="backward") on date, so the 15m candles inside an hour already see that hour's final body; the report found lookahead-analysis did not catch it
# source: https://github.com/freqtrade/freqtrade/issues/12507
import pandas as pd
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class HourBodyPullback(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    htf = "1h"
    minimal_roi = {"0": 0.03, "60": 0.015, "240": 0}
    stoploss = -0.05
    startup_candle_count = 120

    buy_rsi = IntParameter(25, 50, default=40, space="buy")

    def informative_pairs(self):
        return [(pair, self.htf) for pair in self.dp.current_whitelist()]

    @staticmethod
    def attach_hour_body(df: DataFrame, hourly: DataFrame) -> DataFrame:
        body = hourly[["date", "open", "close"]].copy()
        body["body_low"] = body[["open", "close"]].min(axis=1)
        body["body_high"] = body[["open", "close"]].max(axis=1)
        body = body[["date", "body_low", "body_high"]].sort_values("date")
        return pd.merge_asof(df.sort_values("date"), body, on="date", direction="backward")  # expect: SL216

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        hourly = self.dp.get_pair_dataframe(pair=metadata["pair"], timeframe=self.htf)
        dataframe = self.attach_hour_body(dataframe, hourly)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        dataframe["inside_body"] = dataframe["close"].between(dataframe["body_low"], dataframe["body_high"])
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            dataframe["inside_body"]
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["close"] > dataframe["ema_50"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["close"] > dataframe["body_high"], "exit_long"] = 1
        return dataframe
