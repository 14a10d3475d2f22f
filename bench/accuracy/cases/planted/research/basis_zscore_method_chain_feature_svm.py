# kind: planted
# framework: research
# why: the futures basis feature is z-scored with .sub(basis.mean()).div(basis.std()) over the whole history, so every training row knows the basis level of the test years
import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.svm import SVC

spot = pd.read_csv("data/btc_spot_1d.csv", index_col="date", parse_dates=True).sort_index()["close"]
perp = pd.read_csv("data/btc_perp_1d.csv", index_col="date", parse_dates=True).sort_index()
fund = pd.read_csv("data/btc_funding_8h.csv", index_col="time", parse_dates=True).sort_index()["rate"]

df = pd.DataFrame({"spot": spot}).join(perp[["close", "open_interest"]].rename(columns={"close": "perp"}), how="inner")
df["funding_1d"] = fund.resample("1D", label="right", closed="right").sum().shift(1).reindex(df.index).ffill()

basis = df["perp"] / df["spot"] - 1
df["basis_z"] = basis.sub(basis.mean()).div(basis.std())  # expect: SL203
df["oi_chg_7"] = df["open_interest"].pct_change(7)
df["ret_7"] = df["spot"].pct_change(7)
df["ret_30"] = df["spot"].pct_change(30)
df["vol_30"] = df["spot"].pct_change().rolling(30).std()
df["funding_7"] = df["funding_1d"].rolling(7).sum()
df["label"] = np.sign(df["spot"].shift(-7) / df["spot"] - 1).astype(int)
df = df.dropna()
df = df[df["label"] != 0]

FEATURES = ["basis_z", "oi_chg_7", "ret_7", "ret_30", "vol_30", "funding_7"]
is_train = df.index < "2022-07-01"
X_train, y_train = df.loc[is_train, FEATURES], df.loc[is_train, "label"]
X_test, y_test = df.loc[~is_train, FEATURES], df.loc[~is_train, "label"]

# The other inputs are scaled with statistics of the training rows only.
mu, sd = X_train.mean(), X_train.std()
cols = [c for c in FEATURES if c != "basis_z"]
X_train.loc[:, cols] = (X_train[cols] - mu[cols]) / sd[cols]
X_test.loc[:, cols] = (X_test[cols] - mu[cols]) / sd[cols]

svm = SVC(kernel="rbf", C=0.5, gamma="scale", class_weight="balanced")
svm.fit(X_train, y_train)
pred = svm.predict(X_test)

print("balanced accuracy:", round(balanced_accuracy_score(y_test, pred), 4))
print(classification_report(y_test, pred, digits=3))
