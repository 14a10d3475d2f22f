# kind: planted
# framework: jesse
# why: the strategy loads a whole-history file of exchange netflows and, at each candle, reads the reading one row after the current one (flows[i + 1])
import numpy as np
import pandas as pd

import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached

NETFLOW_FILE = "storage/data/btc_exchange_netflow_4h.csv"


class NetflowDivergence(Strategy):
    def __init__(self):
        super().__init__()
        frame = pd.read_csv(NETFLOW_FILE)
        self.flow_ts = frame["timestamp"].to_numpy(dtype=np.int64)
        self.flows = frame["netflow"].to_numpy(dtype=float)

    def hyperparameters(self):
        return [
            {"name": "ema_period", "type": int, "min": 20, "max": 100, "default": 50},
            {"name": "outflow", "type": float, "min": 100.0, "max": 2000.0, "default": 600.0},
        ]

    @property
    @cached
    def ema(self):
        return ta.ema(self.candles, period=self.hp["ema_period"])

    @property
    @cached
    def atr(self):
        return ta.atr(self.candles, period=14)

    def _flow_index(self) -> int:
        return int(np.searchsorted(self.flow_ts, self.current_candle[0], side="right") - 1)

    def coming_outflow(self) -> float:
        i = self._flow_index()
        if i < 0 or i + 1 >= len(self.flows):
            return 0.0
        return -self.flows[i + 1]  # expect: SL208

    def should_long(self) -> bool:
        return self.close > self.ema and self.coming_outflow() > self.hp["outflow"]

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        qty = utils.size_to_qty(self.balance * 0.5, self.price, fee_rate=self.fee_rate)
        self.buy = qty, self.price
        self.stop_loss = qty, self.price - 2.5 * self.atr
        self.take_profit = qty, self.price + 4 * self.atr

    def go_short(self):
        pass

    def update_position(self):
        if self.close < self.ema:
            self.liquidate()
