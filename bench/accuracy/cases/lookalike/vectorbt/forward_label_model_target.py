# kind: lookalike
# framework: vectorbt
# why: the forward 5-day return (shift(-5)) is only the model's training label y, fitted on rows ending 5 days before the test period; the signals come from predict() on trailing features
import numpy as np
import pandas as pd
import vectorbt as vbt
from sklearn.ensemble import GradientBoostingClassifier

FEE = 0.001
HORIZON = 5

close = vbt.YFData.download("XLE", start="2008-01-01", end="2023-12-31").get("Close")
features = pd.DataFrame({
    "ret_1": close.pct_change(),
    "ret_5": close.pct_change(5),
    "ret_20": close.pct_change(20),
    "vol_20": close.pct_change().rolling(20).std(),
    "rsi_14": vbt.RSI.run(close, window=14).rsi,
    "dist_ma50": close / close.rolling(50).mean() - 1,
})
label = (close.shift(-HORIZON) / close - 1 > 0).astype(int)

data = features.join(label.rename("y")).dropna()
split = data.index[int(len(data) * 0.7)]
train = data.loc[: split - pd.Timedelta(days=HORIZON * 2)]
test = data.loc[split:]

model = GradientBoostingClassifier(n_estimators=200, max_depth=3, learning_rate=0.05, subsample=0.8)
model.fit(train[features.columns], train["y"])
proba = pd.Series(model.predict_proba(test[features.columns])[:, 1], index=test.index)

entries = proba > 0.6
exits = proba < 0.45
pf = vbt.Portfolio.from_signals(close.loc[test.index], entries, exits, fees=FEE, freq="1D")
print(pf.stats())
