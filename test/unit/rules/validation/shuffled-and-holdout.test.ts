import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { fixed, lint, linesOf, py } from '../parameters/lint-snippet';

const prices = ['import pandas as pd', 'df = pd.read_csv("spy.csv", index_col="date", parse_dates=True)', 'df["ret"] = df["close"].pct_change()'];

describe('shuffled-time-series-split', () => {
  before(() => initPythonParser());

  it('adds shuffle=False to train_test_split (unsafe), keeping a trailing comma valid', () => {
    const text = py(...prices, 'from sklearn.model_selection import train_test_split', 'a, b = train_test_split(X, test_size=0.2)', 'c, d = train_test_split(', '    X,', '    test_size=0.2,', ')', 'model.fit(a, y)', 'model.fit(c, y)');
    const found = lint(text, 'shuffled-time-series-split');
    assert.deepEqual(linesOf(found), [5, 6]);
    assert.equal(found[0].fix!.safety, 'unsafe');
    assert.match(fixed(text, found[0]), /train_test_split\(X, test_size=0\.2, shuffle=False\)/);
    assert.match(fixed(text, found[1]), /test_size=0\.2, shuffle=False\n\)/);
  });

  it('flips shuffle=True, and offers no fix with stratify=', () => {
    const text = py(...prices, 'from sklearn.model_selection import train_test_split', 'a = train_test_split(X, y, shuffle=True)', 'b = train_test_split(X, y, stratify=y)', 'model.fit(a[0], a[2])', 'model.fit(b[0], b[2])');
    const [flip, stratified] = lint(text, 'SL301');
    assert.match(fixed(text, flip), /train_test_split\(X, y, shuffle=False\)/);
    assert.equal(stratified.fix, undefined);
    assert.match(stratified.message, /stratify/);
  });

  it('replaces shuffled KFold/ShuffleSplit with TimeSeriesSplit and imports it', () => {
    const text = py(...prices, 'from sklearn.model_selection import KFold, cross_val_score', 'cv = KFold(n_splits=4, shuffle=True, random_state=0)', 'print(cross_val_score(model, X, y, cv=cv))');
    const [finding] = lint(text, 'SL301');
    assert.equal(finding.range.start.line, 4);
    assert.equal(finding.range.start.character, 'cv = KFold(n_splits=4, '.length);
    const after = fixed(text, finding);
    assert.match(after, /from sklearn\.model_selection import KFold, cross_val_score, TimeSeriesSplit\n/);
    assert.match(after, /cv = TimeSeriesSplit\(n_splits=4\)\n/);
    const qualified = py(...prices, 'from sklearn import model_selection', 'cv = model_selection.ShuffleSplit(n_splits=7, test_size=0.2)', 'print(model_selection.cross_val_score(model, X, y, cv=cv))');
    const [q] = lint(qualified, 'SL301');
    assert.deepEqual(q.fix!.edits.length, 1);
    assert.match(fixed(qualified, q), /cv = model_selection\.TimeSeriesSplit\(n_splits=7\)/);
  });

  it('is quiet on a shuffled split whose parts reach no fit or score (a tutorial printing shapes or indices)', () => {
    const shapes = py(...prices, 'from sklearn.model_selection import KFold, train_test_split', 'X_tr, X_te = train_test_split(df[["ret"]], test_size=0.2)', 'print(X_tr.shape, X_te.shape)', 'for tr, te in KFold(3, shuffle=True).split(df):', '    print(tr[:5], te[:5])');
    assert.deepEqual(lint(shapes, 'SL301'), []);
    const used = shapes.replace('print(X_tr.shape, X_te.shape)', 'model.fit(X_tr, df["ret"].iloc[: len(X_tr)])');
    assert.deepEqual(linesOf(lint(used, 'SL301')), [5]);
  });

  it('notes plain k-fold (cv=5, or no cv) when the labels span several bars, at info', () => {
    const text = py(
      'import pandas as pd',
      'from sklearn.model_selection import cross_val_score, GridSearchCV',
      'df = pd.read_csv("spy.csv", index_col="date", parse_dates=True)',
      'df["mom"] = df["close"].pct_change(5)',
      'df["y"] = df["close"].pct_change(5).shift(-5)',
      'df = df.dropna()',
      'print(cross_val_score(model, df[["mom"]], df["y"], cv=5))',
      'search = GridSearchCV(model, {"alpha": [0.1, 1.0]})',
      'search.fit(df[["mom"]], df["y"])',
    );
    const found = lint(text, 'SL301');
    assert.deepEqual(linesOf(found), [7, 8]);
    assert.ok(found.every((f) => f.severity === 'info'));
    assert.match(found[0].message, /labels here span 5 bars/);
    assert.match(found[0].message, /TimeSeriesSplit\(gap=5\)/);
    // One-bar labels do not overlap: nothing to purge.
    assert.deepEqual(lint(text.replace(/pct_change\(5\)\.shift\(-5\)/, 'pct_change().shift(-1)'), 'SL301'), []);
  });

  it('says when the rows are cross-sectional (keyed by ticker), at info', () => {
    const text = py(
      'import pandas as pd',
      'from sklearn.model_selection import KFold, cross_val_score',
      'snap = pd.read_csv("fundamentals_2023.csv", index_col="ticker")',
      'snap["ret"] = snap["close"].pct_change()',
      'print(cross_val_score(model, snap[["pe"]], snap["fwd_12m"], cv=KFold(5, shuffle=True)))',
    );
    const [finding] = lint(text, 'SL301');
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /cross-sectional/);
  });

  it('is quiet for unshuffled or time-ordered splitters, and without time-series evidence', () => {
    const ok = py(...prices, 'from sklearn.model_selection import KFold, TimeSeriesSplit, train_test_split', 'a = KFold(5)', 'b = TimeSeriesSplit(5)', 'c = train_test_split(X, y, shuffle=False)', 'd = train_test_split(X, y, shuffle=flag)');
    assert.deepEqual(lint(ok, 'SL301'), []);
    const iris = py('from sklearn.datasets import load_iris', 'from sklearn.model_selection import KFold', 'X, y = load_iris(return_X_y=True)', 'cv = KFold(5, shuffle=True)');
    assert.deepEqual(lint(iris, 'SL301'), []);
  });
});

