# kind: planted
# framework: freqtrade
# why: the 8h funding-rate candles are reindexed onto the 1h candles and the gaps are back-filled, so each hour carries the next funding print
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class FundingAwareTrend(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    can_short = True
    minimal_roi = {"0": 0.07, "360": 0.03, "1440": 0}
    stoploss = -0.08
    startup_candle_count = 240

    max_funding = DecimalParameter(0.0001, 0.001, default=0.0004, decimals=4, space="buy")
    ema_fast = IntParameter(10, 40, default=21, space="buy")
    ema_slow = IntParameter(60, 200, default=100, space="buy")

    def informative_pairs(self):
        pairs = self.dp.current_whitelist()
        return [(pair, "8h", "funding_rate") for pair in pairs]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        for period in set(self.ema_fast.range) | set(self.ema_slow.range):
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)

        funding = self.dp.get_pair_dataframe(
            pair=metadata["pair"], timeframe="8h", candle_type="funding_rate"
        )
        funding = funding[["date", "open"]].rename(columns={"open": "funding"})
        dataframe = dataframe.merge(funding, on="date", how="left")
        dataframe["funding"] = dataframe["funding"].bfill()  # expect: SL205
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_{self.ema_fast.value}"]
        slow = dataframe[f"ema_{self.ema_slow.value}"]
        dataframe.loc[
            (fast > slow) & (dataframe["adx"] > 20) & (dataframe["funding"] < self.max_funding.value),
            "enter_long",
        ] = 1
        dataframe.loc[
            (fast < slow) & (dataframe["adx"] > 20) & (dataframe["funding"] > -self.max_funding.value),
            "enter_short",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        fast = dataframe[f"ema_{self.ema_fast.value}"]
        slow = dataframe[f"ema_{self.ema_slow.value}"]
        dataframe.loc[fast < slow, "exit_long"] = 1
        dataframe.loc[fast > slow, "exit_short"] = 1
        return dataframe
