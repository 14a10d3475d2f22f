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
});
