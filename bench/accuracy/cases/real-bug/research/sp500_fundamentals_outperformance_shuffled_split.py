# kind: real-bug
# framework: research
# why: the stock-picking classifier is scored with train_test_split's default shuffle on dated snapshots, so it trains on the same dates it is tested on; the reporter saw accuracy fall to ~0.6 with shuffle=False
# source: https://github.com/robertmartin8/MachineLearningStocks/issues/38
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, precision_score
from sklearn.model_selection import train_test_split

OUTPERFORMANCE = 10.0

snapshots = pd.read_csv("data/keystats.csv", parse_dates=["Date"])
snapshots = snapshots.sort_values("Date").dropna(axis=0, how="any")

FEATURES = [
    "Price/Sales", "Price/Book", "Profit Margin", "Operating Margin", "Return on Assets",
    "Return on Equity", "Revenue Per Share", "Quarterly Revenue Growth", "Total Debt/Equity",
    "Current Ratio", "Beta", "Shares Short (prior month)",
]

X = snapshots[FEATURES].to_numpy()
stock_change = snapshots["stock_p_change"].to_numpy()
sp500_change = snapshots["SP500_p_change"].to_numpy()
y = (stock_change - sp500_change >= OUTPERFORMANCE).astype(int)

X_train, X_test, y_train, y_test, z_train, z_test = train_test_split(  # expect: SL301
    X, y, np.column_stack([stock_change, sp500_change]), test_size=0.2
)

clf = RandomForestClassifier(n_estimators=100, random_state=0)
clf.fit(X_train, y_train)
y_pred = clf.predict(X_test)

print("accuracy:", round(accuracy_score(y_test, y_pred), 3))
print("precision:", round(precision_score(y_test, y_pred), 3))

picked = y_pred == 1
strategy_ret = z_test[picked, 0].mean()
market_ret = z_test[picked, 1].mean()
print(f"{picked.sum()} picks, average return {strategy_ret:.1f}% vs index {market_ret:.1f}%")
