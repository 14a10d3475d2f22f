# kind: clean
# framework: jesse
# why: a Jesse trend follower in the documented style: cached EMA properties, ATR risk sizing, three hyperparameters with middle-of-range defaults
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


class EmaTrendFollower(Strategy):
    def hyperparameters(self):
        return [
            {"name": "fast", "type": int, "min": 10, "max": 40, "step": 5, "default": 20},
            {"name": "slow", "type": int, "min": 50, "max": 150, "step": 25, "default": 100},
            {"name": "stop_atr", "type": float, "min": 1.5, "max": 4.0, "step": 0.5, "default": 2.5},
        ]

    @property
    @cached
    def fast_ema(self):
        return ta.ema(self.candles, self.hp["fast"])

    @property
    @cached
    def slow_ema(self):
        return ta.ema(self.candles, self.hp["slow"])

    @property
    def atr(self):
        return ta.atr(self.candles, 14)

    def should_long(self) -> bool:
        return self.fast_ema > self.slow_ema

    def should_short(self) -> bool:
        return self.fast_ema < self.slow_ema

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        stop = entry - self.atr * self.hp["stop_atr"]
        qty = utils.risk_to_qty(self.available_margin, 2, entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop

    def go_short(self):
        entry = self.price
        stop = entry + self.atr * self.hp["stop_atr"]
        qty = utils.risk_to_qty(self.available_margin, 2, entry, stop, fee_rate=self.fee_rate)
        self.sell = qty, entry
        self.stop_loss = qty, stop

    def update_position(self):
        if self.is_long and self.fast_ema < self.slow_ema:
            self.liquidate()
        elif self.is_short and self.fast_ema > self.slow_ema:
            self.liquidate()
