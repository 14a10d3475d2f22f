# kind: lookalike
# framework: research
# why: hourly bars stamped at their open are aggregated with label="right" and closed="left", so each 4-hour candle appears only once it has closed
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

bars = pd.read_csv("data/BNBUSDT_1h.csv", parse_dates=["open_time"], index_col="open_time").sort_index()

h4 = bars.resample("4h", label="right", closed="left").agg({"high": "max", "low": "min", "close": "last"})
h4["h4_ret"] = h4["close"].pct_change()
h4["h4_range"] = (h4["high"] - h4["low"]) / h4["close"]

df = bars.join(h4[["h4_ret", "h4_range"]], how="left")
df[["h4_ret", "h4_range"]] = df[["h4_ret", "h4_range"]].ffill()
df["r1"] = df["close"].pct_change()
df["r8"] = df["close"].pct_change(8)
df["rv24"] = df["r1"].rolling(24).std()
df["label"] = (df["close"].shift(-8) > df["close"]).astype(int)
df = df.dropna()
cols = ["h4_ret", "h4_range", "r1", "r8", "rv24"]

train = df.loc[:"2023-06-30"]
test = df.loc["2023-07-01":]
rf = RandomForestClassifier(n_estimators=300, min_samples_leaf=200, max_features=0.6, n_jobs=-1, random_state=4)
rf.fit(train[cols], train["label"])
print("test AUC:", roc_auc_score(test["label"], rf.predict_proba(test[cols])[:, 1]))

proba = pd.Series(rf.predict_proba(test[cols])[:, 1], index=test.index)
imp = pd.Series(rf.feature_importances_, index=cols).sort_values(ascending=False)
print(imp.round(3))

bt = pd.DataFrame({"proba": proba, "ret": test["close"].pct_change()})
bt["pos"] = np.where(bt["proba"] > 0.55, 1.0, np.where(bt["proba"] < 0.45, -1.0, 0.0))
bt["pnl"] = bt["pos"].shift(1) * bt["ret"] - bt["pos"].diff().abs().fillna(0) * 0.0004
print("hourly Sharpe (annualised):", round(bt["pnl"].mean() / bt["pnl"].std() * np.sqrt(24 * 365), 2))
print("exposure:", round(bt["pos"].abs().mean(), 3))
monthly = bt["pnl"].resample("ME").sum()
print(monthly.round(4).tail(12))
