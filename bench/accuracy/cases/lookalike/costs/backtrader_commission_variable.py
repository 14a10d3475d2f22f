# kind: lookalike
# framework: backtrader
# why: commission and slippage come from named constants (10 bps, 5 bps) defined at the top; interest=0.0 is a borrow rate for a long-only book, not a trading cost
import datetime

import backtrader as bt

COMMISSION = 0.001
SLIPPAGE = 0.0005
BORROW_RATE = 0.0  # long-only: nothing is ever borrowed


class DonchianLongOnly(bt.Strategy):
    params = (("entry_period", 55), ("exit_period", 20))

    def __init__(self):
        self.entry_high = bt.ind.Highest(self.data.high(-1), period=self.p.entry_period)
        self.exit_low = bt.ind.Lowest(self.data.low(-1), period=self.p.exit_period)

    def next(self):
        if not self.position and self.data.close[0] > self.entry_high[0]:
            self.order_target_percent(target=0.98)
        elif self.position and self.data.close[0] < self.exit_low[0]:
            self.close()


def run():
    cerebro = bt.Cerebro()
    cerebro.adddata(
        bt.feeds.YahooFinanceCSVData(
            dataname="data/GLD.csv",
            fromdate=datetime.datetime(2006, 1, 1),
            todate=datetime.datetime(2023, 12, 31),
        )
    )
    cerebro.addstrategy(DonchianLongOnly)
    cerebro.broker.setcash(100_000)
    cerebro.broker.setcommission(commission=COMMISSION, interest=BORROW_RATE)
    cerebro.broker.set_slippage_perc(perc=SLIPPAGE)
    cerebro.addanalyzer(bt.analyzers.Returns, _name="returns")
    return cerebro.run()[0]


if __name__ == "__main__":
    print(run().analyzers.returns.get_analysis())
