# kind: planted
# framework: lean
# why: lookback, universe size and rebalance threshold come from get_parameter (optimised in the cloud) over five months of 2024
from AlgorithmImports import *


class RecentMomentumRotation(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2024, 1, 1)  # expect: SL304
        self.set_end_date(2024, 5, 31)
        self.set_cash(100_000)
        self.set_brokerage_model(BrokerageName.INTERACTIVE_BROKERS_BROKERAGE, AccountType.MARGIN)

        self.lookback = self.get_parameter("lookback", 63)
        self.top_n = self.get_parameter("top_n", 3)
        self.min_momentum = self.get_parameter("min_momentum", 0.02)

        tickers = ["XLK", "XLF", "XLE", "XLV", "XLI", "XLY", "XLP", "XLU", "XLB"]
        self.momentum = {}
        for ticker in tickers:
            symbol = self.add_equity(ticker, Resolution.DAILY).symbol
            self.momentum[symbol] = self.roc(symbol, self.lookback, Resolution.DAILY)
        self.set_warm_up(self.lookback, Resolution.DAILY)

        self.schedule.on(
            self.date_rules.week_start("XLK"),
            self.time_rules.after_market_open("XLK", 30),
            self.rebalance,
        )

    def rebalance(self):
        if self.is_warming_up:
            return
        ready = {s: ind.current.value for s, ind in self.momentum.items() if ind.is_ready}
        ranked = sorted(ready.items(), key=lambda kv: kv[1], reverse=True)
        chosen = [s for s, value in ranked[: self.top_n] if value > self.min_momentum]
        for symbol in self.portfolio.keys():
            if symbol not in chosen and self.portfolio[symbol].invested:
                self.liquidate(symbol)
        if chosen:
            weight = 1.0 / len(chosen)
            for symbol in chosen:
                self.set_holdings(symbol, weight)
