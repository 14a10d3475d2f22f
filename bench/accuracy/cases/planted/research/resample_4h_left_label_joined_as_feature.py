# kind: planted
# framework: research
# why: 4-hour candles built with resample's default left label are joined back onto 1-hour bars, so each hour sees the close of the whole 4-hour block
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit

bars = pd.read_csv("data/ETHUSDT_1h.csv", parse_dates=["open_time"]).set_index("open_time").sort_index()

h4 = bars.resample("4h").agg({"open": "first", "high": "max", "low": "min", "close": "last", "volume": "sum"})  # expect: SL206
h4["h4_ret"] = h4["close"].pct_change()
h4["h4_trend"] = h4["close"] / h4["close"].rolling(12).mean() - 1

df = bars.join(h4[["h4_ret", "h4_trend"]], how="left")
df[["h4_ret", "h4_trend"]] = df[["h4_ret", "h4_trend"]].ffill()

df["ret_1h"] = df["close"].pct_change()
df["ret_6h"] = df["close"].pct_change(6)
df["vol_24h"] = df["ret_1h"].rolling(24).std()
df["vwap_gap"] = df["close"] / ((df["close"] * df["volume"]).rolling(24).sum() / df["volume"].rolling(24).sum()) - 1
df["target"] = (df["close"].shift(-4) > df["close"]).astype(int)
df = df.dropna()

FEATURES = ["h4_ret", "h4_trend", "ret_1h", "ret_6h", "vol_24h", "vwap_gap"]
X, y = df[FEATURES], df["target"]

tscv = TimeSeriesSplit(n_splits=5, gap=4)
aucs, losses = [], []
for fold, (tr, te) in enumerate(tscv.split(X)):
    clf = HistGradientBoostingClassifier(max_depth=4, learning_rate=0.05, max_iter=300, l2_regularization=1.0)
    clf.fit(X.iloc[tr], y.iloc[tr])
    p = clf.predict_proba(X.iloc[te])[:, 1]
    aucs.append(roc_auc_score(y.iloc[te], p))
    losses.append(log_loss(y.iloc[te], p))
    print(f"fold {fold}: AUC {aucs[-1]:.3f} logloss {losses[-1]:.4f}")

print("mean AUC", np.mean(aucs), "+/-", np.std(aucs))
print("mean log loss", np.mean(losses))
