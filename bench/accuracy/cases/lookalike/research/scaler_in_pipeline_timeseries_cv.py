# kind: lookalike
# framework: research
# why: the StandardScaler lives inside a Pipeline evaluated with TimeSeriesSplit, so it is refitted on each training fold only
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

px = pd.read_csv("data/DIA.csv", index_col="Date", parse_dates=True).sort_index()
close = px["Close"]

X = pd.DataFrame(index=px.index)
X["r1"] = close.pct_change()
X["r5"] = close.pct_change(5)
X["r20"] = close.pct_change(20)
X["v20"] = X["r1"].rolling(20).std()
X["v60"] = X["r1"].rolling(60).std()
X["hl"] = (px["High"] - px["Low"]) / close
y = (close.shift(-1) > close).astype(int).rename("y")
data = X.join(y).dropna()

pipe = Pipeline([
    ("scaler", StandardScaler()),
    ("logit", LogisticRegression(C=0.3, max_iter=1000)),
])

tscv = TimeSeriesSplit(n_splits=8)
scores = cross_val_score(pipe, data.drop(columns="y"), data["y"], cv=tscv, scoring="roc_auc")
print("AUC per fold:", np.round(scores, 3))
print("mean AUC:", scores.mean().round(4))

for C in (0.01, 0.1, 1.0):
    pipe.set_params(logit__C=C)
    s = cross_val_score(pipe, data.drop(columns="y"), data["y"], cv=tscv, scoring="roc_auc")
    print(f"C={C}: {s.mean():.4f} +/- {s.std():.4f}")
