# kind: planted
# framework: jesse
# why: the optimised defaults were copied back from the best DNA: the Donchian period sits on the top of its range and the trailing percentage carries five significant digits
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy


class DonchianTrail(Strategy):
    def hyperparameters(self):
        return [
            {"name": "donchian_period", "type": int, "min": 10, "max": 60, "step": 5, "default": 60},  # expect: SL104
            {"name": "trail_pct", "type": float, "min": 0.005, "max": 0.05, "default": 0.013762},  # expect: SL102
            {"name": "ema_filter", "type": int, "min": 50, "max": 200, "step": 25, "default": 100},
        ]

    def before(self):
        if self.is_long:
            trail = self.high * (1 - self.hp["trail_pct"])
            if trail > self.average_stop_loss:
                self.stop_loss = self.position.qty, trail

    @property
    def channel(self):
        return ta.donchian(self.candles[:-1], self.hp["donchian_period"])

    @property
    def trend_ema(self):
        return ta.ema(self.candles, self.hp["ema_filter"])

    def should_long(self) -> bool:
        return self.close > self.channel.upperband and self.close > self.trend_ema

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        stop = entry * (1 - self.hp["trail_pct"] * 3)
        qty = utils.risk_to_qty(self.available_margin, 2, entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop
