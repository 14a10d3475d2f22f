# kind: lookalike
# framework: research
# why: the split comes first (by position, no shuffle); the scaler is fitted on X_train and only applied to X_test
import numpy as np
import pandas as pd
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score

bars = pd.read_csv("data/AUDUSD_4h.csv", parse_dates=["time"], index_col="time").sort_index()
c = bars["close"]

feat = pd.DataFrame(index=bars.index)
feat["r1"] = c.pct_change()
feat["r6"] = c.pct_change(6)
feat["r24"] = c.pct_change(24)
feat["rv"] = feat["r1"].rolling(24).std()
feat["z_ma"] = (c - c.rolling(48).mean()) / c.rolling(48).std()
feat["y"] = (c.shift(-6) > c).astype(int)
feat = feat.dropna()

X = feat.drop(columns="y").to_numpy()
y = feat["y"].to_numpy()
split = int(len(X) * 0.7)
X_train, X_test = X[:split], X[split:]
y_train, y_test = y[:split], y[split:]

scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.transform(X_test)

for k in (25, 50, 100, 200):
    knn = KNeighborsClassifier(n_neighbors=k)
    knn.fit(X_train_s, y_train)
    print(k, round(accuracy_score(y_test, knn.predict(X_test_s)), 4))

best = KNeighborsClassifier(n_neighbors=100).fit(X_train_s, y_train)
proba = best.predict_proba(X_test_s)[:, 1]
pos = pd.Series(np.where(proba > 0.55, 1.0, np.where(proba < 0.45, -1.0, 0.0)), index=feat.index[split:])
ret = c.pct_change().reindex(pos.index)
pnl = pos.shift(1) * ret
print("Sharpe:", pnl.mean() / pnl.std() * np.sqrt(6 * 252))
