"""Next-day return forecast for BTC/USDT from technical features (research notebook export)."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data/BTC_USDT-1d.csv", index_col="date", parse_dates=True)
returns = np.log(df["close"]).diff()

# 20 lagged returns plus 12 volatility, trend and volume features: 32 regressors.
for i in range(1, 21):
    df[f"ret_lag_{i}"] = returns.shift(i)
for window in (5, 20, 60, 120):
    df[f"vol_{window}"] = returns.rolling(window).std()
    df[f"dist_sma_{window}"] = df["close"] / df["close"].rolling(window).mean() - 1
    df[f"volume_z_{window}"] = (df["volume"] - df["volume"].rolling(window).mean()) / df["volume"].rolling(window).std()

FEATURES = [f"ret_lag_{i}" for i in range(1, 21)] + [
    "vol_5", "vol_20", "vol_60", "vol_120",
    "dist_sma_5", "dist_sma_20", "dist_sma_60", "dist_sma_120",
    "volume_z_5", "volume_z_20", "volume_z_60", "volume_z_120",
]
df["fwd_return"] = returns.shift(-1)  # the label: tomorrow's return
data = df.dropna(subset=FEATURES + ["fwd_return"]).copy()
data[FEATURES] = StandardScaler().fit_transform(data[FEATURES])  # z-score every feature
X = data[FEATURES]
y = data["fwd_return"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)

model = LinearRegression()
model.fit(X_train, y_train)

pred = model.predict(X_test)
print(f"{len(FEATURES)} features, test R^2 {r2_score(y_test, pred):.3f}, RMSE {mean_squared_error(y_test, pred) ** 0.5:.4f}")
print(f"directional accuracy {np.mean(np.sign(pred) == np.sign(y_test)):.1%}")
