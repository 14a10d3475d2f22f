# kind: planted
# framework: freqtrade
# why: np.gradient uses central differences, (x[t+1] - x[t-1]) / 2, so the slope at each candle includes the next candle's EMA; the entry fires on its sign change
import numpy as np
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class GradientTurn(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    minimal_roi = {"0": 0.035, "60": 0.018, "240": 0}
    stoploss = -0.05
    startup_candle_count = 200

    ema_len = IntParameter(10, 60, default=30, space="buy")
    buy_mfi = IntParameter(20, 50, default=35, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["ema"] = ta.EMA(dataframe, timeperiod=self.ema_len.value)
        dataframe["slope"] = np.gradient(dataframe["ema"].to_numpy())  # expect: SL215
        dataframe["mfi"] = ta.MFI(dataframe, timeperiod=14)
        dataframe["sar"] = ta.SAR(dataframe)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["slope"] > 0)
            & (dataframe["slope"].shift(1) <= 0)
            & (dataframe["mfi"] < self.buy_mfi.value)
            & (dataframe["close"] > dataframe["sar"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[(dataframe["slope"] < 0) & (dataframe["slope"].shift(1) >= 0), "exit_long"] = 1
        return dataframe
