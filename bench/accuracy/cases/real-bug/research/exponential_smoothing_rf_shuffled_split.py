# kind: real-bug
# framework: research
# why: a random forest predicting the 30-day direction from exponentially smoothed indicators is evaluated with a shuffled train_test_split, so neighbouring days with overlapping 30-day labels sit in both sets
# source: https://github.com/LuckysonKhaidem/StockMarketPedicition/issues/2
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, recall_score
from sklearn.model_selection import train_test_split

HORIZON = 30
ALPHA = 0.9

df = pd.read_csv("data/AAPL_daily.csv", index_col="Date", parse_dates=True).sort_index()
smooth = df[["Open", "High", "Low", "Close", "Volume"]].ewm(alpha=ALPHA, adjust=False).mean()
c, h, l, v = smooth["Close"], smooth["High"], smooth["Low"], smooth["Volume"]

ind = pd.DataFrame(index=df.index)
delta = c.diff()
ind["rsi"] = 100 - 100 / (1 + delta.clip(lower=0).rolling(14).mean() / (-delta.clip(upper=0)).rolling(14).mean())
ll, hh = l.rolling(14).min(), h.rolling(14).max()
ind["stoch_k"] = 100 * (c - ll) / (hh - ll)
ind["williams_r"] = -100 * (hh - c) / (hh - ll)
ind["macd"] = c.ewm(span=12).mean() - c.ewm(span=26).mean()
ind["roc"] = c.pct_change(14)
ind["obv"] = (np.sign(c.diff()) * v).cumsum()
ind["label"] = np.sign(c.shift(-HORIZON) - c)
ind = ind.dropna()
ind = ind[ind["label"] != 0]

X = ind.drop(columns="label")
y = ind["label"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)  # expect: SL301

rf = RandomForestClassifier(n_estimators=65, criterion="gini", oob_score=True, random_state=0)
rf.fit(X_train, y_train)
pred = rf.predict(X_test)
print("accuracy:", accuracy_score(y_test, pred))
print("recall (up):", recall_score(y_test, pred, pos_label=1))
print("OOB score:", rf.oob_score_)
