# kind: planted
# framework: research
# why: daily rows of GDX features are split with shuffle=True, so each test day sits between training days that share most of its 10-day label window
import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split

gdx = pd.read_csv("data/GDX.csv", index_col="Date", parse_dates=True).sort_index()
gld = pd.read_csv("data/GLD.csv", index_col="Date", parse_dates=True).sort_index()

df = pd.DataFrame({"gdx": gdx["Adj Close"], "gld": gld["Adj Close"], "gdx_vol": gdx["Volume"]}).dropna()
r_gdx = df["gdx"].pct_change()
r_gld = df["gld"].pct_change()

df["ratio"] = np.log(df["gdx"] / df["gld"])
df["ratio_z"] = (df["ratio"] - df["ratio"].rolling(60).mean()) / df["ratio"].rolling(60).std()
df["beta_60"] = r_gdx.rolling(60).cov(r_gld) / r_gld.rolling(60).var()
df["gld_mom_20"] = df["gld"].pct_change(20)
df["gdx_mom_20"] = df["gdx"].pct_change(20)
df["gdx_vol_20"] = r_gdx.rolling(20).std()
df["volume_trend"] = df["gdx_vol"].rolling(10).mean() / df["gdx_vol"].rolling(60).mean()

fwd_excess = df["gdx"].pct_change(10).shift(-10) - df["gld"].pct_change(10).shift(-10)
df["label"] = pd.cut(fwd_excess, bins=[-np.inf, -0.02, 0.02, np.inf], labels=[-1, 0, 1])
df = df.dropna()

FEATURES = ["ratio_z", "beta_60", "gld_mom_20", "gdx_mom_20", "gdx_vol_20", "volume_trend"]
X = df[FEATURES].to_numpy()
y = df["label"].astype(int).to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, shuffle=True, stratify=y, random_state=42)  # expect: SL301

clf = ExtraTreesClassifier(n_estimators=800, max_depth=8, min_samples_leaf=10, class_weight="balanced", n_jobs=-1, random_state=42)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print("accuracy:", round(accuracy_score(y_test, pred), 4))
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
print(pd.DataFrame(confusion_matrix(y_test, pred, labels=[-1, 0, 1]), index=[-1, 0, 1], columns=[-1, 0, 1]))
print(pd.Series(clf.feature_importances_, index=FEATURES).sort_values(ascending=False).round(3))
