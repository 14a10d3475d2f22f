# kind: planted
# framework: freqtrade
# why: the trial matrix of the twelve EMA pairs shows each pair's good stretches exactly offset by bad ones, so whichever pair looks best in-sample is the worst out-of-sample in every CSCV split (PBO = 1)
# strategy-lint: results=results/trial_matrix.csv
# expect-file: SL605
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import CategoricalParameter, IStrategy

EMA_PAIRS = {
    "5_20": (5, 20), "5_50": (5, 50), "10_20": (10, 20), "10_50": (10, 50),
    "10_100": (10, 100), "20_50": (20, 50), "20_100": (20, 100), "20_200": (20, 200),
    "50_100": (50, 100), "50_200": (50, 200), "100_200": (100, 200), "5_100": (5, 100),
}


class EmaPairFamily(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1d"
    minimal_roi = {"0": 10}
    stoploss = -0.2
    startup_candle_count = 250

    buy_pair = CategoricalParameter(list(EMA_PAIRS), default="10_50", space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in (5, 10, 20, 50, 100, 200):
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast, slow = EMA_PAIRS[self.buy_pair.value]
        dataframe.loc[qtpylib.crossed_above(dataframe[f"ema_{fast}"], dataframe[f"ema_{slow}"]), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast, slow = EMA_PAIRS[self.buy_pair.value]
        dataframe.loc[qtpylib.crossed_below(dataframe[f"ema_{fast}"], dataframe[f"ema_{slow}"]), "exit_long"] = 1
        return dataframe
