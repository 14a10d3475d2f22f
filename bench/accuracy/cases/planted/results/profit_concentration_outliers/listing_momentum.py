# kind: planted
# framework: freqtrade
# why: of 120 trades in the attached list, the best six (5 %) make 96 % of the net profit; the other 114 roughly break even
# strategy-lint: results=reports/trades.csv
# expect-file: SL609
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy


class ListingMomentum(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "1h"
    minimal_roi = {"0": 1.0}
    stoploss = -0.08
    trailing_stop = True
    trailing_stop_positive = 0.05
    trailing_stop_positive_offset = 0.1
    startup_candle_count = 200

    buy_roc_period = IntParameter(6, 48, default=24, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in self.buy_roc_period.range:
            dataframe[f"roc_{period}"] = ta.ROC(dataframe, timeperiod=period)
        dataframe["volume_sma"] = dataframe["volume"].rolling(72).mean()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        roc = dataframe[f"roc_{self.buy_roc_period.value}"]
        dataframe.loc[qtpylib.crossed_above(roc, roc.rolling(72).max().shift(1)) & (dataframe["volume"] > dataframe["volume_sma"]), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        roc = dataframe[f"roc_{self.buy_roc_period.value}"]
        dataframe.loc[qtpylib.crossed_below(roc, roc.rolling(72).mean()), "exit_long"] = 1
        return dataframe
