# kind: lookalike
# framework: freqtrade
# why: 8h funding prints are merged onto the 1h candles and only forward-filled (the last known print carries forward); nothing is back-filled
import talib.abstract as ta
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class FundingCarryFilter(IStrategy):
    INTERFACE_VERSION = 3

    timeframe = "1h"
    can_short = True
    minimal_roi = {"0": 0.07, "360": 0.03, "1440": 0}
    stoploss = -0.08
    startup_candle_count = 240

    max_funding = DecimalParameter(0.0001, 0.001, default=0.0004, decimals=4, space="buy")
    ema_slow = IntParameter(60, 200, default=100, space="buy")

    def informative_pairs(self):
        return [(pair, "8h", "funding_rate") for pair in self.dp.current_whitelist()]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["ema_21"] = ta.EMA(dataframe, timeperiod=21)
        for period in self.ema_slow.range:
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)

        funding = self.dp.get_pair_dataframe(pair=metadata["pair"], timeframe="8h", candle_type="funding_rate")
        funding = funding[["date", "open"]].rename(columns={"open": "funding"})
        dataframe = dataframe.merge(funding, on="date", how="left")
        dataframe["funding"] = dataframe["funding"].ffill(limit=8).fillna(0.0)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        slow = dataframe[f"ema_{self.ema_slow.value}"]
        dataframe.loc[(dataframe["ema_21"] > slow) & (dataframe["funding"] < self.max_funding.value), "enter_long"] = 1
        dataframe.loc[(dataframe["ema_21"] < slow) & (dataframe["funding"] > -self.max_funding.value), "enter_short"] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        slow = dataframe[f"ema_{self.ema_slow.value}"]
        dataframe.loc[dataframe["ema_21"] < slow, "exit_long"] = 1
        dataframe.loc[dataframe["ema_21"] > slow, "exit_short"] = 1
        return dataframe
