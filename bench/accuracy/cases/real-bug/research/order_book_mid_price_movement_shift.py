# kind: real-bug
# framework: research
# why: a feature commented "lagged to avoid look-ahead bias" is built with diff().shift(-1), i.e. the next snapshot's mid-price move, and fed to the direction model
# source: https://github.com/spawnaga/market_direction_prediction/issues/1
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, confusion_matrix

book = pd.read_csv("data/nq_depth_snapshots.csv", parse_dates=["ts"], index_col="ts").sort_index()

features = pd.DataFrame(index=book.index)
features["mid_price"] = (book["bid_px_1"] + book["ask_px_1"]) / 2
features["spread"] = book["ask_px_1"] - book["bid_px_1"]
bid_depth = book[[f"bid_sz_{k}" for k in range(1, 6)]].sum(axis=1)
ask_depth = book[[f"ask_sz_{k}" for k in range(1, 6)]].sum(axis=1)
features["imbalance"] = (bid_depth - ask_depth) / (bid_depth + ask_depth)
features["imbalance_ma"] = features["imbalance"].rolling(20).mean()
features["micro_dev"] = (book["bid_px_1"] * book["ask_sz_1"] + book["ask_px_1"] * book["bid_sz_1"]) / (
    book["bid_sz_1"] + book["ask_sz_1"]
) - features["mid_price"]

# Calculate mid-price movement (lagged to avoid look-ahead bias)
features["mid_price_movement"] = features["mid_price"].diff().shift(-1)  # expect: SL201

horizon = 10
direction = np.sign(features["mid_price"].shift(-horizon) - features["mid_price"])
data = features.assign(direction=direction).dropna()
data = data[data["direction"] != 0]

cols = ["spread", "imbalance", "imbalance_ma", "micro_dev", "mid_price_movement"]
cut = data.index[int(len(data) * 0.8)]
train, test = data[data.index < cut], data[data.index >= cut]

clf = RandomForestClassifier(n_estimators=200, max_depth=8, n_jobs=-1, random_state=0)
clf.fit(train[cols], train["direction"])
pred = clf.predict(test[cols])
print("accuracy:", accuracy_score(test["direction"], pred))
print(confusion_matrix(test["direction"], pred))
