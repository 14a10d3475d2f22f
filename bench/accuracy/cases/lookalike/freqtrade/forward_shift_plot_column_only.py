# kind: lookalike
# framework: freqtrade
# why: the shift(-1) column "next_close_plot" is drawn by plot_config for chart review only; no entry or exit condition reads it
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class ChartReviewStrategy(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "15m"
    minimal_roi = {"0": 0.04, "60": 0.02, "180": 0}
    stoploss = -0.06
    startup_candle_count = 100

    buy_cci = IntParameter(-200, -80, default=-120, space="buy")
    sell_cci = IntParameter(80, 200, default=120, space="sell")

    plot_config = {
        "main_plot": {
            "ema_34": {"color": "orange"},
            "next_close_plot": {"color": "grey"},
        },
        "subplots": {"CCI": {"cci": {"color": "blue"}}},
    }

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["cci"] = ta.CCI(dataframe, timeperiod=20)
        dataframe["ema_34"] = ta.EMA(dataframe, timeperiod=34)
        dataframe["next_close_plot"] = dataframe["close"].shift(-1)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["cci"], self.buy_cci.value) & (dataframe["close"] > dataframe["ema_34"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["cci"], self.sell_cci.value), "exit_long"] = 1
        return dataframe
