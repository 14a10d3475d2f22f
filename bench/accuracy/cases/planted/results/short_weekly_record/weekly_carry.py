# kind: planted
# framework: lean
# why: the attached record holds only 45 weekly returns (fewer than 60 observations), even though their Sharpe is significant on its own
# strategy-lint: results=WeeklyCarry.strategy-lint.json
# expect-file: SL601
from AlgorithmImports import *

LOOKBACK_WEEKS = 12


class WeeklyCarry(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2023, 1, 6)
        self.set_end_date(2023, 11, 10)
        self.set_cash(100_000)
        self.currencies = [self.add_forex(pair, Resolution.DAILY).symbol for pair in ("AUDUSD", "NZDUSD", "USDJPY", "USDCHF", "EURUSD", "GBPUSD")]
        self.returns = {s: self.roc(s, LOOKBACK_WEEKS * 5, Resolution.DAILY) for s in self.currencies}
        self.set_warm_up(LOOKBACK_WEEKS * 5 + 5, Resolution.DAILY)
        self.schedule.on(self.date_rules.week_start(), self.time_rules.at(9, 0), self.rebalance)

    def rebalance(self):
        if self.is_warming_up:
            return
        ready = {s: r.current.value for s, r in self.returns.items() if r.is_ready}
        if len(ready) < 4:
            return
        ranked = sorted(ready, key=ready.get)
        shorts, longs = ranked[:2], ranked[-2:]
        targets = [PortfolioTarget(s, 0.25) for s in longs] + [PortfolioTarget(s, -0.25) for s in shorts]
        targets += [PortfolioTarget(s, 0.0) for s in self.currencies if s not in longs and s not in shorts]
        self.set_holdings(targets)
