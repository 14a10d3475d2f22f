# kind: planted
# framework: research
# why: SelectKBest(f_regression) scores every macro and price feature against the target over all rows, including the 2021-2024 test rows, then the reduced matrix is split and scored
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

gold = pd.read_csv("data/gold_daily.csv", index_col="date", parse_dates=True).sort_index()["close"]
macro = pd.read_csv("data/fred_daily.csv", index_col="date", parse_dates=True).sort_index()
# DFII10 real yield, DTWEXBGS broad dollar, T10YIE breakeven, VIXCLS, BAMLH0A0HYM2 HY spread
macro = macro.reindex(gold.index).ffill()

feat = pd.DataFrame(index=gold.index)
for w in (5, 21, 63):
    feat[f"gold_ret_{w}"] = gold.pct_change(w)
    feat[f"gold_vol_{w}"] = gold.pct_change().rolling(w).std()
    for col in macro.columns:
        feat[f"{col}_chg_{w}"] = macro[col].diff(w)
for col in macro.columns:
    feat[f"{col}_lvl"] = macro[col]
feat["gold_rsi_14"] = 100 - 100 / (
    1 + gold.diff().clip(lower=0).rolling(14).mean() / (-gold.diff().clip(upper=0)).rolling(14).mean()
)
target = gold.pct_change(21).shift(-21).rename("target")

data = feat.join(target).dropna()
X = data.drop(columns="target")
y = data["target"]

selector = SelectKBest(score_func=f_regression, k=15)
X_sel = selector.fit_transform(X, y)  # expect: SL204
chosen = X.columns[selector.get_support()]
scores = pd.Series(selector.scores_, index=X.columns).sort_values(ascending=False)
print(scores.head(15).round(1))

X_train, X_test, y_train, y_test = train_test_split(X_sel, y, test_size=0.25, shuffle=False)

gbr = GradientBoostingRegressor(
    n_estimators=400,
    max_depth=3,
    learning_rate=0.02,
    subsample=0.7,
    min_samples_leaf=40,
    random_state=11,
)
gbr.fit(X_train, y_train)
pred = gbr.predict(X_test)

print("test R2:", round(r2_score(y_test, pred), 4))
print("directional accuracy:", round(np.mean(np.sign(pred) == np.sign(y_test)), 4))
importance = pd.Series(gbr.feature_importances_, index=chosen).sort_values(ascending=False)
print(importance.round(3))
