# kind: lookalike
# framework: research
# why: training and test sets are separated by a calendar cut-off with a one-month embargo; no shuffling, no overlap
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report

px = pd.read_csv("data/EEM.csv", index_col="Date", parse_dates=True).sort_index()
close = px["Close"]

df = pd.DataFrame(index=px.index)
df["mom_1m"] = close.pct_change(21)
df["mom_3m"] = close.pct_change(63)
df["mom_12m"] = close.pct_change(252)
df["vol_1m"] = close.pct_change().rolling(21).std()
df["dd_6m"] = close / close.rolling(126).max() - 1
df["label"] = (close.pct_change(21).shift(-21) > 0).astype(int)
df = df.dropna()

TRAIN_END = "2017-12-31"
TEST_START = "2018-02-01"

train = df.loc[:TRAIN_END]
test = df.loc[TEST_START:]
X_cols = ["mom_1m", "mom_3m", "mom_12m", "vol_1m", "dd_6m"]

rf = RandomForestClassifier(n_estimators=300, max_depth=4, min_samples_leaf=60, class_weight="balanced", random_state=0)
rf.fit(train[X_cols], train["label"])
pred = rf.predict(test[X_cols])
print(classification_report(test["label"], pred))

monthly_idx = test.index[::21]
pos = pd.Series(pred, index=test.index).loc[monthly_idx].reindex(test.index).ffill()
pnl = pos.shift(1) * close.pct_change().reindex(test.index)
print("Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
