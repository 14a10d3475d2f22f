# kind: planted
# framework: research
# why: the StandardScaler is fitted on every row before the chronological split, so the training rows are scaled with test-period statistics
import numpy as np
import pandas as pd
import yfinance as yf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

raw = yf.download("SPY", start="2008-01-01", end="2024-12-31", auto_adjust=True, progress=False)
close = raw["Close"].squeeze()
high = raw["High"].squeeze()
low = raw["Low"].squeeze()

df = pd.DataFrame(index=raw.index)
df["ret1"] = close.pct_change()
df["ret5"] = close.pct_change(5)
df["ret20"] = close.pct_change(20)
df["hl_range"] = (high - low) / close
df["atr14"] = df["hl_range"].rolling(14).mean()
df["ma_gap"] = close / close.rolling(100).mean() - 1
df["vol20"] = df["ret1"].rolling(20).std()
df["y"] = (close.shift(-1) > close).astype(int)
df = df.dropna()

feature_cols = ["ret1", "ret5", "ret20", "hl_range", "atr14", "ma_gap", "vol20"]
X = df[feature_cols].values
y = df["y"].values

scaler = StandardScaler()
X_scaled = scaler.fit_transform(X)  # expect: SL204

X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.25, shuffle=False)

clf = LogisticRegression(C=0.5, max_iter=1000)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print("balanced accuracy:", balanced_accuracy_score(y_test, pred))
print(confusion_matrix(y_test, pred))
coefs = pd.Series(clf.coef_[0], index=feature_cols)
print(coefs.sort_values())

test_index = df.index[-len(y_test):]
position = pd.Series(np.where(pred == 1, 1.0, 0.0), index=test_index)
ret = close.pct_change().reindex(test_index)
strategy = position.shift(1) * ret
print("strategy Sharpe:", strategy.mean() / strategy.std() * np.sqrt(252))
