# kind: real-bug
# framework: research
# why: the meta-labelling random forest is evaluated with train_test_split's default shuffle on time-ordered bars with overlapping triple-barrier labels; the maintainer fixed it with shuffle=False
# source: https://github.com/BlackArbsCEO/Adv_Fin_ML_Exercises/issues/23
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

bars = pd.read_parquet("data/ivv_dollar_bars.parquet").sort_index()
close = bars["close"]

# primary model: fast/slow moving-average crossover proposes the side
fast = close.rolling(20).mean()
slow = close.rolling(50).mean()
side = pd.Series(np.where(fast > slow, 1, -1), index=close.index)
events = side[side.diff() != 0].index[1:]

# triple-barrier outcome of each event, up to 40 bars ahead (the label)
vol = np.log(close).diff().ewm(span=100).std()
labels = {}
for t0 in events:
    pos = close.index.get_loc(t0)
    path = close.iloc[pos:pos + 40] / close.iloc[pos] - 1
    path = path * side.loc[t0]
    up = path[path > 2 * vol.loc[t0]]
    dn = path[path < -2 * vol.loc[t0]]
    first_up = up.index[0] if len(up) else None
    first_dn = dn.index[0] if len(dn) else None
    hit_up = first_up is not None and (first_dn is None or first_up < first_dn)
    labels[t0] = int(hit_up)
bin_label = pd.Series(labels)

feat = pd.DataFrame(index=close.index)
feat["side"] = side
feat["vol"] = vol
feat["mom_5"] = close.pct_change(5)
feat["mom_20"] = close.pct_change(20)
feat["serial_corr"] = np.log(close).diff().rolling(50).apply(lambda r: r.autocorr(lag=1), raw=False)
X = feat.loc[bin_label.index].dropna()
y = bin_label.loc[X.index]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5)  # expect: SL301

rf = RandomForestClassifier(n_estimators=500, max_depth=4, class_weight="balanced_subsample", criterion="entropy", n_jobs=-1)
rf.fit(X_train, y_train)
proba = rf.predict_proba(X_test)[:, 1]
print(classification_report(y_test, proba > 0.5))
print("AUC:", roc_auc_score(y_test, proba))
