# kind: lookalike
# framework: freqtrade
# why: twelve RSI configurations were compared, but their ranking is persistent (the better ones are better in every sub-period), so the in-sample best stays near the top out-of-sample (CSCV PBO about 0.03)
# strategy-lint: results=results/trial_matrix.csv
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import CategoricalParameter, IStrategy

RSI_CONFIGS = {f"rsi{p}_{lvl}": (p, lvl) for p in (7, 14, 21) for lvl in (20, 25, 30, 35)}


class RsiLevelFamily(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1d"
    minimal_roi = {"0": 0.15}
    stoploss = -0.1
    startup_candle_count = 120

    buy_config = CategoricalParameter(list(RSI_CONFIGS), default="rsi14_30", space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in (7, 14, 21):
            dataframe[f"rsi_{period}"] = ta.RSI(dataframe, timeperiod=period)
        dataframe["sma_50"] = ta.SMA(dataframe, timeperiod=50)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        period, level = RSI_CONFIGS[self.buy_config.value]
        dataframe.loc[qtpylib.crossed_above(dataframe[f"rsi_{period}"], level), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_above(dataframe["close"], dataframe["sma_50"]), "exit_long"] = 1
        return dataframe
