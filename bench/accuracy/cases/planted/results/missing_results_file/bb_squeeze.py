# kind: planted
# framework: freqtrade
# why: the results directive names a backtest export that is not there (the run was exported under another name), so nothing is attached
# strategy-lint: results=user_data/backtest_results/backtest-result-2024-05-02_11-00-00.json
# expect-file: SL610
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IStrategy


class BbSqueeze(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "15m"
    minimal_roi = {"0": 0.04, "120": 0.02, "480": 0}
    stoploss = -0.05
    startup_candle_count = 150

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        bands = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=2)
        dataframe["bb_upper"] = bands["upper"]
        dataframe["bb_lower"] = bands["lower"]
        dataframe["bb_mid"] = bands["mid"]
        dataframe["bb_width"] = (dataframe["bb_upper"] - dataframe["bb_lower"]) / dataframe["bb_mid"]
        dataframe["width_floor"] = dataframe["bb_width"].rolling(96).min()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        squeezed = dataframe["bb_width"].shift(1) <= dataframe["width_floor"].shift(1)
        dataframe.loc[squeezed & qtpylib.crossed_above(dataframe["close"], dataframe["bb_upper"]), "enter_long"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[qtpylib.crossed_below(dataframe["close"], dataframe["bb_mid"]), "exit_long"] = 1
        return dataframe
