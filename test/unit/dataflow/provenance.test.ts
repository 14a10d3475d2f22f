// Row provenance (SL204 on the dataflow): a fit on rows that include the test rows, used on them.
import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { lines, summary } from './helpers';

const HEAD = ['import pandas as pd', 'from sklearn.preprocessing import StandardScaler', 'df = pd.read_csv("spy.csv")', 'X = df[["r1", "r5"]]', 'y = df["up"]'];

describe('dataflow: row provenance (SL204)', () => {
  before(() => initPythonParser());

  it('a scaler fitted on every row, then the test rows scored: reported at the fit', () => {
    const text = lines(...HEAD, 'Xs = StandardScaler().fit_transform(X)', 'X_tr, X_te, y_tr, y_te = train_test_split(Xs, y, shuffle=False)', 'model.fit(X_tr, y_tr)', 'print(model.score(X_te, y_te))');
    assert.deepEqual(summary(text), ['SL204 6:6']);
  });

  it('fitted on the training part only (a split, a head slice, a date cut-off), nothing', () => {
    const split = lines(...HEAD, 'X_tr, X_te, y_tr, y_te = train_test_split(X, y, shuffle=False)', 'sc = StandardScaler().fit(X_tr)', 'model.fit(sc.transform(X_tr), y_tr)', 'print(model.score(sc.transform(X_te), y_te))');
    assert.deepEqual(summary(split), []);
    const head = lines(...HEAD, 'sc = StandardScaler().fit(X.iloc[:800])', 'print(model.score(sc.transform(X.iloc[800:]), y.iloc[800:]))');
    assert.deepEqual(summary(head), []);
    const cutoff = lines(...HEAD, 'train = X[X.index < "2020-01-01"]', 'test = X[X.index >= "2020-01-01"]', 'sc = StandardScaler().fit(train)', 'sc.transform(test)');
    assert.deepEqual(summary(cutoff), []);
  });

  it('a fit on concat([train, test]) sees every row; a transform of the test part then leaks', () => {
    const text = lines(...HEAD, 'train, test = X.loc[:"2019"], X.loc["2020":]', 'pca = PCA(3)', 'pca.fit(pd.concat([train, test]))', 'Z = pca.transform(test)');
    assert.deepEqual(summary(text), ['SL204 8:1']);
  });

  it('columns chosen by a selector fitted on every row carry that fit into the test rows', () => {
    const text = lines(...HEAD, 'sel = SelectKBest(k=1)', 'sel.fit(X, y)', 'kept = X.columns[sel.get_support()]', 'X_te = X.loc["2020":, kept]', 'clf.predict(X_te)');
    assert.deepEqual(summary(text), ['SL204 7:1']);
  });

  it('a splitter\'s folds: a fit inside the fold is fine', () => {
    const text = lines(...HEAD, 'for tr, te in TimeSeriesSplit(5).split(X):', '    sc = StandardScaler().fit(X.iloc[tr])', '    model.fit(sc.transform(X.iloc[tr]), y.iloc[tr])', '    model.score(sc.transform(X.iloc[te]), y.iloc[te])');
    assert.deepEqual(summary(text), []);
  });

  it('a model fitted and used on every row is an in-sample result (missing holdout), not SL204', () => {
    const text = lines(...HEAD, 'forest.fit(X, y)', 'df["signal"] = forest.predict(X)');
    assert.deepEqual(summary(text), []);
  });

  it('in a strategy, a scaler fitted on the whole backtest whose output decides an entry is reported', () => {
    const text = lines(
      'from sklearn.preprocessing import StandardScaler',
      'class S(IStrategy):',
      '    def populate_indicators(self, dataframe, metadata):',
      '        dataframe[["z"]] = StandardScaler().fit_transform(dataframe[["atr"]])',
      '        return dataframe',
      '    def populate_entry_trend(self, dataframe, metadata):',
      '        dataframe.loc[dataframe["z"] < 1, "enter_long"] = 1',
      '        return dataframe',
    );
    assert.deepEqual(summary(text), ['SL204 4:28']);
  });

  describe('issue 16: what each fit, selection and hidden-state model has seen', () => {
    it('validation rows: a scaler fitted on every row then used as the eval_set is reported', () => {
      const text = lines(...HEAD, 'Xs = StandardScaler().fit_transform(X)', 'X_tr, X_rest, y_tr, y_rest = train_test_split(Xs, y, shuffle=False)', 'X_val, X_te, y_val, y_te = train_test_split(X_rest, y_rest, shuffle=False)', 'model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)])');
      assert.deepEqual(summary(text), ['SL204 6:6']);
    });

    it('a final refit on training plus validation rows is still a fit on training data', () => {
      const text = lines(...HEAD, 'tr, va, te = X.loc[:"2016"], X.loc["2017":"2019"], X.loc["2020":]', 'sc = StandardScaler().fit(tr)', 'm = Ridge().fit(pd.concat([sc.transform(tr), sc.transform(va)]), y.loc[:"2019"])', 'm.predict(sc.transform(te))');
      assert.deepEqual(summary(text), []);
    });

    it('univariate scores and a correlation ranking that pick the columns are fits on every row', () => {
      const mi = lines(...HEAD, 'from sklearn.feature_selection import mutual_info_regression', 'mi = mutual_info_regression(X, y)', 'chosen = list(pd.Series(mi, index=X.columns).nlargest(1).index)', 'm = Ridge().fit(X.loc[:"2019", chosen], y.loc[:"2019"])', 'm.predict(X.loc["2020":, chosen])');
      assert.deepEqual(summary(mi), ['SL204 7:6']);
      const corr = lines(...HEAD, 'top = df.corr()["up"].drop("up").abs().nlargest(2).index', 'train, test = df.loc[:"2019"], df.loc["2020":]', 'm = Ridge().fit(train[top], train["up"])', 'm.predict(test[top])');
      assert.deepEqual(summary(corr), ['SL204 6:7']);
    });

    it('an unsupervised model fitted on every row: its clusters or states are features computed with every row', () => {
      const kmeans = lines(...HEAD, 'km = KMeans(3).fit(X)', 'df["regime"] = km.predict(X)', 'train, test = df.loc[:"2019"], df.loc["2020":]', 'clf.fit(train[["regime"]], train["up"])', 'clf.predict(test[["regime"]])');
      assert.deepEqual(summary(kmeans), ['SL204 6:6']);
    });

    it('a hidden Markov model decodes with the whole sequence: reported even when fitted on the past, not on a growing window', () => {
      const whole = lines(...HEAD, 'hmm = GaussianHMM(2).fit(X.loc[:"2019"])', 'states = hmm.predict(X)', 'df["position"] = (states == 0).astype(int)');
      assert.deepEqual(summary(whole), ['SL204 7:10']);
      const filtered = lines(...HEAD, 'hmm = GaussianHMM(2).fit(X.loc[:"2019"])', 'p = [hmm.predict_proba(X.values[: t + 1])[-1, 0] for t in range(len(X))]', 'df["position"] = (pd.Series(p) > 0.5).astype(int)');
      assert.deepEqual(summary(filtered), []);
    });

    it('a hedge ratio from an OLS fitted on every row that builds a traded spread', () => {
      const text = lines('import pandas as pd', 'import statsmodels.api as sm', 'a = pd.read_csv("a.csv")["close"]', 'b = pd.read_csv("b.csv")["close"]', 'beta = sm.OLS(a, sm.add_constant(b)).fit().params[1]', 'spread = a - beta * b', 'z = (spread - spread.rolling(20).mean()) / spread.rolling(20).std()', 'position = (z < -2).astype(int)');
      assert.deepEqual(summary(text), ['SL204 5:8']);
      const formation = text.replace('sm.OLS(a, sm.add_constant(b))', 'sm.OLS(a.loc[:"2019"], sm.add_constant(b.loc[:"2019"]))');
      assert.deepEqual(summary(formation), []);
    });

    it('parts named by the author: a fit on concat(train, test) files, then the test file transformed', () => {
      const text = lines('import pandas as pd', 'train = pd.read_csv("train.csv")', 'test_df = pd.read_csv("test.csv")', 'sc = StandardScaler().fit(pd.concat([train, test_df]))', 'sc.transform(test_df)');
      assert.deepEqual(summary(text), ['SL204 4:6']);
    });

    it('trimming the label-less rows is not a split', () => {
      const text = lines(...HEAD, 'X = X.iloc[:-1]', 'Xs = MinMaxScaler().fit_transform(X)', 'X_tr, X_te, y_tr, y_te = train_test_split(Xs, y, shuffle=False)', 'model.fit(X_tr, y_tr)', 'model.predict(X_te)');
      assert.deepEqual(summary(text), ['SL204 7:6']);
    });
  });
});
