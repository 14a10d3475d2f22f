# kind: lookalike
# framework: research
# why: y = close.pct_change(5).shift(-5) is added to the frame but X is built with drop(columns=["y"]), so the label never reaches the features
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

df = pd.read_csv("data/SMH.csv", index_col="Date", parse_dates=True).sort_index()
df.columns = [c.lower() for c in df.columns]

df["r1"] = df.close.pct_change()
df["r5"] = df.close.pct_change(5)
df["r21"] = df.close.pct_change(21)
df["vol21"] = df.r1.rolling(21).std()
df["volu_ratio"] = df.volume / df.volume.rolling(21).mean()
df["y"] = df.close.pct_change(5).shift(-5)
df = df.drop(columns=["open", "high", "low", "close", "adj close", "volume"]).dropna()

X = df.drop(columns=["y"])
y = df["y"]

n = len(df)
tr_end = int(n * 0.75)
X_tr, X_te = X.iloc[:tr_end], X.iloc[tr_end + 5:]
y_tr, y_te = y.iloc[:tr_end], y.iloc[tr_end + 5:]

reg = xgb.XGBRegressor(n_estimators=300, max_depth=3, learning_rate=0.03, subsample=0.7, reg_alpha=0.1, reg_lambda=2.0)
reg.fit(X_tr, y_tr)
pred = pd.Series(reg.predict(X_te), index=X_te.index)
print("MAE:", mean_absolute_error(y_te, pred))
print("rank IC:", pred.corr(y_te, method="spearman"))
print("hit rate:", (np.sign(pred) == np.sign(y_te)).mean())

imp = pd.Series(reg.feature_importances_, index=X.columns).sort_values(ascending=False)
print(imp.round(3))

# non-overlapping 5-day holding periods: long when the forecast is positive
picks = pred.iloc[::5]
realised = y_te.loc[picks.index]
book = np.where(picks > 0, realised, 0.0)
print("mean 5-day return when long:", round(realised[picks > 0].mean(), 5))
print("mean 5-day return overall:  ", round(realised.mean(), 5))
print("annualised Sharpe of 5-day book:", round(book.mean() / book.std() * np.sqrt(252 / 5), 2))
