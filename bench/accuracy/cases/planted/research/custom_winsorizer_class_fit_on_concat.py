# kind: planted
# framework: research
# why: the hand-written Winsorizer learns its clip bounds and its mean / std from pd.concat([train, test]); the test rows it later transforms were part of that fit
import numpy as np
import pandas as pd
from sklearn.linear_model import ElasticNet
from sklearn.metrics import r2_score


class Winsorizer:
    """Clip each column to its [lower, upper] quantiles, then standardise."""

    def __init__(self, lower: float = 0.01, upper: float = 0.99):
        self.lower = lower
        self.upper = upper

    def fit(self, X: pd.DataFrame) -> "Winsorizer":
        self.lo_ = X.quantile(self.lower)
        self.hi_ = X.quantile(self.upper)
        clipped = X.clip(self.lo_, self.hi_, axis=1)
        self.mu_ = clipped.mean()
        self.sd_ = clipped.std().replace(0.0, 1.0)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        clipped = X.clip(self.lo_, self.hi_, axis=1)
        return (clipped - self.mu_) / self.sd_


bars = pd.read_parquet("data/eth_usdt_1h.parquet").set_index("open_time").sort_index()
c = bars["close"]
lr = np.log(c).diff()

feats = pd.DataFrame(index=bars.index)
feats["r_1"] = lr
feats["r_6"] = lr.rolling(6).sum()
feats["r_24"] = lr.rolling(24).sum()
feats["rv_24"] = lr.rolling(24).std()
feats["rv_ratio"] = lr.rolling(24).std() / lr.rolling(168).std()
feats["taker_imb"] = (2 * bars["taker_buy_base"] - bars["volume"]) / bars["volume"]
feats["vol_z"] = (bars["volume"] - bars["volume"].rolling(168).mean()) / bars["volume"].rolling(168).std()
feats["hl_range"] = (bars["high"] - bars["low"]) / c
y = lr.rolling(6).sum().shift(-6).rename("y")

frame = feats.join(y).dropna()
COLS = list(feats.columns)
cutoff = frame.index[int(len(frame) * 0.8)]
train = frame[frame.index < cutoff]
test = frame[frame.index >= cutoff]

wz = Winsorizer(0.005, 0.995).fit(pd.concat([train[COLS], test[COLS]]))  # expect: SL204
X_train = wz.transform(train[COLS])
X_test = wz.transform(test[COLS])

model = ElasticNet(alpha=1e-4, l1_ratio=0.3, max_iter=5000)
model.fit(X_train, train["y"])
pred = pd.Series(model.predict(X_test), index=test.index)

print("test R2:", round(r2_score(test["y"], pred), 5))
print("test IC:", round(pred.corr(test["y"], method="spearman"), 4))
print(pd.Series(model.coef_, index=COLS).round(6))

# Hold for 6 hours, rebalancing every hour on the newest forecast.
pos = np.sign(pred).shift(1).fillna(0.0)
pnl = pos * lr.reindex(test.index) - 0.0004 * pos.diff().abs().fillna(0.0)
print("annualised Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(24 * 365), 2))
