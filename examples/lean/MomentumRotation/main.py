# MomentumRotation: every month, hold the top_n sector ETFs by trailing momentum, skipping
# the most recent week, when the broad market is above its long moving average.
# region imports
from AlgorithmImports import *
# endregion


class MomentumRotation(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2024, 1, 1)
        self.set_end_date(2024, 5, 31)
        self.set_cash(100_000)

        self.lookback = self.get_parameter("lookback", 63)
        self.skip_days = self.get_parameter("skip_days", 5)
        self.top_n = self.get_parameter("top_n", 2)
        self.trend_window = self.get_parameter("trend_window", 100)

        tickers = ["XLK", "XLF", "XLE", "XLV", "XLI", "XLY", "XLP", "XLU", "XLB"]
        self.sectors = [self.add_equity(t, Resolution.DAILY).symbol for t in tickers]
        self.market = self.add_equity("SPY", Resolution.DAILY).symbol
        for symbol in self.sectors + [self.market]:
            self.securities[symbol].set_fee_model(InteractiveBrokersFeeModel())

        self.trend = self.sma(self.market, self.trend_window, Resolution.DAILY)
        self.set_warm_up(self.trend_window + self.lookback, Resolution.DAILY)
        self.set_benchmark(self.market)

        self.schedule.on(
            self.date_rules.month_start(self.market),
            self.time_rules.after_market_open(self.market, 30),
            self.rebalance,
        )

    def momentum(self, symbol):
        closes = self.history(symbol, self.lookback + self.skip_days, Resolution.DAILY)["close"]
        if len(closes) < self.lookback + self.skip_days:
            return None
        # Return from lookback+skip days ago to skip days ago: the last week is left out.
        return closes.iloc[-self.skip_days - 1] / closes.iloc[0] - 1

    def rebalance(self):
        if self.is_warming_up or not self.trend.is_ready:
            return
        if self.securities[self.market].price < self.trend.current.value:
            self.liquidate()
            return
        scores = {s: self.momentum(s) for s in self.sectors}
        ranked = sorted((s for s in scores if scores[s] is not None), key=lambda s: scores[s], reverse=True)
        chosen = ranked[: self.top_n]
        for symbol in self.sectors:
            if symbol not in chosen and self.portfolio[symbol].invested:
                self.liquidate(symbol)
        for symbol in chosen:
            self.set_holdings(symbol, 0.98 / self.top_n)
