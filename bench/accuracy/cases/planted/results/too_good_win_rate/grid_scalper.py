# kind: planted
# framework: freqtrade
# why: the attached backtest wins 93 % of 220 trades with a profit factor of 9.6 and an annualised daily Sharpe of 8.4
# strategy-lint: results=backtest-result-2024-01-05_09-30-00.json
# expect-file: SL608
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IStrategy


class GridScalper(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "5m"
    minimal_roi = {"0": 0.012}
    stoploss = -0.02
    startup_candle_count = 200
    process_only_new_candles = True

    buy_dip = DecimalParameter(0.97, 0.995, default=0.985, decimals=3, space="buy")

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["sma_48"] = ta.SMA(dataframe, timeperiod=48)
        dataframe["ema_96"] = ta.EMA(dataframe, timeperiod=96)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"] < dataframe["sma_48"] * self.buy_dip.value)
            & (dataframe["close"] > dataframe["ema_96"] * self.buy_dip.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[dataframe["close"] > dataframe["sma_48"], "exit_long"] = 1
        return dataframe
