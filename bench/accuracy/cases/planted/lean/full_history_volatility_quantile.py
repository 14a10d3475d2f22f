# kind: planted
# framework: lean
# why: Initialize reads the VIX history for the whole backtest span from a file and takes its 80th percentile; OnData compares each day's VIX with that future-informed threshold
from io import StringIO

import pandas as pd
from AlgorithmImports import *


class VolRegimeSwitch(QCAlgorithm):
    def Initialize(self):
        self.SetStartDate(2010, 1, 1)
        self.SetEndDate(2023, 6, 30)
        self.SetCash(100000)
        self.SetWarmUp(30, Resolution.Daily)

        self.spy = self.AddEquity("SPY", Resolution.Daily).Symbol
        self.ief = self.AddEquity("IEF", Resolution.Daily).Symbol
        self.trend = self.SMA(self.spy, 100, Resolution.Daily)

        csv = self.Download("https://example.org/data/vix_close_2010_2023.csv")
        vix = pd.read_csv(StringIO(csv), parse_dates=["date"], index_col="date")["close"]
        self.vix = vix.sort_index()
        self.vix_high = self.vix.quantile(0.8)  # expect: SL203

    def OnData(self, data: Slice):
        if self.IsWarmingUp:
            return
        day = pd.Timestamp(self.Time.date())
        history = self.vix[self.vix.index < day]
        if history.empty:
            return
        vix_now = history.iloc[-1]
        risk_off = vix_now > self.vix_high or data[self.spy].Close < self.trend.Current.Value
        if risk_off and not self.Portfolio[self.ief].Invested:
            self.SetHoldings(self.ief, 1.0, liquidateExistingHoldings=True)
        elif not risk_off and not self.Portfolio[self.spy].Invested:
            self.SetHoldings(self.spy, 1.0, liquidateExistingHoldings=True)