describe('missing-holdout', () => {
  before(() => initPythonParser());

  const fit = ['from sklearn.linear_model import Ridge', 'model = Ridge(alpha=1.0)'];

  it('reports a research script that fits on everything', () => {
    const text = py(...prices, ...fit, 'model.fit(df[["a", "b"]], df["ret"])', 'print(model.score(df[["a", "b"]], df["ret"]))');
    const found = lint(text, 'missing-holdout');
    assert.deepEqual(linesOf(found), [6]);
    assert.match(found[0].message, /trained on every row \(line 6\)/);
  });

  for (const [label, evidence] of [
    ['a date cut-off', 'train = df.loc[:"2021-12-31"]'],
    ['a comparison with a date', 'train = df[df.index < "2022-01-01"]'],
    ['an OOS-named frame', 'oos = df.iloc[-250:]'],
    ['fit on a slice of rows', 'model.fit(X.iloc[:split], y.iloc[:split])'],
    ['a time-series splitter', 'from sklearn.model_selection import TimeSeriesSplit\ncv = TimeSeriesSplit(5)'],
    ['a walk-forward helper', 'def walk_forward(df):\n    pass'],
    ['a freqtrade timerange', 'config["timerange"] = "20230101-"'],
  ]) {
    it(`is quiet with ${label}`, () => {
      const text = py(...prices, ...fit, evidence, 'model.fit(df[["a", "b"]], df["ret"])');
      assert.deepEqual(lint(text, 'missing-holdout'), [], label);
    });
  }

  it('is quiet on helpers that fit on data handed to them', () => {
    const helper = py('from sklearn.linear_model import Ridge', 'def train(X, y, alpha=1.0):', '    model = Ridge(alpha=alpha)', '    model.fit(X.values, y)', '    return model');
    assert.deepEqual(lint(helper, 'missing-holdout'), []);
    // What a function nothing calls is given is only assumed: its fit is not evidence either way.
    const script = py('from sklearn.linear_model import Ridge', 'def train(path):', '    X, y = load(path)', '    model = Ridge()', '    model.fit(X, y)');
    assert.deepEqual(lint(script, 'missing-holdout'), []);
    const called = py('import pandas as pd', 'from sklearn.linear_model import Ridge', 'def train(df):', '    model = Ridge()', '    model.fit(df[["a"]], df["y"])', '    return model', 'df = pd.read_csv("prices.csv")', 'print(train(df).score(df[["a"]], df["y"]))');
    assert.deepEqual(linesOf(lint(called, 'missing-holdout')), [5]);
    // A model only inspected (coefficients, a summary table) forecasts nothing to validate.
    const inspected = py('import pandas as pd', 'import statsmodels.api as sm', 'df = pd.read_csv("factors.csv")', 'res = sm.OLS(df["ret"], sm.add_constant(df[["mkt", "smb"]])).fit()', 'print(res.summary())');
    assert.deepEqual(lint(inspected, 'missing-holdout'), []);
  });

  it('is quiet on fits to synthetic data and on inference-only scripts', () => {
    const synthetic = py('import numpy as np', 'from sklearn.linear_model import Ridge', 'X = np.random.randn(500, 3)', 'y = X @ np.array([0.5, -0.2, 0.1]) + np.random.randn(500)', 'model = Ridge().fit(X, y)', 'print(model.coef_)');
    assert.deepEqual(lint(synthetic, 'missing-holdout'), []);
    const inference = py('import joblib', 'import pandas as pd', 'model = joblib.load("model.joblib")', 'df = pd.read_csv("today.csv")', 'print(model.predict(df[["a", "b"]]))');
    assert.deepEqual(lint(inference, 'missing-holdout'), []);
  });

  it('reports a model scored on the rows it was trained on, an eval_set equal to the training rows, and an agent replayed on its training history', () => {
    const evalSet = py('import pandas as pd', 'from xgboost import XGBClassifier', 'df = pd.read_csv("btc.csv")', 'X, y = df[["a", "b"]], df["up"]', 'model = XGBClassifier(early_stopping_rounds=20)', 'model.fit(X, y, eval_set=[(X, y)])', 'print(model.score(X, y))');
    assert.deepEqual(linesOf(lint(evalSet, 'missing-holdout')), [6]);
    const heldOut = evalSet.replace('model.fit(X, y, eval_set=[(X, y)])', 'n = int(len(X) * 0.8)\nmodel.fit(X[:n], y[:n], eval_set=[(X[n:], y[n:])])');
    assert.deepEqual(lint(heldOut, 'missing-holdout'), []);
    const agent = py('import pandas as pd', 'from stable_baselines3 import PPO', 'from envs import TradingEnv', 'df = pd.read_csv("eth_1h.csv")', 'agent = PPO("MlpPolicy", TradingEnv(df))', 'agent.learn(total_timesteps=100_000)', 'obs = TradingEnv(df).reset()', 'action, _ = agent.predict(obs)');
    assert.deepEqual(linesOf(lint(agent, 'missing-holdout')), [6]);
    const agentTested = agent.replace('obs = TradingEnv(df).reset()', 'test_df = pd.read_csv("eth_1h_2024.csv")\nobs = TradingEnv(test_df).reset()');
    assert.deepEqual(lint(agentTested, 'missing-holdout'), []);
  });

  it('is quiet on strategies that only declare parameters, and on models retrained inside a strategy', () => {
    const freqtrade = py('from freqtrade.strategy import IStrategy, IntParameter', 'class S(IStrategy):', '    buy = IntParameter(10, 40, default=20)');
    assert.deepEqual(lint(freqtrade, 'missing-holdout'), []);
    const lean = py(
      'from AlgorithmImports import *',
      'from sklearn.linear_model import Ridge',
      'class A(QCAlgorithm):',
      '    def initialize(self):',
      '        self.model = Ridge()',
      '    def fit_model(self):',
      '        self.model.fit(self.X, self.y)',
    );
    assert.deepEqual(lint(lean, 'missing-holdout'), []);
  });

  it('reports optimisation sweeps: optstrategy grids and vectorbt run_combs', () => {
    const bt = py('import backtrader as bt', 'class S(bt.Strategy):', '    params = (("p", 10),)', 'cerebro = bt.Cerebro()', 'cerebro.optstrategy(S, p=range(5, 50))', 'cerebro.run()');
    assert.deepEqual(linesOf(lint(bt, 'missing-holdout')), [5]);
    const vbt = py('import vectorbt as vbt', 'import numpy as np', 'fast, slow = vbt.MA.run_combs(close, window=np.arange(2, 50))');
    assert.deepEqual(linesOf(lint(vbt, 'missing-holdout')), [3]);
  });
});

describe('missing-holdout: optimisers', () => {
  before(() => initPythonParser());

  it('counts optuna and backtesting.py optimize, not any .optimize()', () => {
    const optuna = py('import optuna', 'study = optuna.create_study(direction="maximize")', 'study.optimize(objective, n_trials=200)');
    assert.deepEqual(linesOf(lint(optuna, 'missing-holdout')), [2]);
    const backtesting = py('from backtesting import Backtest', 'bt = Backtest(data, Strat, commission=0.001)', 'stats = bt.optimize(n1=range(5, 30), n2=range(10, 70))');
    assert.deepEqual(linesOf(lint(backtesting, 'missing-holdout')), [3]);
    assert.match(lint(backtesting, 'wide-search-space')[0].message, /spans 1,500 combinations \(n1 25 × n2 60\)/);
    const other = py('from pypfopt import EfficientFrontier', 'ef = EfficientFrontier(mu, cov)', 'ef.optimize()');
    assert.deepEqual(lint(other, 'missing-holdout'), []);
  });
});
