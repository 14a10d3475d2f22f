# kind: planted
# framework: freqtrade
# why: the attached backtest holds nine trades (mean/sd per trade 0.215, PSR(0) about 0.73, MinTRL about 59 trades), and two tuned parameters on nine trades is 4.5 trades per parameter
# strategy-lint: results=backtest-result-2024-03-29_10-12-44.json
# expect-file: SL601, SL602, SL603
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class WeekendBreakout(IStrategy):  # expect: SL101
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.05}
    stoploss = -0.03
    startup_candle_count = 100

    buy_channel = IntParameter(12, 72, default=48, space="buy")
    sell_channel = IntParameter(6, 48, default=24, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["atr"] = ta.ATR(dataframe, timeperiod=14)
        dataframe["weekday"] = dataframe["date"].dt.weekday
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        upper = dataframe["high"].rolling(self.buy_channel.value).max().shift(1)
        dataframe.loc[
            qtpylib.crossed_above(dataframe["close"], upper) & dataframe["weekday"].isin([5, 6]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        lower = dataframe["low"].rolling(self.sell_channel.value).min().shift(1)
        dataframe.loc[qtpylib.crossed_below(dataframe["close"], lower), "exit_long"] = 1
        return dataframe
