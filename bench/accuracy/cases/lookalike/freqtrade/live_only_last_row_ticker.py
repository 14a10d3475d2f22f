# kind: lookalike
# framework: freqtrade
# why: the .iloc[-1] read happens only under a runmode guard for live and dry-run, where the last row is the latest closed candle; in a backtest the spread filter keeps its neutral default
import talib.abstract as ta
from pandas import DataFrame

import freqtrade.vendor.qtpylib.indicators as qtpylib
from freqtrade.strategy import IntParameter, IStrategy


class SpreadGuardedTrend(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "5m"
    minimal_roi = {"0": 0.03, "40": 0.015, "120": 0}
    stoploss = -0.05
    startup_candle_count = 120

    buy_rsi = IntParameter(40, 60, default=52, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["ema_20"] = ta.EMA(dataframe, timeperiod=20)
        dataframe["ema_100"] = ta.EMA(dataframe, timeperiod=100)
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["spread_ok"] = True

        if self.dp.runmode.value in ("live", "dry_run"):
            ticker = self.dp.ticker(metadata["pair"])
            last_close = dataframe["close"].iloc[-1]
            spread = (ticker["ask"] - ticker["bid"]) / last_close
            dataframe["spread_ok"] = spread < 0.002
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["ema_20"], dataframe["ema_100"])
            & (dataframe["rsi"] > self.buy_rsi.value)
            & dataframe["spread_ok"],
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["ema_20"], dataframe["ema_100"]), "exit_long"] = 1
        return dataframe
