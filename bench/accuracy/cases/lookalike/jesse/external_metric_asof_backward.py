# kind: lookalike
# framework: jesse
# why: the whole-history netflow file is read once, but each candle looks up the last reading published at or before the candle's close (merge_asof direction="backward" / searchsorted side="right" - 1)
import numpy as np
import pandas as pd

import jesse.indicators as ta
from jesse import helpers, utils
from jesse.strategies import Strategy, cached


class NetflowConfirmedTrend(Strategy):
    def __init__(self):
        super().__init__()
        flows = pd.read_csv("storage/data/btc_exchange_netflow_4h.csv").sort_values("published_ts")
        hour_ms = 3_600_000
        grid = pd.DataFrame({"ts": np.arange(flows["published_ts"].min(), flows["published_ts"].max() + hour_ms, hour_ms)})
        matched = pd.merge_asof(grid, flows, left_on="ts", right_on="published_ts", direction="backward")
        self.grid_ts = matched["ts"].to_numpy(dtype=np.int64)
        self.grid_flow = matched["netflow"].to_numpy(dtype=float)

    def hyperparameters(self):
        return [{"name": "ema_period", "type": int, "min": 20, "max": 100, "default": 50}]

    @property
    @cached
    def ema(self):
        return ta.ema(self.candles, period=self.hp["ema_period"])

    @property
    def netflow(self) -> float:
        candle_close_ms = int(self.current_candle[0]) + helpers.timeframe_to_one_minutes(self.timeframe) * 60_000
        i = int(np.searchsorted(self.grid_ts, candle_close_ms, side="right") - 1)
        return float(self.grid_flow[i]) if i >= 0 else 0.0

    def should_long(self) -> bool:
        return self.close > self.ema and self.netflow < 0

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        qty = utils.size_to_qty(self.balance * 0.5, self.price, fee_rate=self.fee_rate)
        self.buy = qty, self.price
        self.stop_loss = qty, self.price * 0.95

    def go_short(self):
        pass

    def update_position(self):
        if self.close < self.ema:
            self.liquidate()
