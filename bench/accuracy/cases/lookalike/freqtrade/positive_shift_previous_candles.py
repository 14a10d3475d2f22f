# kind: lookalike
# framework: freqtrade
# why: every shift here is positive (shift(1), shift(2), pct_change(3)) and reads earlier candles; the engulfing pattern is confirmed on the current closed candle
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class EngulfingAfterDrop(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "30m"
    minimal_roi = {"0": 0.04, "90": 0.02, "300": 0}
    stoploss = -0.06
    startup_candle_count = 100

    buy_drop_pct = IntParameter(1, 6, default=3, space="buy")
    sell_rsi = IntParameter(60, 85, default=72, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["prev_open"] = dataframe["open"].shift(1)
        dataframe["prev_close"] = dataframe["close"].shift(1)
        dataframe["drop_3"] = dataframe["close"].shift(1).pct_change(3)
        dataframe["bull_engulf"] = (
            (dataframe["prev_close"] < dataframe["prev_open"])
            & (dataframe["close"] > dataframe["prev_open"])
            & (dataframe["open"] < dataframe["prev_close"])
        )
        dataframe["vol_ma"] = dataframe["volume"].rolling(20).mean().shift(2)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_60"] = ta.EMA(dataframe, timeperiod=60)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            dataframe["bull_engulf"]
            & (dataframe["drop_3"] < -self.buy_drop_pct.value / 100)
            & (dataframe["volume"] > dataframe["vol_ma"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["rsi"] > self.sell_rsi.value) | (dataframe["close"] < dataframe["ema_60"] * 0.97), "exit_long"] = 1
        return dataframe
