# kind: lookalike
# framework: research
# why: the polars frame builds .alias("fwd_ret") with shift(-12); it is selected only as y, the feature list never contains it, and the split is by timestamp
from datetime import datetime

import numpy as np
import polars as pl
from sklearn.linear_model import HuberRegressor
from sklearn.metrics import mean_absolute_error

HORIZON = 12  # 12 five-minute bars = 1 hour
CUTOFF = datetime(2024, 1, 1)

lf = (
    pl.scan_parquet("data/sol_usdt_5m.parquet")
    .sort("ts")
    .with_columns(
        pl.col("close").log().diff().alias("lr"),
        (pl.col("taker_buy_volume") / pl.col("volume") - 0.5).alias("taker_imb"),
    )
    .with_columns(
        pl.col("lr").rolling_sum(12).alias("r_1h"),
        pl.col("lr").rolling_sum(48).alias("r_4h"),
        pl.col("lr").rolling_std(48).alias("rv_4h"),
        pl.col("taker_imb").rolling_mean(12).alias("imb_1h"),
        (pl.col("volume") / pl.col("volume").rolling_mean(288)).alias("vol_rel"),
        ((pl.col("close").shift(-HORIZON) / pl.col("close")).log()).alias("fwd_ret"),
    )
    .drop_nulls()
)
df = lf.collect()

feature_cols = ["lr", "r_1h", "r_4h", "rv_4h", "imb_1h", "vol_rel"]
train = df.filter(pl.col("ts") < CUTOFF)
test = df.filter(pl.col("ts") >= CUTOFF)

X_train = train.select(feature_cols).to_numpy()
y_train = train["fwd_ret"].to_numpy()
X_test = test.select(feature_cols).to_numpy()
y_test = test["fwd_ret"].to_numpy()

mu, sd = X_train.mean(axis=0), X_train.std(axis=0)
model = HuberRegressor(epsilon=1.5, alpha=1e-3, max_iter=500)
model.fit((X_train - mu) / sd, y_train)
pred = model.predict((X_test - mu) / sd)

print("train rows", len(train), "test rows", len(test))
print("test MAE:", round(mean_absolute_error(y_test, pred), 6))
print("test IC:", round(np.corrcoef(pred, y_test)[0, 1], 4))
for name, coef in zip(feature_cols, model.coef_):
    print(f"{name:>8}: {coef:+.6f}")

hourly_hit = (
    test.with_columns(pl.Series("pred", pred))
    .with_columns((pl.col("pred").sign() == pl.col("fwd_ret").sign()).alias("hit"))
    .group_by_dynamic("ts", every="1h")
    .agg(pl.col("hit").mean())
)
print(hourly_hit.select(pl.col("hit").mean()))
