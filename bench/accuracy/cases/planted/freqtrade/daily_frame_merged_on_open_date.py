# kind: planted
# framework: freqtrade
# why: the 1d informative candles are merged onto the 1h candles by their open date with a plain pd.merge and forward fill, so every hour of a day sees that day's final close and EMA
import talib.abstract as ta
from pandas import DataFrame, merge

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class DailyBiasHourlyEntry(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    informative_timeframe = "1d"
    minimal_roi = {"0": 0.06, "720": 0.03, "2880": 0}
    stoploss = -0.08
    startup_candle_count = 100

    buy_rsi = IntParameter(25, 50, default=40, space="buy")
    sell_rsi = IntParameter(60, 85, default=74, space="sell")

    def informative_pairs(self):
        return [(pair, self.informative_timeframe) for pair in self.dp.current_whitelist()]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        daily = self.dp.get_pair_dataframe(pair=metadata["pair"], timeframe=self.informative_timeframe)
        daily["ema_20_1d"] = ta.EMA(daily, timeperiod=20)
        daily["close_1d"] = daily["close"]
        daily = daily[["date", "close_1d", "ema_20_1d"]]

        dataframe["day"] = dataframe["date"].dt.floor("1d")
        dataframe = merge(dataframe, daily, left_on="day", right_on="date", how="left", suffixes=("", "_d"))  # expect: SL216
        dataframe[["close_1d", "ema_20_1d"]] = dataframe[["close_1d", "ema_20_1d"]].ffill()
        dataframe = dataframe.drop(columns=["day", "date_d"])

        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close_1d"] > dataframe["ema_20_1d"])
            & qtpylib.crossed_above(dataframe["rsi"], self.buy_rsi.value)
            & (dataframe["close"] > dataframe["ema_50"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close_1d"] < dataframe["ema_20_1d"]) | (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
