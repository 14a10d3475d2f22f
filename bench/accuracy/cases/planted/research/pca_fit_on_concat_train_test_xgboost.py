# kind: planted
# framework: research
# why: the PCA that compresses the sector-return features is fitted on the train and test rows concatenated
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.decomposition import PCA
from sklearn.metrics import mean_squared_error, r2_score

SECTORS = ["XLB", "XLE", "XLF", "XLI", "XLK", "XLP", "XLU", "XLV", "XLY"]

closes = pd.read_parquet("data/sector_etfs.parquet")[SECTORS + ["SPY"]].sort_index()
rets = closes.pct_change()

lagged = pd.concat({f"{s}_r5": rets[s].rolling(5).sum() for s in SECTORS}, axis=1)
lagged["spy_vol"] = rets["SPY"].rolling(20).std()
lagged["spy_r20"] = rets["SPY"].rolling(20).sum()
fwd_ret = rets["SPY"].rolling(5).sum().shift(-5)

frame = lagged.assign(fwd_ret=fwd_ret).dropna()
train = frame.loc[:"2020-12-31"]
test = frame.loc["2021-01-01":]

sector_cols = [f"{s}_r5" for s in SECTORS]
pca = PCA(n_components=3)
pca.fit(pd.concat([train[sector_cols], test[sector_cols]]))  # expect: SL204
print("explained variance:", pca.explained_variance_ratio_.round(3))


def design(part: pd.DataFrame) -> pd.DataFrame:
    comps = pca.transform(part[sector_cols])
    out = pd.DataFrame(comps, index=part.index, columns=["pc1", "pc2", "pc3"])
    out["spy_vol"] = part["spy_vol"]
    out["spy_r20"] = part["spy_r20"]
    return out


X_train, X_test = design(train), design(test)
y_train, y_test = train["fwd_ret"], test["fwd_ret"]

model = xgb.XGBRegressor(
    n_estimators=500,
    max_depth=3,
    learning_rate=0.02,
    subsample=0.8,
    colsample_bytree=0.8,
    reg_lambda=5.0,
)
model.fit(X_train, y_train)
pred = pd.Series(model.predict(X_test), index=X_test.index)

print("test RMSE:", mean_squared_error(y_test, pred) ** 0.5)
print("test R2:", r2_score(y_test, pred))
print("IC:", pred.corr(y_test, method="spearman"))
