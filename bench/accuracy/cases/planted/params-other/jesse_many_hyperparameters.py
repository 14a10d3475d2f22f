# kind: planted
# framework: jesse
# why: hyperparameters() exposes ten genes to the optimiser for a single trend strategy
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


class TenGeneTrend(Strategy):  # expect: SL101
    def hyperparameters(self):
        return [
            {"name": "ema_fast", "type": int, "min": 8, "max": 12, "default": 10},
            {"name": "ema_slow", "type": int, "min": 40, "max": 60, "step": 10, "default": 50},
            {"name": "rsi_period", "type": int, "min": 10, "max": 20, "step": 5, "default": 15},
            {"name": "rsi_ceiling", "type": int, "min": 65, "max": 75, "step": 5, "default": 70},
            {"name": "adx_period", "type": int, "min": 10, "max": 20, "step": 5, "default": 15},
            {"name": "adx_floor", "type": int, "min": 20, "max": 30, "step": 5, "default": 25},
            {"name": "atr_period", "type": int, "min": 10, "max": 20, "step": 5, "default": 15},
            {"name": "stop_atr", "type": float, "min": 1.5, "max": 2.5, "step": 0.5, "default": 2.0},
            {"name": "take_atr", "type": float, "min": 3.0, "max": 5.0, "step": 1.0, "default": 4.0},
            {"name": "risk_pct", "type": float, "min": 1.0, "max": 3.0, "step": 1.0, "default": 2.0},
        ]

    @property
    @cached
    def ema_fast(self):
        return ta.ema(self.candles, self.hp["ema_fast"])

    @property
    @cached
    def ema_slow(self):
        return ta.ema(self.candles, self.hp["ema_slow"])

    @property
    def rsi(self):
        return ta.rsi(self.candles, self.hp["rsi_period"])

    @property
    def adx(self):
        return ta.adx(self.candles, self.hp["adx_period"])

    @property
    def atr(self):
        return ta.atr(self.candles, self.hp["atr_period"])

    def should_long(self) -> bool:
        return self.ema_fast > self.ema_slow and self.rsi < self.hp["rsi_ceiling"] and self.adx > self.hp["adx_floor"]

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        stop = entry - self.atr * self.hp["stop_atr"]
        qty = utils.risk_to_qty(self.available_margin, self.hp["risk_pct"], entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop
        self.take_profit = qty, entry + self.atr * self.hp["take_atr"]

    def update_position(self):
        if self.ema_fast < self.ema_slow:
            self.liquidate()
