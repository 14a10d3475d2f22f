# kind: planted
# framework: research
# why: the RobustScaler is fitted on every row from 2008 to 2024, then scales the validation rows that pick alpha and the test rows that score the ridge model
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.preprocessing import RobustScaler

HORIZON = 10
ALPHAS = (0.1, 1.0, 10.0, 100.0)

px = pd.read_csv("data/TLT.csv", index_col="Date", parse_dates=True).sort_index()
close = px["Adj Close"]
volume = px["Volume"]
daily = close.pct_change()

feat = pd.DataFrame(index=px.index)
for w in (5, 10, 21, 63):
    feat[f"mom_{w}"] = close.pct_change(w)
    feat[f"vol_{w}"] = daily.rolling(w).std()
feat["vlm_ratio"] = volume / volume.rolling(21).mean()
feat["dist_hi_252"] = close / close.rolling(252).max() - 1
feat["dist_lo_252"] = close / close.rolling(252).min() - 1
target = close.pct_change(HORIZON).shift(-HORIZON).rename("target")

data = feat.join(target).dropna()
FEATURES = list(feat.columns)

# Heavy tails in the volume ratio: scale with quantiles instead of mean / std.
scaler = RobustScaler(quantile_range=(10.0, 90.0))
scaler.fit(data[FEATURES])  # expect: SL204

train = data.loc[:"2016-12-31"]
valid = data.loc["2017-01-01":"2019-12-31"]
test = data.loc["2020-01-01":]


def scaled(part: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(scaler.transform(part[FEATURES]), index=part.index, columns=FEATURES)


X_train, X_valid, X_test = scaled(train), scaled(valid), scaled(test)
y_train, y_valid, y_test = train["target"], valid["target"], test["target"]

best_alpha, best_mae = None, np.inf
for alpha in ALPHAS:
    candidate = Ridge(alpha=alpha).fit(X_train, y_train)
    mae = mean_absolute_error(y_valid, candidate.predict(X_valid))
    print(f"alpha={alpha:>6}: validation MAE {mae:.5f}")
    if mae < best_mae:
        best_alpha, best_mae = alpha, mae

final = Ridge(alpha=best_alpha).fit(pd.concat([X_train, X_valid]), pd.concat([y_train, y_valid]))
pred = pd.Series(final.predict(X_test), index=X_test.index)

ic = pred.corr(y_test, method="spearman")
hit = (np.sign(pred) == np.sign(y_test)).mean()
print(f"chosen alpha {best_alpha}, test IC {ic:.3f}, hit rate {hit:.1%}")

position = np.sign(pred).shift(1).fillna(0.0)
pnl = position * daily.reindex(pred.index) - 0.0002 * position.diff().abs().fillna(0.0)
print("test Sharpe:", round(pnl.mean() / pnl.std() * np.sqrt(252), 2))
print("coefficients:")
print(pd.Series(final.coef_, index=FEATURES).sort_values())
