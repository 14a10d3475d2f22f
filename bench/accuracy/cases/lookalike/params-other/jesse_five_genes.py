# kind: lookalike
# framework: jesse
# why: a Jesse strategy with a modest five-gene search space; the other knobs are plain constants not handed to the optimiser
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached

# Fixed by design, not searched.
RISK_PER_TRADE = 1
ATR_PERIOD = 14
LOG_SIGNALS = False


class KeltnerPullback(Strategy):
    def hyperparameters(self):
        return [
            {"name": "ema_period", "type": int, "min": 20, "max": 60, "step": 10, "default": 40},
            {"name": "keltner_mult", "type": float, "min": 1.0, "max": 3.0, "step": 0.5, "default": 2.0},
            {"name": "trend_period", "type": int, "min": 100, "max": 200, "step": 50, "default": 150},
            {"name": "stop_atr", "type": float, "min": 1.0, "max": 3.0, "step": 0.5, "default": 2.0},
            {"name": "take_atr", "type": float, "min": 2.0, "max": 6.0, "step": 1.0, "default": 4.0},
        ]

    @property
    @cached
    def keltner(self):
        return ta.keltner(self.candles, period=self.hp["ema_period"], multiplier=self.hp["keltner_mult"])

    @property
    @cached
    def trend(self):
        return ta.sma(self.candles, self.hp["trend_period"])

    @property
    def atr(self):
        return ta.atr(self.candles, ATR_PERIOD)

    def should_long(self) -> bool:
        signal = self.close > self.trend and self.low < self.keltner.lowerband
        if LOG_SIGNALS and signal:
            self.log(f"pullback entry at {self.close}")
        return signal

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        stop = entry - self.atr * self.hp["stop_atr"]
        qty = utils.risk_to_qty(self.available_margin, RISK_PER_TRADE, entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop
        self.take_profit = qty, entry + self.atr * self.hp["take_atr"]
