# kind: planted
# framework: jesse
# why: funding prints are matched to candle timestamps with merge_asof(direction="nearest"), which takes the next print whenever it is closer than the previous one
import numpy as np
import pandas as pd

import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


class FundingSqueeze(Strategy):
    def __init__(self):
        super().__init__()
        funding = pd.read_parquet("storage/data/funding_binance_btcusdt.parquet")
        funding = funding.sort_values("timestamp")
        hour_ms = 3_600_000
        grid = pd.DataFrame({"timestamp": np.arange(funding["timestamp"].min(), funding["timestamp"].max() + hour_ms, hour_ms)})
        matched = pd.merge_asof(grid, funding, on="timestamp", direction="nearest")  # expect: SL209
        self.funding_by_ts = dict(zip(matched["timestamp"], matched["rate"]))

    def hyperparameters(self):
        return [
            {"name": "rsi_period", "type": int, "min": 7, "max": 28, "default": 14},
            {"name": "neg_funding", "type": float, "min": -0.001, "max": 0.0, "default": -0.0002},
        ]

    @property
    @cached
    def rsi(self):
        return ta.rsi(self.candles, period=self.hp["rsi_period"])

    @property
    @cached
    def bb(self):
        return ta.bollinger_bands(self.candles, period=20, devup=2, devdn=2)

    @property
    def funding_now(self) -> float:
        return self.funding_by_ts.get(int(self.current_candle[0]), 0.0)

    def should_long(self) -> bool:
        return self.funding_now < self.hp["neg_funding"] and self.rsi < 35 and self.close < self.bb.lowerband

    def should_short(self) -> bool:
        return False

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        qty = utils.size_to_qty(self.balance * 0.4, self.price, fee_rate=self.fee_rate)
        self.buy = qty, self.price
        self.stop_loss = qty, self.price * 0.95
        self.take_profit = qty, self.bb.middleband

    def go_short(self):
        pass
