# kind: planted
# framework: freqtrade
# why: the backtest attached as evidence covers 2021-2023, the very timerange the 40-epoch hyperopt chose the parameters on
# strategy-lint: results=backtest/backtest-result-2024-01-11_09-00-00.json, hyperopt/strategy_RsiEmaSwing_2024-01-10_08-00-00.fthypt
# expect-file: SL606
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class RsiEmaSwing(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.06, "360": 0.03, "1440": 0}
    stoploss = -0.08
    startup_candle_count = 200

    buy_params = {"buy_rsi": 31, "buy_ema": 55}
    sell_params = {"sell_rsi": 72}

    buy_rsi = IntParameter(20, 40, default=30, space="buy")
    buy_ema = IntParameter(20, 100, default=50, space="buy")
    sell_rsi = IntParameter(60, 85, default=70, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        for period in self.buy_ema.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] > dataframe[f"ema_{self.buy_ema.value}"])
            & qtpylib.crossed_above(dataframe["rsi"], self.buy_rsi.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_above(dataframe["rsi"], self.sell_rsi.value), "exit_long"] = 1
        return dataframe
