# kind: planted
# framework: research
# why: train_test_split is called without shuffle=False on daily crypto features, so test days are interleaved with training days
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

candles = pd.read_csv("data/SOLUSDT_1d.csv", parse_dates=["date"], index_col="date").sort_index()
close = candles["close"]

feats = pd.DataFrame(index=candles.index)
feats["r1"] = close.pct_change()
feats["r3"] = close.pct_change(3)
feats["r7"] = close.pct_change(7)
feats["r14"] = close.pct_change(14)
feats["vol7"] = feats["r1"].rolling(7).std()
feats["vol30"] = feats["r1"].rolling(30).std()
feats["ema_gap"] = close / close.ewm(span=21).mean() - 1
feats["taker_ratio"] = candles["taker_buy_volume"] / candles["volume"]

target = (close.pct_change(3).shift(-3) > 0.01).astype(int)
data = feats.assign(target=target).dropna()

X = data.drop(columns="target")
y = data["target"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)  # expect: SL301

gbm = GradientBoostingClassifier(n_estimators=300, learning_rate=0.05, max_depth=3, random_state=42)
gbm.fit(X_train, y_train)
pred = gbm.predict(X_test)

print("accuracy:", round(accuracy_score(y_test, pred), 4))
print("f1:", round(f1_score(y_test, pred), 4))
print("base rate:", round(y_test.mean(), 4))
imp = pd.Series(gbm.feature_importances_, index=X.columns).sort_values(ascending=False)
print(imp)
