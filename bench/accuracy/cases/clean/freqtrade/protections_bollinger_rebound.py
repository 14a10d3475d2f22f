# kind: clean
# framework: freqtrade
# why: a Bollinger rebound strategy with protections (cooldown, stoploss guard), round ROI and stop values and two tuned parameters
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import DecimalParameter, IntParameter, IStrategy


class BollingerRebound(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "15m"
    minimal_roi = {"0": 0.04, "60": 0.02, "240": 0.01, "600": 0}
    stoploss = -0.06
    startup_candle_count = 100
    process_only_new_candles = True

    buy_bb_factor = DecimalParameter(0.97, 1.0, default=0.99, decimals=2, space="buy")
    sell_rsi = IntParameter(55, 80, default=65, space="sell")

    @property
    def protections(self):
        return [
            {"method": "CooldownPeriod", "stop_duration_candles": 4},
            {
                "method": "StoplossGuard",
                "lookback_period_candles": 48,
                "trade_limit": 3,
                "stop_duration_candles": 24,
                "only_per_pair": False,
            },
        ]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        bands = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=2)
        dataframe["bb_lower"] = bands["lower"]
        dataframe["bb_mid"] = bands["mid"]
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["ema_50"] = ta.EMA(dataframe, timeperiod=50)
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["close"].shift(1) < dataframe["bb_lower"].shift(1) * self.buy_bb_factor.value)
            & (dataframe["close"] > dataframe["bb_lower"])
            & (dataframe["close"] > dataframe["ema_50"] * 0.97)
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            ((dataframe["close"] > dataframe["bb_mid"]) | (dataframe["rsi"] > self.sell_rsi.value)) & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
