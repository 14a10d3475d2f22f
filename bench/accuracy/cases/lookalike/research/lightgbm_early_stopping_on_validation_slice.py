# kind: lookalike
# framework: research
# why: eval_set is the 2019-2020 validation slice, not the training rows; early stopping picks the number of trees there and the model is scored once on 2021-2024
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

df = pd.read_parquet("data/eurusd_4h.parquet").sort_index()
lr = np.log(df["close"]).diff()

feat = pd.DataFrame(index=df.index)
for w in (1, 3, 6, 18, 42):
    feat[f"r_{w}"] = lr.rolling(w).sum()
feat["rv_18"] = lr.rolling(18).std()
feat["rv_ratio"] = lr.rolling(6).std() / lr.rolling(42).std()
feat["atr_pct"] = (df["high"] - df["low"]).rolling(14).mean() / df["close"]
feat["session"] = df.index.hour // 4
feat["dow"] = df.index.dayofweek
label = (df["close"].shift(-3) > df["close"]).astype(int).rename("label")

data = feat.join(label).dropna().iloc[:-3]
FEATURES = list(feat.columns)

train = data.loc[:"2018-12-31"]
valid = data.loc["2019-01-08":"2020-12-31"]  # one week of embargo after the training rows
test = data.loc["2021-01-08":]

clf = lgb.LGBMClassifier(
    n_estimators=5000,
    learning_rate=0.01,
    num_leaves=15,
    min_child_samples=300,
    subsample=0.7,
    subsample_freq=1,
    colsample_bytree=0.7,
    reg_lambda=5.0,
    verbose=-1,
)
clf.fit(
    train[FEATURES],
    train["label"],
    eval_set=[(valid[FEATURES], valid["label"])],
    eval_metric="auc",
    callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
)
print("trees kept:", clf.best_iteration_)

p_valid = clf.predict_proba(valid[FEATURES])[:, 1]
p_test = clf.predict_proba(test[FEATURES])[:, 1]
print("valid AUC:", round(roc_auc_score(valid["label"], p_valid), 4))
print("test AUC:", round(roc_auc_score(test["label"], p_test), 4))

signal = pd.Series(np.where(p_test > 0.53, 1, np.where(p_test < 0.47, -1, 0)), index=test.index)
bar_ret = df["close"].pct_change().reindex(test.index)
pnl = signal.shift(1) * bar_ret - 0.00005 * signal.diff().abs()
print("test Sharpe (6 bars/day):", round(pnl.mean() / pnl.std() * np.sqrt(6 * 260), 2))
imp = pd.Series(clf.booster_.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(imp.round(0))
