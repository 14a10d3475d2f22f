// Research code on the dataflow (issue 16): polars expressions, labels kept out of features,
// sample windows, flow-sensitive branches, and statistics that decide nothing per row.
import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { lines, summary } from './helpers';

describe('dataflow: research code', () => {
  before(() => initPythonParser());

  describe('polars', () => {
    const frame = [
      'import polars as pl',
      'from sklearn.linear_model import Ridge',
      'df = pl.read_parquet("prices.parquet").sort("date")',
      'df = df.with_columns(',
      '    pl.col("close").pct_change(5).alias("mom_5"),',
      '    ((pl.col("volume") - pl.col("volume").rolling_mean(20)) / pl.col("volume").rolling_std(20)).alias("vol_z"),',
      '    pl.col("close").pct_change(5).shift(-5).alias("fwd_5"),',
      '    mom_rank=pl.col("mom_5").rank().over("date"),',
      '    full_rank=pl.col("mom_5").rank(),',
      ')',
      'train = df.filter(pl.col("date") < pl.date(2020, 1, 1))',
      'test = df.filter(pl.col("date") >= pl.date(2020, 1, 1))',
    ];
    const fit = (features: string) => lines(...frame, `FEATURES = ${features}`, 'm = Ridge().fit(train.select(FEATURES).to_numpy(), train["fwd_5"].to_numpy())', 'm.predict(test.select(FEATURES).to_numpy())');

    it('a forward return aliased as the label and used only as y is not a leak', () => {
      assert.deepEqual(summary(fit('["mom_5", "vol_z", "mom_rank"]')), []);
    });

    it('the same forward return among the features is', () => {
      assert.deepEqual(summary(fit('["mom_5", "fwd_5"]')), ['SL201 7:5']);
    });

    it('a rank over the whole history is a full-sample statistic; per date (a cross-section) it is not', () => {
      assert.deepEqual(summary(fit('["mom_5", "full_rank"]')), ['SL203 9:15']);
    });
  });

  it('a column list the analysis cannot read never brings in the fit\'s own target', () => {
    const text = lines('import pandas as pd', 'df = pd.read_csv("spy.csv")', 'df["fwd"] = df["close"].pct_change(5).shift(-5)', 'df["mom"] = df["close"].pct_change(5)', 'cols = load_feature_list()', 'model.fit(df[cols], df["fwd"])');
    assert.deepEqual(summary(text), []);
  });

  it('sample windows cut in a bar loop and paired with a later target are samples, not reads ahead', () => {
    const text = lines(
      'import numpy as np', 'import pandas as pd', 'df = pd.read_csv("btc.csv")', 'r = df["close"].pct_change().values', 'X, y = [], []',
      'for i in range(len(r) - 21):', '    X.append(np.cumsum(r[i:i + 20]))', '    y.append(r[i + 20])', 'model.fit(np.array(X), np.array(y))',
    );
    assert.deepEqual(summary(text), []);
  });

  it('inside a branch or loop, a later statement sees the value just assigned, not a join with the old one', () => {
    const text = lines('import pandas as pd', 'df = pd.read_csv("spy.csv")', 'x = df[["a"]]', 'for year in range(2010, 2020):', '    x = df.loc[:"2015", ["a"]]', '    sc = StandardScaler().fit(x)', '    model.predict(sc.transform(df.loc["2016":, ["a"]]))');
    assert.deepEqual(summary(text), []);
  });

  it('a whole-sample predicate (a price unit check) decides nothing per row; a threshold against each row does', () => {
    const unit = lines('import pandas as pd', 'df = pd.read_csv("ticks.csv")', 'if df["price"].max() > 1_000_000:', '    df["price"] = df["price"] / 1e9', 'df["signal"] = df["price"] > df["price"].shift(1)');
    assert.deepEqual(summary(unit), []);
    const threshold = lines('import pandas as pd', 'df = pd.read_csv("vix.csv")', 'high = df["close"].quantile(0.8)', 'df["signal"] = df["close"] > high');
    assert.deepEqual(summary(threshold), ['SL203 3:8']);
  });

  it('the range of a time axis normalises time, not prices', () => {
    const text = lines('import numpy as np', 'import pandas as pd', 'df = pd.read_csv("ticks.csv")', 'times_ns = df["ts"].values.astype(np.float64)', 'df["t_norm"] = (times_ns - times_ns.min()) / (times_ns.max() - times_ns.min())', 'model.fit(df[["t_norm"]], df["y"])');
    assert.deepEqual(summary(text), []);
  });

  it('a whole-sample statistic compared with a constant still decides when it is data in a signal, not when it picks a branch', () => {
    const signal = lines('import pandas as pd', 'df = pd.read_csv("btc.csv")', 'df["mean_volume"] = df["volume"].mean()', 'df["signal"] = (df["mean_volume"] > 0.75) & (df["close"] > df["close"].shift(1))');
    assert.deepEqual(summary(signal), ['SL203 3:21']);
  });

  it('a higher-timeframe frame merged on a key moved to each candle\'s close is aligned', () => {
    const text = lines(
      'import pandas as pd',
      'hourly = pd.read_csv("btc_1h.csv")',
      'bars = pd.read_csv("btc_5m.csv")',
      'hourly["date_merge"] = hourly["date"] + pd.to_timedelta(60, "m") - pd.to_timedelta(5, "m")',
      'bars = pd.merge(bars, hourly, left_on="date", right_on="date_merge", how="left")',
      'bars["signal"] = bars["close_1h"] > bars["close"]',
    );
    assert.deepEqual(summary(text), []);
    assert.deepEqual(summary(text.replace(' + pd.to_timedelta(60, "m") - pd.to_timedelta(5, "m")', '')), ['SL216 5:8']);
  });
});
