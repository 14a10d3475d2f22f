# kind: planted
# framework: research
# why: cross-validation of a 10-day direction model uses KFold(shuffle=True), so overlapping labels from neighbouring days land on both sides
import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeClassifier
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

HORIZON = 10

px = pd.read_csv("data/IWM.csv", index_col="Date", parse_dates=True).sort_index()
close, volume = px["Close"], px["Volume"]

f = pd.DataFrame(index=px.index)
for w in (1, 3, 5, 10, 20, 60):
    f[f"ret_{w}"] = close.pct_change(w)
f["vol_10"] = close.pct_change().rolling(10).std()
f["vol_60"] = close.pct_change().rolling(60).std()
f["dollar_vol"] = np.log((close * volume).rolling(20).mean())
f["y"] = np.sign(close.shift(-HORIZON) / close - 1)
f = f.dropna()
f = f[f["y"] != 0]

X = f.drop(columns="y")
y = f["y"]

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("clf", RidgeClassifier(alpha=10.0)),
])

cv = KFold(n_splits=5, shuffle=True, random_state=11)  # expect: SL301
scores = cross_val_score(pipe, X, y, cv=cv, scoring="accuracy")
print("fold accuracy:", np.round(scores, 3))
print(f"mean {scores.mean():.3f} +/- {scores.std():.3f}")

for alpha in (0.1, 1.0, 10.0, 100.0):
    pipe.set_params(clf__alpha=alpha)
    s = cross_val_score(pipe, X, y, cv=cv, scoring="accuracy")
    print(f"alpha={alpha:>6}: {s.mean():.3f}")
