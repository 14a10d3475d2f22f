# kind: planted
# framework: freqtrade
# why: the volume-spike threshold is the 95th percentile of the whole backtest's volume column, then compared row by row
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class VolumeSpikeReversal(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.025, "20": 0.012, "60": 0.004}
    stoploss = -0.04
    startup_candle_count = 100

    buy_rsi = IntParameter(15, 35, default=24, space="buy")
    buy_bb_factor = DecimalParameter(0.97, 1.0, default=0.99, decimals=2, space="buy")
    sell_rsi = IntParameter(55, 80, default=65, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=7)
        bands = qtpylib.bollinger_bands(dataframe["close"], window=30, stds=2.2)
        dataframe["bb_lower"] = bands["lower"]
        dataframe["bb_upper"] = bands["upper"]
        dataframe["vwap"] = qtpylib.rolling_vwap(dataframe, window=48)
        spike_level = dataframe["volume"].quantile(0.95)  # expect: SL203
        dataframe["volume_spike"] = dataframe["volume"] > spike_level
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            dataframe["volume_spike"]
            & (dataframe["close"] < dataframe["bb_lower"] * self.buy_bb_factor.value)
            & (dataframe["rsi"] < self.buy_rsi.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] > dataframe["vwap"]) & (dataframe["rsi"] > self.sell_rsi.value),
            "exit_long",
        ] = 1
        return dataframe
