# kind: real-bug
# framework: research
# why: a network predicting next-quarter earnings from fundamentals is validated with train_test_split's default shuffle, so later quarters train the model that is scored on earlier ones
# source: https://github.com/alexanderpei/DeepEarnings/issues/1
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
from tensorflow.keras import layers

FIELDS = ["revtq", "cogsq", "xsgaq", "niq", "atq", "ltq", "cheq", "oancfy"]

fund = pd.read_csv("data/compustat_quarterly.csv", parse_dates=["datadate"])
fund = fund.sort_values(["gvkey", "datadate"])

rows = []
for gvkey, g in fund.groupby("gvkey"):
    g = g.set_index("datadate")[FIELDS].dropna()
    scaled = g.div(g["atq"], axis=0)
    hist = pd.concat({f"{c}_l{k}": scaled[c].shift(k) for c in FIELDS for k in range(4)}, axis=1)
    hist["eps_next"] = (g["niq"] / g["atq"]).shift(-1)
    hist["gvkey"] = gvkey
    rows.append(hist.dropna())
panel = pd.concat(rows)

X = panel.drop(columns=["eps_next", "gvkey"]).to_numpy("float32")
y = panel["eps_next"].to_numpy("float32")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)  # expect: SL301

scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

model = keras.Sequential([
    layers.Input(shape=(X.shape[1],)),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(64, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
model.fit(X_train, y_train, validation_split=0.1, epochs=30, batch_size=512, verbose=0)

pred = model.predict(X_test, verbose=0)[:, 0]
print("test MSE:", float(np.mean((pred - y_test) ** 2)))
print("constant-forecast MSE:", float(np.mean((y_train.mean() - y_test) ** 2)))
print("correlation:", float(np.corrcoef(pred, y_test)[0, 1]))
