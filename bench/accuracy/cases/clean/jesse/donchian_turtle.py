# kind: clean
# framework: jesse
# why: a turtle-style breakout over the previous 20 completed candles (the current candle is excluded from the channel), ATR stop, no hyperparameters
import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy

ENTRY_PERIOD = 20
EXIT_PERIOD = 10
RISK_PERCENT = 1


class TurtleBreakout(Strategy):
    @property
    def entry_channel(self):
        return ta.donchian(self.candles[:-1], ENTRY_PERIOD)

    @property
    def exit_channel(self):
        return ta.donchian(self.candles[:-1], EXIT_PERIOD)

    @property
    def atr(self):
        return ta.atr(self.candles, 20)

    def should_long(self) -> bool:
        return self.close > self.entry_channel.upperband

    def should_short(self) -> bool:
        return self.close < self.entry_channel.lowerband

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        entry = self.price
        stop = entry - 2 * self.atr
        qty = utils.risk_to_qty(self.available_margin, RISK_PERCENT, entry, stop, fee_rate=self.fee_rate)
        self.buy = qty, entry
        self.stop_loss = qty, stop

    def go_short(self):
        entry = self.price
        stop = entry + 2 * self.atr
        qty = utils.risk_to_qty(self.available_margin, RISK_PERCENT, entry, stop, fee_rate=self.fee_rate)
        self.sell = qty, entry
        self.stop_loss = qty, stop

    def update_position(self):
        if self.is_long and self.close < self.exit_channel.lowerband:
            self.liquidate()
        elif self.is_short and self.close > self.exit_channel.upperband:
            self.liquidate()
