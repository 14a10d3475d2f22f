# kind: planted
# framework: research
# why: a "momentum" column is built from next-day returns with shift(-1) and is listed among the model's features
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, classification_report

TICKER = "QQQ"
HORIZON = 1

prices = pd.read_csv(f"data/{TICKER}.csv", index_col="Date", parse_dates=True)
prices = prices.sort_index()
close = prices["Adj Close"]
volume = prices["Volume"]

df = pd.DataFrame(index=prices.index)
df["ret_1d"] = close.pct_change()
df["ret_5d"] = close.pct_change(5)
df["ret_21d"] = close.pct_change(21)
df["vol_21d"] = df["ret_1d"].rolling(21).std()
df["vol_ratio"] = df["vol_21d"] / df["ret_1d"].rolling(63).std()
df["volume_z"] = (volume - volume.rolling(21).mean()) / volume.rolling(21).std()
df["dist_sma50"] = close / close.rolling(50).mean() - 1
df["mom_accel"] = df["ret_1d"].shift(-1) - df["ret_1d"]  # expect: SL201

# label: does tomorrow close higher than today
df["target"] = (close.shift(-HORIZON) > close).astype(int)
df = df.dropna()

FEATURES = ["ret_1d", "ret_5d", "ret_21d", "vol_21d", "vol_ratio", "volume_z", "dist_sma50", "mom_accel"]

train = df.loc[:"2019-12-31"]
test = df.loc["2020-01-01":]

model = RandomForestClassifier(
    n_estimators=400,
    max_depth=6,
    min_samples_leaf=50,
    n_jobs=-1,
    random_state=7,
)
model.fit(train[FEATURES], train["target"])

pred = model.predict(test[FEATURES])
proba = model.predict_proba(test[FEATURES])[:, 1]
print("test accuracy:", accuracy_score(test["target"], pred))
print(classification_report(test["target"], pred))

importances = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(importances)

# simple long/flat backtest on the test period: position decided at t, held over t -> t+1
bt = pd.DataFrame(index=test.index)
bt["position"] = (proba > 0.55).astype(int)
bt["ret"] = close.pct_change().reindex(test.index)
bt["strategy"] = bt["position"].shift(1) * bt["ret"]
equity = (1 + bt["strategy"].fillna(0)).cumprod()
sharpe = bt["strategy"].mean() / bt["strategy"].std() * np.sqrt(252)
print(f"final equity {equity.iloc[-1]:.2f}, sharpe {sharpe:.2f}")
