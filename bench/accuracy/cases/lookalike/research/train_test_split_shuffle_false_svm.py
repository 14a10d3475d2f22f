# kind: lookalike
# framework: research
# why: train_test_split is called with shuffle=False, so the last 20% of days form the test set
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, roc_auc_score

df = pd.read_csv("data/XAUUSD_daily.csv", index_col="date", parse_dates=True).sort_index()
c = df["close"]

X = pd.DataFrame({
    "r1": c.pct_change(),
    "r5": c.pct_change(5),
    "r10": c.pct_change(10),
    "vol10": c.pct_change().rolling(10).std(),
    "rsi_proxy": c.diff().clip(lower=0).rolling(14).mean() / c.diff().abs().rolling(14).mean(),
}, index=df.index)
y = (c.shift(-3) > c).astype(int)
ok = X.notna().all(axis=1) & c.shift(-3).notna()
X, y = X[ok], y[ok]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

model = make_pipeline(StandardScaler(), SVC(C=0.5, kernel="rbf", probability=True))
model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]
print("accuracy:", accuracy_score(y_test, proba > 0.5))
print("AUC:", roc_auc_score(y_test, proba))
print("test period:", X_test.index[0].date(), "->", X_test.index[-1].date())

res = pd.DataFrame({"proba": proba, "y": y_test}, index=X_test.index)
res["bucket"] = pd.cut(res["proba"], [0, 0.4, 0.5, 0.6, 1.0])
print(res.groupby("bucket", observed=True)["y"].agg(["mean", "count"]))

pos = pd.Series(np.where(proba > 0.55, 1.0, 0.0), index=X_test.index)
daily = c.pct_change().reindex(X_test.index)
pnl = pos.shift(1) * daily
print("Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2), "exposure:", round(pos.mean(), 3))
