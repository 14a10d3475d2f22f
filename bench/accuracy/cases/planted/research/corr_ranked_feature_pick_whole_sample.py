# kind: planted
# framework: research
# why: the ten features are the ones most correlated with the target over the whole sample, 2022-2024 test rows included; the model is then judged on those test rows
import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeCV
from sklearn.metrics import r2_score

N_KEEP = 10

px = pd.read_parquet("data/futures_continuous.parquet")  # columns: ES, NQ, ZN, ZB, CL, GC, HG, 6E, 6J
px = px.sort_index().ffill()
rets = np.log(px).diff()

panel = pd.DataFrame(index=px.index)
for sym in px.columns:
    for w in (1, 5, 20, 60):
        panel[f"{sym}_mom_{w}"] = rets[sym].rolling(w).sum()
    panel[f"{sym}_vol_20"] = rets[sym].rolling(20).std()
panel["es_zn_corr_60"] = rets["ES"].rolling(60).corr(rets["ZN"])
panel["cl_gc_ratio"] = np.log(px["CL"] / px["GC"]).diff(20)
panel["target"] = rets["ES"].rolling(5).sum().shift(-5)
panel = panel.dropna()

top = panel.corr()["target"].drop("target").abs().nlargest(N_KEEP).index  # expect: SL204
print("selected:", list(top))

train = panel.loc[:"2021-12-31"]
test = panel.loc["2022-01-01":]

model = RidgeCV(alphas=np.logspace(-3, 3, 13))
model.fit(train[top], train["target"])
pred = pd.Series(model.predict(test[top]), index=test.index)

print("alpha:", model.alpha_)
print("test R2:", round(r2_score(test["target"], pred), 4))
print("test IC:", round(pred.corr(test["target"]), 4))

weekly = pred.resample("W-FRI").last()
realised = test["target"].resample("W-FRI").last()
print("weekly hit rate:", round((np.sign(weekly) == np.sign(realised)).mean(), 3))
