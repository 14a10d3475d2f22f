# kind: lookalike
# framework: freqtrade
# why: twelve parameters are declared but nine are frozen with optimize=False after an earlier run; only three are still tuned
import talib.abstract as ta
import freqtrade.vendor.qtpylib.indicators as qtpylib
from pandas import DataFrame

from freqtrade.strategy import BooleanParameter, DecimalParameter, IntParameter, IStrategy


class FrozenMomentum(IStrategy):
    INTERFACE_VERSION = 3
    timeframe = "30m"
    minimal_roi = {"0": 0.1, "120": 0.05, "600": 0}
    stoploss = -0.09
    startup_candle_count = 220

    # Still searched.
    buy_rsi = IntParameter(20, 45, default=32, space="buy")
    buy_mom_period = IntParameter(6, 30, default=12, space="buy")
    sell_rsi = IntParameter(60, 85, default=71, space="sell")

    # Fixed after the first hyperopt run: visible to the code, invisible to the optimiser.
    buy_ema_fast = IntParameter(5, 50, default=21, space="buy", optimize=False)
    buy_ema_slow = IntParameter(50, 200, default=100, space="buy", optimize=False)
    buy_adx = IntParameter(15, 40, default=22, space="buy", optimize=False)
    buy_adx_enabled = BooleanParameter(default=True, space="buy", optimize=False)
    buy_volume_mult = DecimalParameter(1.0, 3.0, default=1.2, decimals=1, space="buy", optimize=False)
    buy_bb_std = DecimalParameter(1.5, 3.0, default=2.0, decimals=1, space="buy", optimize=False)
    sell_adx = IntParameter(15, 40, default=20, space="sell", optimize=False)
    sell_ema_exit = BooleanParameter(default=True, space="sell", optimize=False)
    sell_mom_floor = DecimalParameter(-2.0, 0.0, default=-0.5, decimals=1, space="sell", optimize=False)

    def populate_indicators(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        dataframe["rsi"] = ta.RSI(dataframe, timeperiod=14)
        dataframe["adx"] = ta.ADX(dataframe, timeperiod=14)
        dataframe["ema_fast"] = ta.EMA(dataframe, timeperiod=self.buy_ema_fast.value)
        dataframe["ema_slow"] = ta.EMA(dataframe, timeperiod=self.buy_ema_slow.value)
        for period in self.buy_mom_period.range:
            dataframe[f"mom_{period}"] = ta.MOM(dataframe, timeperiod=period)
        bands = qtpylib.bollinger_bands(qtpylib.typical_price(dataframe), window=20, stds=self.buy_bb_std.value)
        dataframe["bb_lower"] = bands["lower"]
        dataframe["volume_mean"] = dataframe["volume"].rolling(48).mean()
        return dataframe

    def populate_entry_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        trend = dataframe["ema_fast"] > dataframe["ema_slow"]
        if self.buy_adx_enabled.value:
            trend &= dataframe["adx"] > self.buy_adx.value
        dataframe.loc[
            trend
            & (dataframe["rsi"] < self.buy_rsi.value)
            & (dataframe[f"mom_{self.buy_mom_period.value}"] > 0)
            & (dataframe["volume"] > dataframe["volume_mean"] * self.buy_volume_mult.value),
            "enter_long",
        ] = 1
        return dataframe

    def populate_exit_trend(self, dataframe: DataFrame, metadata: dict) -> DataFrame:
        exit_signal = dataframe["rsi"] > self.sell_rsi.value
        if self.sell_ema_exit.value:
            exit_signal |= qtpylib.crossed_below(dataframe["ema_fast"], dataframe["ema_slow"])
        exit_signal |= (dataframe["adx"] < self.sell_adx.value) & (
            dataframe[f"mom_{self.buy_mom_period.value}"] < self.sell_mom_floor.value
        )
        dataframe.loc[exit_signal, "exit_long"] = 1
        return dataframe
