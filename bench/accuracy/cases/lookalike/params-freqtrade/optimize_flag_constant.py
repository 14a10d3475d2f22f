# kind: lookalike
# framework: freqtrade
# why: the sell-side and protection parameters pass optimize=OPTIMIZE_SELL, a module constant set to False, so only four parameters (about 15,000 combinations) are tuned
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import CategoricalParameter, DecimalParameter, IntParameter, IStrategy

# Flip to True to re-open the sell space in a later hyperopt run.
OPTIMIZE_SELL = False
OPTIMIZE_PROTECTION = False


class FlaggedSpaces(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "15m"
    minimal_roi = {"0": 0.05, "90": 0.025, "300": 0}
    stoploss = -0.07
    startup_candle_count = 120

    buy_rsi = IntParameter(20, 40, default=29, space="buy")
    buy_cci = IntParameter(-150, -90, default=-110, space="buy")
    buy_ema_period = CategoricalParameter([34, 50, 89], default=50, space="buy")
    buy_bb_factor = DecimalParameter(0.96, 1.0, default=0.99, decimals=2, space="buy")

    sell_rsi = IntParameter(60, 90, default=74, space="sell", optimize=OPTIMIZE_SELL)
    sell_cci = IntParameter(50, 250, default=120, space="sell", optimize=OPTIMIZE_SELL)
    sell_bb_factor = DecimalParameter(1.0, 1.04, default=1.01, decimals=2, space="sell", optimize=OPTIMIZE_SELL)
    sell_hold_candles = IntParameter(4, 48, default=16, space="sell", optimize=OPTIMIZE_SELL)

    cooldown_lookback = IntParameter(2, 48, default=5, space="protection", optimize=OPTIMIZE_PROTECTION)
    stop_duration = IntParameter(12, 200, default=24, space="protection", optimize=OPTIMIZE_PROTECTION)

    @property
    def protections(self):
        return [
            {"method": "CooldownPeriod", "stop_duration_candles": self.cooldown_lookback.value},
            {
                "method": "StoplossGuard",
                "lookback_period_candles": 96,
                "trade_limit": 3,
                "stop_duration_candles": self.stop_duration.value,
                "only_per_pair": False,
            },
        ]

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["cci"] = ta.CCI(dataframe, timeperiod=20)
        for period in (34, 50, 89):
            dataframe[f"ema_{period}"] = ta.EMA(dataframe, timeperiod=period)
        bands = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=2)
        dataframe["bb_lower"] = bands["lower"]
        dataframe["bb_upper"] = bands["upper"]
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe["cci"] < self.buy_cci.value)
            & (dataframe["close"] > dataframe[f"ema_{self.buy_ema_period.value}"])
            & (dataframe["close"] < dataframe["bb_lower"] * self.buy_bb_factor.value)
            & (dataframe["volume"] > 0),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe.loc[
            (
                (dataframe["rsi"] > self.sell_rsi.value)
                | (dataframe["cci"] > self.sell_cci.value)
                | (dataframe["close"] > dataframe["bb_upper"] * self.sell_bb_factor.value)
            )
            & (dataframe["volume"] > 0),
            "exit_long",
        ] = 1
        return dataframe
