# kind: clean
# framework: jesse
# why: buys RSI pullbacks inside an uptrend with an EMA 50/200 regime filter, take-profit and stop set in go_long
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


class RsiPullback(Strategy):
    def hyperparameters(self):
        return [
            {"name": "rsi_entry", "type": int, "min": 20, "max": 40, "step": 5, "default": 30},
            {"name": "trend_period", "type": int, "min": 100, "max": 200, "step": 50, "default": 150},
        ]

    @property
    @cached
    def slow_trend_up(self):
        return ta.ema(self.candles, 50) > ta.ema(self.candles, 200)

    @property
    def trend(self):
        return ta.sma(self.candles, self.hp["trend_period"])

    @property
    def rsi(self):
        return ta.rsi(self.candles, 14)

    def should_long(self) -> bool:
        return self.slow_trend_up and self.close > self.trend and self.rsi < self.hp["rsi_entry"]

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        atr = ta.atr(self.candles, 14)
        stop = entry - 2 * atr
        qty = utils.risk_to_qty(self.available_margin, 1, entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop
        self.take_profit = qty, entry + 3 * atr
