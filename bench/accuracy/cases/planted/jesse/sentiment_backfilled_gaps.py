# kind: planted
# framework: jesse
# why: a daily social-sentiment file is reindexed to 1h candle times and its gaps back-filled, so every hour of a day carries the score published at the end of it
import pandas as pd

import jesse.indicators as ta
from jesse import utils
from jesse.strategies import Strategy, cached


def load_sentiment(path: str) -> pd.Series:
    daily = pd.read_csv(path, parse_dates=["published_at"]).set_index("published_at")["score"]
    hourly_index = pd.date_range(daily.index.min(), daily.index.max(), freq="1h", tz="UTC")
    hourly = daily.tz_localize("UTC").reindex(hourly_index)
    return hourly.bfill()  # expect: SL205


class SentimentTrend(Strategy):
    def __init__(self):
        super().__init__()
        self.sentiment = load_sentiment("storage/data/social_sentiment_daily.csv")

    def hyperparameters(self):
        return [
            {"name": "fast", "type": int, "min": 8, "max": 30, "default": 13},
            {"name": "slow", "type": int, "min": 40, "max": 120, "default": 55},
        ]

    @property
    @cached
    def fast_ema(self):
        return ta.ema(self.candles, period=self.hp["fast"])

    @property
    @cached
    def slow_ema(self):
        return ta.ema(self.candles, period=self.hp["slow"])

    @property
    def score(self) -> float:
        ts = pd.Timestamp(int(self.current_candle[0]), unit="ms", tz="UTC").floor("1h")
        return float(self.sentiment.get(ts, 0.0))

    def should_long(self) -> bool:
        return self.fast_ema > self.slow_ema and self.score > 0.2

    def should_short(self) -> bool:
        return self.fast_ema < self.slow_ema and self.score < -0.2

    def should_cancel_entry(self) -> bool:
        return True

    def go_long(self):
        qty = utils.size_to_qty(self.balance * 0.3, self.price, fee_rate=self.fee_rate)
        self.buy = qty, self.price
        self.stop_loss = qty, self.price * 0.96

    def go_short(self):
        qty = utils.size_to_qty(self.balance * 0.3, self.price, fee_rate=self.fee_rate)
        self.sell = qty, self.price
        self.stop_loss = qty, self.price * 1.04

    def update_position(self):
        if self.is_long and self.fast_ema < self.slow_ema:
            self.liquidate()
        elif self.is_short and self.fast_ema > self.slow_ema:
            self.liquidate()
