# kind: lookalike
# framework: research
# why: gaps are filled with the training rows' means and the QuantileTransformer is fitted on X_train only; the test rows are only transformed with what the training period learnt
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.preprocessing import QuantileTransformer

HORIZON = 5
SPLIT = "2019-12-31"

hyg = pd.read_csv("data/HYG.csv", index_col="Date", parse_dates=True).sort_index()["Adj Close"]
lqd = pd.read_csv("data/LQD.csv", index_col="Date", parse_dates=True).sort_index()["Adj Close"]
oas = pd.read_csv("data/BAMLH0A0HYM2.csv", index_col="DATE", parse_dates=True, na_values=".").sort_index()["BAMLH0A0HYM2"]

df = pd.DataFrame({"hyg": hyg, "lqd": lqd}).join(oas.rename("oas"), how="left")
df["oas"] = df["oas"].ffill(limit=3)

df["hyg_lqd_20"] = np.log(df["hyg"] / df["lqd"]).diff(20)
df["oas_chg_5"] = df["oas"].diff(5)
df["oas_chg_20"] = df["oas"].diff(20)
df["hyg_vol_20"] = df["hyg"].pct_change().rolling(20).std()
df["hyg_mom_60"] = df["hyg"].pct_change(60)
df["y"] = (df["hyg"].shift(-HORIZON) > df["hyg"]).astype(int)
df = df.iloc[:-HORIZON]

FEATURES = ["hyg_lqd_20", "oas_chg_5", "oas_chg_20", "hyg_vol_20", "hyg_mom_60"]
df = df.dropna(subset=["hyg_mom_60"])

# Drop the last HORIZON training rows: their labels end inside the test period.
X_train, y_train = df.loc[:SPLIT, FEATURES].iloc[:-HORIZON], df.loc[:SPLIT, "y"].iloc[:-HORIZON]
X_test, y_test = df.loc[SPLIT:, FEATURES].iloc[1:], df.loc[SPLIT:, "y"].iloc[1:]

# The OAS series still has gaps after the limited ffill: fill with training means only.
train_means = X_train.mean()
X_train = X_train.fillna(train_means)
X_test = X_test.fillna(train_means)

qt = QuantileTransformer(n_quantiles=500, output_distribution="normal", random_state=0)
qt.fit(X_train)
Z_train = qt.transform(X_train)
Z_test = qt.transform(X_test)

clf = LogisticRegression(C=0.3, max_iter=2000)
clf.fit(Z_train, y_train)
p = clf.predict_proba(Z_test)[:, 1]

print(f"train rows {len(X_train)}, test rows {len(X_test)}")
print("test AUC:", round(roc_auc_score(y_test, p), 4))
print("test log loss:", round(log_loss(y_test, p), 4))
print(pd.Series(clf.coef_[0], index=FEATURES).round(3))

position = pd.Series(np.where(p > 0.55, 1.0, 0.0), index=X_test.index)
daily = df["hyg"].pct_change().reindex(X_test.index)
pnl = position.shift(1) * daily
print("test Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
