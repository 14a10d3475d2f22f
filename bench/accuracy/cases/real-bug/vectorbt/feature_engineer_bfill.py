# kind: real-bug
# framework: vectorbt
# why: the feature engineering step fills missing indicator values with fillna(method="bfill") before ffill, copying later values into earlier rows; the report asks for ffill only
# source: https://github.com/AI4Finance-Foundation/FinRL/issues/189
import pandas as pd
import vectorbt as vbt
from stockstats import StockDataFrame

FEE = 0.001
TICKERS = ["AAPL", "MSFT", "JPM", "XOM"]


def add_indicators(prices: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for tic, grp in prices.groupby("tic"):
        sdf = StockDataFrame.retype(grp.copy())
        grp = grp.assign(macd=sdf["macd"].values, rsi_30=sdf["rsi_30"].values, cci_30=sdf["cci_30"].values)
        frames.append(grp)
    df = pd.concat(frames).sort_values(["date", "tic"])
    df = df.fillna(method="bfill").fillna(method="ffill")  # expect: SL205
    return df


data = vbt.YFData.download(TICKERS, start="2010-01-01", end="2023-12-31")
fields = {name: data.get(name) for name in ["Open", "High", "Low", "Close", "Volume"]}
long = pd.concat({k: v.stack() for k, v in fields.items()}, axis=1).rename_axis(["date", "tic"]).reset_index()
long.columns = [c.lower() for c in long.columns]
features = add_indicators(long)

close = features.pivot(index="date", columns="tic", values="close")
rsi = features.pivot(index="date", columns="tic", values="rsi_30")
macd = features.pivot(index="date", columns="tic", values="macd")

entries = (rsi < 35) & (macd > 0)
exits = rsi > 65
pf = vbt.Portfolio.from_signals(close, entries, exits, fees=FEE, freq="1D", group_by=True, cash_sharing=True)
print(pf.stats())
