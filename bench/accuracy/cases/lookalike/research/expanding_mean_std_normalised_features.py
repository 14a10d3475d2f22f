# kind: lookalike
# framework: research
# why: features are normalised with expanding (point-in-time) mean and std, shifted one bar, instead of full-sample statistics
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import TimeSeriesSplit

raw = pd.read_csv("data/CL_continuous.csv", index_col="date", parse_dates=True).sort_index()
c = raw["close"]

base = pd.DataFrame(index=raw.index)
base["mom_10"] = c.pct_change(10)
base["mom_60"] = c.pct_change(60)
base["carry"] = raw["front"] / raw["second"] - 1
base["oi_trend"] = raw["open_interest"].pct_change(20)
base["vol_20"] = c.pct_change().rolling(20).std()

norm = pd.DataFrame(index=base.index)
for col in base.columns:
    mu = base[col].expanding(min_periods=252).mean().shift(1)
    sd = base[col].expanding(min_periods=252).std().shift(1)
    norm[col + "_z"] = (base[col] - mu) / sd

norm["y"] = (c.shift(-10) > c).astype(int)
norm = norm.dropna()
X, y = norm.drop(columns="y"), norm["y"]

aucs = []
for tr, te in TimeSeriesSplit(n_splits=6, gap=10).split(X):
    m = lgb.LGBMClassifier(n_estimators=250, learning_rate=0.03, num_leaves=8, min_child_samples=150, verbose=-1)
    m.fit(X.iloc[tr], y.iloc[tr])
    aucs.append(roc_auc_score(y.iloc[te], m.predict_proba(X.iloc[te])[:, 1]))
print("AUC by fold:", np.round(aucs, 3))
print("mean:", np.mean(aucs))
