# kind: planted
# framework: lean
# why: Initialize loads a whole-history CSV of macro readings; OnData finds today's row and reads the row after it (iloc[pos + 1]) to decide the allocation
from io import StringIO

import pandas as pd
from AlgorithmImports import *


class MacroTiltAlgorithm(QCAlgorithm):
    def Initialize(self):
        self.SetStartDate(2012, 1, 1)
        self.SetEndDate(2022, 12, 31)
        self.SetCash(250000)
        self.SetWarmUp(60, Resolution.Daily)

        self.spy = self.AddEquity("SPY", Resolution.Daily).Symbol
        self.tlt = self.AddEquity("TLT", Resolution.Daily).Symbol
        self.momentum = self.MOMP(self.spy, 60, Resolution.Daily)

        raw = self.Download("https://example.org/data/pmi_daily.csv")
        macro = pd.read_csv(StringIO(raw), parse_dates=["date"])
        self.macro = macro.set_index("date").sort_index()["pmi"]
        self.last_rebalance = None

    def OnData(self, data: Slice):
        if self.IsWarmingUp or not self.momentum.IsReady:
            return
        if self.last_rebalance is not None and (self.Time - self.last_rebalance).days < 5:
            return
        today = pd.Timestamp(self.Time.date())
        pos = self.macro.index.searchsorted(today, side="left") - 1
        if pos < 0 or pos + 1 >= len(self.macro):
            return
        pmi_change = self.macro.iloc[pos + 1] - self.macro.iloc[pos]  # expect: SL208

        if pmi_change > 0 and self.momentum.Current.Value > 0:
            self.SetHoldings([PortfolioTarget(self.spy, 0.8), PortfolioTarget(self.tlt, 0.2)])
        else:
            self.SetHoldings([PortfolioTarget(self.spy, 0.3), PortfolioTarget(self.tlt, 0.7)])
        self.last_rebalance = self.Time
