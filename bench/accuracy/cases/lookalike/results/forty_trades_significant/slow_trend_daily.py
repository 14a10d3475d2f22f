# kind: lookalike
# framework: freqtrade
# why: only 40 trades, but that is above the 30-trade floor, and their per-trade Sharpe of 0.45 gives PSR(0) about 0.997; two tuned parameters on 40 trades is 20 trades each
# strategy-lint: results=results/trades.csv
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class SlowTrendDaily(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1d"
    minimal_roi = {"0": 100}
    stoploss = -0.15
    startup_candle_count = 120

    buy_fast = IntParameter(10, 30, default=20, space="buy")
    buy_slow = IntParameter(40, 100, default=60, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in sorted(set(self.buy_fast.range) | set(self.buy_slow.range)):
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_{self.buy_fast.value}"]
        slow = dataframe[f"ema_{self.buy_slow.value}"]
        dataframe.loc[qtpylib.crossed_above(fast, slow), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_{self.buy_fast.value}"]
        slow = dataframe[f"ema_{self.buy_slow.value}"]
        dataframe.loc[qtpylib.crossed_below(fast, slow), "exit_long"] = 1
        return dataframe
