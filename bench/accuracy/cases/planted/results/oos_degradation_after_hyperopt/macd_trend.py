# kind: planted
# framework: freqtrade
# why: hyperopt on 2021-2022 found a best epoch with a daily Sharpe of 0.20; the 2023-2024 backtest of those parameters makes 0.08 per day, 40 % of it
# strategy-lint: results=user_results/strategy_MacdTrend_2023-01-02_07-45-12.fthypt, user_results/backtest-result-2025-01-03_10-00-00.json
# expect-file: SL607
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class MacdTrend(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 0.1, "720": 0.04, "2880": 0}
    stoploss = -0.09
    startup_candle_count = 200

    buy_params = {"buy_macd_fast": 12, "buy_macd_slow": 26}
    sell_params = {"sell_adx": 22}

    buy_macd_fast = IntParameter(8, 16, default=12, space="buy")
    buy_macd_slow = IntParameter(20, 34, default=26, space="buy")
    sell_adx = IntParameter(15, 35, default=25, space="sell")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        macd = ta.MACD(
            dataframe,
            fastperiod=self.buy_macd_fast.value,
            slowperiod=self.buy_macd_slow.value,
            signalperiod=9,
        )
        dataframe["macd"] = macd["macd"]
        dataframe["macdsignal"] = macd["macdsignal"]
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        dataframe["ema_100"] = ta.EMA(dataframe, timeperiod=100)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_above(dataframe["macd"], dataframe["macdsignal"])
            & (dataframe["close"] > dataframe["ema_100"]),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            qtpylib.crossed_below(dataframe["macd"], dataframe["macdsignal"])
            & (dataframe["adx"] < self.sell_adx.value),
            "exit_long",
        ] = 1
        return dataframe
