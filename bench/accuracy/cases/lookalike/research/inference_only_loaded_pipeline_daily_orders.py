# kind: lookalike
# framework: research
# why: a production script that loads a pipeline fitted elsewhere (joblib) and only transforms / predicts on today's rows; nothing is fitted, so no fit leaks and there is nothing to hold out
import json
from datetime import date
from pathlib import Path

import joblib
import numpy as np
import pandas as pd

MODEL_DIR = Path("models/etf_rotation/2024-06-30")
UNIVERSE = ["SPY", "EFA", "EEM", "TLT", "IEF", "GLD", "DBC", "VNQ"]
GROSS = 1.0
MAX_WEIGHT = 0.35

pipeline = joblib.load(MODEL_DIR / "pipeline.joblib")  # StandardScaler + HistGradientBoostingRegressor
meta = json.loads((MODEL_DIR / "meta.json").read_text())
FEATURES = meta["features"]
print("model trained through", meta["train_end"], "features:", FEATURES)

closes = pd.read_parquet("data/etf_closes_latest.parquet")[UNIVERSE].sort_index().iloc[-300:]
rets = closes.pct_change()


def features_for(sym: str) -> pd.DataFrame:
    c = closes[sym]
    r = rets[sym]
    out = pd.DataFrame(index=closes.index)
    out["mom_21"] = c.pct_change(21)
    out["mom_63"] = c.pct_change(63)
    out["mom_252"] = c.pct_change(252)
    out["vol_63"] = r.rolling(63).std() * np.sqrt(252)
    out["dd_126"] = c / c.rolling(126).max() - 1
    return out[FEATURES]


latest = pd.DataFrame({sym: features_for(sym).iloc[-1] for sym in UNIVERSE}).T
if latest.isna().any().any():
    raise SystemExit(f"missing features:\n{latest[latest.isna().any(axis=1)]}")

scores = pd.Series(pipeline.predict(latest), index=latest.index).sort_values(ascending=False)
top = scores.head(3)
raw_w = top.clip(lower=0)
weights = (raw_w / raw_w.sum() * GROSS).clip(upper=MAX_WEIGHT) if raw_w.sum() > 0 else raw_w * 0

orders = pd.DataFrame({"symbol": weights.index, "target_weight": weights.round(4).values, "score": top.round(5).values})
out_path = Path("orders") / f"{date.today():%Y-%m-%d}.csv"
out_path.parent.mkdir(exist_ok=True)
orders.to_csv(out_path, index=False)
print(orders.to_string(index=False))
print("written to", out_path)
