# kind: lookalike
# framework: jesse
# why: Jesse hands the strategy only the candles up to the current one, so savgol_filter over self.candles (mode="interp") fits its last value from the trailing window; the slope read at [-1] uses no later candle
import numpy as np
from scipy.signal import savgol_filter

import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


class SavgolSlopeTrend(Strategy):
    def hyperparameters(self):
        return [
            {"name": "window", "type": int, "min": 11, "max": 51, "default": 21},
            {"name": "poly", "type": int, "min": 2, "max": 4, "default": 3},
        ]

    @property
    @cached
    def smooth(self) -> np.ndarray:
        closes = self.candles[-200:, 2]
        window = self.hp["window"] | 1
        return savgol_filter(closes, window_length=window, polyorder=self.hp["poly"], mode="interp")

    @property
    def slope(self) -> float:
        return float(self.smooth[-1] - self.smooth[-2])

    @property
    @cached
    def atr(self) -> float:
        return ta.atr(self.candles, period=14)

    def should_long(self) -> bool:
        return self.slope > 0 and self.close > self.smooth[-1]

    def should_short(self) -> bool:
        return self.slope < 0 and self.close < self.smooth[-1]

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        qty = utils.risk_to_qty(self.balance, 1, self.price, self.price - 2 * self.atr, fee_rate=self.fee_rate)
        self.buy = qty, self.price
        self.stop_loss = qty, self.price - 2 * self.atr

    def go_short(self):
        qty = utils.risk_to_qty(self.balance, 1, self.price, self.price + 2 * self.atr, fee_rate=self.fee_rate)
        self.sell = qty, self.price
        self.stop_loss = qty, self.price + 2 * self.atr

    def update_position(self):
        if self.is_long and self.slope < 0:
            self.liquidate()
        elif self.is_short and self.slope > 0:
            self.liquidate()
