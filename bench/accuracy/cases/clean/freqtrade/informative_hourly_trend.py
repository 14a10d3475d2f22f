# kind: clean
# framework: freqtrade
# why: a 5m strategy filtered by a 1h EMA trend, attached with merge_informative_pair (which shifts the 1h candle to its close time), and a startup covering both timeframes
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import IntParameter, IStrategy, merge_informative_pair


class HourlyTrendFiveMinute(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "5m"
    informative_timeframe = "1h"
    minimal_roi = {"0": 0.03, "40": 0.015, "120": 0}
    stoploss = -0.05
    process_only_new_candles = True
    startup_candle_count = 200

    buy_rsi = IntParameter(20, 40, default=32, space="buy")

    def informative_pairs(self):
        pairs = self.dp.current_whitelist()
        return [(pair, self.informative_timeframe) for pair in pairs]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        informative = self.dp.get_pair_dataframe(pair=metadata["pair"], timeframe=self.informative_timeframe)
        informative["ema_50"] = ta.EMA(informative, timeperiod=50)
        informative["ema_100"] = ta.EMA(informative, timeperiod=100)
        dataframe = merge_informative_pair(dataframe, informative, self.timeframe, self.informative_timeframe, ffill=True)

        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_20"] = ta.EMA(dataframe, timeperiod=20)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["ema_50_1h"] > dataframe["ema_100_1h"])
            & qtpylib.crossed_above(dataframe["rsi"], self.buy_rsi.value)
            & (dataframe["close"] > dataframe["ema_20"])
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["ema_50_1h"] < dataframe["ema_100_1h"]) & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
