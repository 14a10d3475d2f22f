# kind: lookalike
# framework: jesse
# why: every read is self.candles[-1] (the current closed candle), [-2] or [-3] (earlier ones), or a sequential indicator taken at [-1]/[-2]; nothing indexes forward
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


class ThreeCandleMomentum(Strategy):
    def hyperparameters(self):
        return [
            {"name": "ema_period", "type": int, "min": 20, "max": 200, "default": 89},
        ]

    @property
    @cached
    def ema_seq(self):
        return ta.ema(self.candles, period=self.hp["ema_period"], sequential=True)

    @property
    @cached
    def atr(self):
        return ta.atr(self.candles, period=14)

    def _rising_closes(self) -> bool:
        closes = self.candles[:, 2]
        return closes[-1] > closes[-2] > closes[-3]

    def should_long(self) -> bool:
        ema_up = self.ema_seq[-1] > self.ema_seq[-2]
        return ema_up and self._rising_closes() and self.close > self.ema_seq[-1]

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        qty = utils.size_to_qty(self.balance * 0.5, self.price, fee_rate=self.fee_rate)
        self.buy = qty, self.price
        self.stop_loss = qty, self.price - 2 * self.atr
        self.take_profit = qty, self.price + 3 * self.atr

    def go_short(self):
        pass

    def update_position(self):
        if self.close < self.ema_seq[-1]:
            self.liquidate()
