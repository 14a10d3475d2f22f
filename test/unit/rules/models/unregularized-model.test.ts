import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { facts, fixed, lint, linesOf, py } from '../parameters/lint-snippet';

function featureCounts(...lines: string[]): (number | undefined)[] {
  return (facts(py(...lines)).models?.estimators ?? []).map((e) => e.features);
}

describe('unregularized-model', () => {
  before(() => initPythonParser());

  describe('feature counting', () => {
    it('counts column lists, comprehensions and concatenations through names and splits', () => {
      assert.deepEqual(
        featureCounts(
          'from sklearn.linear_model import LinearRegression',
          'from sklearn.model_selection import train_test_split',
          'BASE = ["a", "b", "c"]',
          'LAGS = [f"lag_{i}" for i in range(1, 21)]',
          'X = df[BASE + LAGS]',
          'X_train, X_test, y_train, y_test = train_test_split(X, y, shuffle=False)',
          'm1 = LinearRegression()',
          'm1.fit(X_train, y_train)',
          'm2 = LinearRegression().fit(df.loc[:, ["a", "b"]], y)',
          'm3 = LinearRegression()',
          'm3.fit(X.iloc[:500].values, y.iloc[:500])',
          'm4 = LinearRegression()',
          'm4.fit(np.column_stack([a, b, c, d]), y)',
          'm5 = LinearRegression()',
          'm5.fit(df.drop(columns=["y"]), y)',
          'm6 = LinearRegression()',
          'm6.fit(df[[f"{k}_{w}" for k in ("mom", "vol") for w in (5, 10, 20)]], y)',
        ),
        [23, 2, 23, 4, undefined, 6],
      );
    });

    it('reads statsmodels exog and formulas, and pipelines', () => {
      assert.deepEqual(
        featureCounts(
          'import statsmodels.api as sm',
          'import statsmodels.formula.api as smf',
          'from sklearn.pipeline import make_pipeline',
          'from sklearn.preprocessing import StandardScaler',
          'from sklearn.linear_model import LinearRegression',
          'F = ["a", "b", "c", "d", "e"]',
          'r1 = sm.OLS(y, sm.add_constant(df[F])).fit()',
          'r2 = smf.ols("y ~ a + b + c", data=df).fit()',
          'pipe = make_pipeline(StandardScaler(), LinearRegression())',
          'pipe.fit(df[F], y)',
        ),
        [5, 3, 5],
      );
    });
  });

  it('reports unpenalised models on many features, not on few or penalised ones', () => {
    const text = py(
      'from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge',
      'F = [f"x{i}" for i in range(12)]',
      'LinearRegression().fit(df[F], y)',
      'LinearRegression().fit(df[["a", "b", "c"]], y)',
      'LogisticRegression(penalty=None, max_iter=500).fit(df[F], up)',
      'LogisticRegression(penalty="none").fit(df[F], up)',
      'LogisticRegression().fit(df[F], up)',
      'Ridge(alpha=0).fit(df[F], y)',
      'Ridge(alpha=0.5).fit(df[F], y)',
      'LinearRegression().fit(unknown_matrix, y)',
    );
    assert.deepEqual(linesOf(lint(text, 'unregularized-model')), [3, 5, 6, 8]);
  });

  it('fixes LinearRegression -> Ridge(alpha=1.0) with the import, and drops penalty=None', () => {
    const text = py('import numpy as np', 'from sklearn.linear_model import LinearRegression', 'F = [f"x{i}" for i in range(12)]', 'model = LinearRegression(fit_intercept=False)', 'model.fit(df[F], y)');
    const [finding] = lint(text, 'SL401');
    assert.equal(finding.fix!.safety, 'unsafe');
    const after = fixed(text, finding);
    assert.match(after, /from sklearn\.linear_model import LinearRegression, Ridge\n/);
    assert.match(after, /model = Ridge\(alpha=1\.0, fit_intercept=False\)/);

    const bare = py('import pandas as pd', 'F = [f"x{i}" for i in range(12)]', 'model = LinearRegression()', 'model.fit(df[F], y)');
    const afterBare = fixed(bare, lint(bare, 'SL401')[0]);
    assert.match(afterBare, /^import pandas as pd\nfrom sklearn\.linear_model import Ridge\n/);
    assert.match(afterBare, /model = Ridge\(alpha=1\.0\)/);

    const logistic = py('from sklearn.linear_model import LogisticRegression', 'F = [f"x{i}" for i in range(12)]', 'clf = LogisticRegression(max_iter=100, penalty=None)', 'clf.fit(df[F], up)');
    assert.match(fixed(logistic, lint(logistic, 'SL401')[0]), /clf = LogisticRegression\(max_iter=100\)/);
  });

  it('respects min-features', () => {
    const text = py('from sklearn.linear_model import LinearRegression', 'LinearRegression().fit(df[["a", "b", "c"]], y)');
    assert.equal(lint(text, 'SL401', { options: { 'unregularized-model': { 'min-features': 3 } } }).length, 1);
  });
});

describe('fact tables are safe against Object.prototype names', () => {
  before(() => initPythonParser());

  it('does not treat constructor()/toString() calls or keys as estimators or costs', () => {
    const f = facts(py('x = constructor()', 'y = toString(valueOf=0)', 'd = {"constructor": 0, "valueOf": 0}', 'config["hasOwnProperty"] = 0'));
    assert.deepEqual(f.models?.estimators, []);
    assert.deepEqual(f.costs?.settings, []);
  });
});
