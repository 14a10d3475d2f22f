# kind: real-bug
# framework: research
# why: an indicator helper fills its warm-up NaNs with backfill, so the first rows of every indicator show a value computed from later bars; the library switched to ffill
# source: https://github.com/bukosabino/ta/issues/109
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score


class IndicatorMixin:
    fillna = False

    def _check_fillna(self, series: pd.Series, value: float = 0) -> pd.Series:
        if self.fillna:
            series = series.replace([np.inf, -np.inf], np.nan)
            if value == -1:
                series = series.fillna(method="backfill")  # expect: SL205
            else:
                series = series.fillna(value)
        return series


class BollingerPercent(IndicatorMixin):
    def __init__(self, close: pd.Series, window: int = 20, fillna: bool = False):
        self.close = close
        self.window = window
        self.fillna = fillna

    def pband(self) -> pd.Series:
        mid = self.close.rolling(self.window).mean()
        sd = self.close.rolling(self.window).std()
        pb = (self.close - (mid - 2 * sd)) / (4 * sd)
        return self._check_fillna(pb, value=-1)


class KeltnerWidth(IndicatorMixin):
    def __init__(self, high, low, close, window: int = 20, fillna: bool = False):
        self.high, self.low, self.close = high, low, close
        self.window = window
        self.fillna = fillna

    def width(self) -> pd.Series:
        tr = (self.high - self.low).rolling(self.window).mean()
        mid = self.close.ewm(span=self.window, adjust=False).mean()
        return self._check_fillna(tr / mid, value=-1)


ohlc = pd.read_csv("data/ADAUSDT_4h.csv", parse_dates=["time"], index_col="time").sort_index()
ohlc = ohlc.iloc[:6000]

X = pd.DataFrame(index=ohlc.index)
X["pband"] = BollingerPercent(ohlc["close"], 20, fillna=True).pband()
X["kwidth"] = KeltnerWidth(ohlc["high"], ohlc["low"], ohlc["close"], 20, fillna=True).width()
X["ret_6"] = ohlc["close"].pct_change(6).fillna(0)
y = (ohlc["close"].shift(-6) > ohlc["close"]).astype(int)
X, y = X.iloc[:-6], y.iloc[:-6]

split = int(len(X) * 0.7)
clf = LogisticRegression(max_iter=500).fit(X.iloc[:split], y.iloc[:split])
print("test accuracy:", accuracy_score(y.iloc[split:], clf.predict(X.iloc[split:])))
print("first rows of pband:", X["pband"].head(25).round(3).tolist())
