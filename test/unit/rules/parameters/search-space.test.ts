import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { searchSpaceSize, searchSpaces } from '../../../../server/src/engine/rules/parameters/wide-search-space';
import { facts, lint, linesOf, py } from './lint-snippet';

describe('wide-search-space and searchSpaceSize', () => {
  before(() => initPythonParser());

  it('multiplies freqtrade parameter choices, skipping optimize=False', () => {
    const f = facts(
      py(
        'from freqtrade.strategy import IStrategy, IntParameter, DecimalParameter, CategoricalParameter, BooleanParameter',
        'class S(IStrategy):',
        '    a = IntParameter(10, 40, default=20, space="buy")',               // 31
        '    b = DecimalParameter(0.9, 1.0, default=0.95, decimals=2)',          // 11
        '    c = CategoricalParameter(["x", "y", "z"], default="x")',            // 3
        '    d = BooleanParameter(default=True)',                               // 2
        '    e = IntParameter(1, 100, default=5, optimize=False)',               // frozen
      ),
    );
    assert.equal(searchSpaceSize(f, 'S'), 31 * 11 * 3 * 2);
    assert.equal(searchSpaceSize(f), 31 * 11 * 3 * 2);
  });

  it('is infinite with a continuous RealParameter, and reports it', () => {
    const text = py(
      'from freqtrade.strategy import IStrategy, IntParameter, RealParameter',
      'class S(IStrategy):',
      '    a = IntParameter(10, 40, default=20)',
      '    r = RealParameter(0.0, 1.0, default=0.5)',
    );
    assert.equal(searchSpaceSize(facts(text)), Infinity);
    const [finding] = lint(text, 'wide-search-space');
    assert.match(finding.message, /31 combination.*1 continuous parameter \(r\)/);
  });

  it('uses the optstrategy grid for a backtrader strategy, not its declared params', () => {
    const f = facts(
      py(
        'import backtrader as bt',
        'class Sma(bt.Strategy):',
        '    params = (("fast", 10), ("slow", 30), ("stake", 1))',
        'cerebro = bt.Cerebro()',
        'cerebro.optstrategy(Sma, fast=range(5, 30), slow=range(20, 120, 5))',
      ),
    );
    assert.equal(searchSpaceSize(f), 25 * 20);
  });

  it('zips vectorbt arrays unless param_product, and counts run_combs pairs', () => {
    const zipped = facts(py('import vectorbt as vbt', 'import numpy as np', 'ma = vbt.MA.run(close, window=[10, 20, 30], ewm=[False, True, False])'));
    assert.equal(searchSpaceSize(zipped), 3);
    const product = facts(py('import vectorbt as vbt', 'import numpy as np', 'W = np.arange(10, 50, 5)', 'bb = vbt.BBANDS.run(close, window=W, alpha=[1.5, 2.0, 2.5], param_product=True)'));
    assert.equal(searchSpaceSize(product), 8 * 3);
    const combs = facts(py('import vectorbt as vbt', 'import numpy as np', 'fast, slow = vbt.MA.run_combs(close, window=np.arange(2, 101), r=2)'));
    assert.equal(searchSpaceSize(combs), (99 * 98) / 2);
  });

  it('counts vectorbt PRO vbt.Param sweeps by keyword name', () => {
    const f = facts(
      py(
        'import numpy as np',
        'import vectorbtpro as vbt',
        '@vbt.parameterized(merge_func="concat")',
        'def sma_cross(close, fast, slow):',
        '    return close',
        'pf = sma_cross(close, fast=vbt.Param([10, 20, 30]), slow=vbt.Param(np.arange(50, 100, 10)))',
      ),
    );
    const [space] = searchSpaces(f);
    assert.deepEqual(space.finite.map((x) => `${x.parameter.name}=${x.choices}`), ['fast=3', 'slow=5']);
    assert.equal(searchSpaceSize(f), 15);
  });

  it('multiplies vectorbt sweeps, sums separate optstrategy grids, and counts Jesse int/float-with-step/categorical', () => {
    const two = facts(py('import vectorbt as vbt', 'a = vbt.MA.run(close, window=list(range(5)), param_product=True)', 'b = vbt.RSI.run(close, window=[7, 14, 21], param_product=True)'));
    assert.equal(searchSpaces(two).length, 1); // list(range(5)) is not a literal grid
    // Two vectorbt sweeps broadcast against each other: 6 fast x 10 slow windows = 60 configurations.
    const crossed = facts(
      py('import vectorbt as vbt', 'import numpy as np', 'fast = vbt.MA.run(close, window=np.arange(5, 35, 5), param_product=True)', 'slow = vbt.MA.run(close, window=np.arange(40, 140, 10), param_product=True)'),
    );
    assert.equal(searchSpaceSize(crossed), 60);
    const grids = facts(py('import backtrader as bt', 'c1 = bt.Cerebro()', 'c1.optstrategy(A, p=range(10))', 'c2 = bt.Cerebro()', 'c2.optstrategy(B, q=range(20))'));
    assert.equal(searchSpaceSize(grids), 30);
    const jesse = facts(
      py(
        'from jesse.strategies import Strategy',
        'class J(Strategy):',
        '    def hyperparameters(self):',
        '        return [',
        '            {"name": "p", "type": int, "min": 10, "max": 60, "step": 10, "default": 20},',
        '            {"name": "m", "type": float, "min": 1.0, "max": 2.0, "step": 0.25, "default": 1.5},',
        '            {"name": "f", "type": "categorical", "options": ["a", "b"], "default": "a"},',
        '        ]',
      ),
    );
    assert.equal(searchSpaceSize(jesse, 'J'), 6 * 5 * 2);
  });

  it('counts scikit-learn GridSearchCV grids (through a name) and RandomizedSearchCV n_iter', () => {
    const grid = facts(
      py(
        'import numpy as np',
        'from sklearn.model_selection import GridSearchCV, RandomizedSearchCV',
        'GRID = {"alpha": np.logspace(-3, 3, 7), "l1_ratio": [0.1, 0.5, 0.9], "fit_intercept": [True, False]}',
        'search = GridSearchCV(model, GRID, cv=cv)',
        'rand = RandomizedSearchCV(model, dists, n_iter=60)',
      ),
    );
    assert.deepEqual(searchSpaces(grid).map((s) => s.combinations), [7 * 3 * 2, 60]);
    assert.equal(searchSpaceSize(grid), 42 + 60);
  });

  it('reports info from min-combinations and warning from warn-combinations', () => {
    const text = (high: number) =>
      py('from freqtrade.strategy import IStrategy, IntParameter', 'class S(IStrategy):', `    a = IntParameter(1, ${high}, default=2)`, `    b = IntParameter(1, 10, default=2)`);
    assert.deepEqual(lint(text(9), 'wide-search-space'), []); // 90
    assert.equal(lint(text(10), 'wide-search-space')[0].severity, 'info'); // 100
    assert.equal(lint(text(10000), 'wide-search-space')[0].severity, 'warning'); // 100,000
    assert.deepEqual(linesOf(lint(text(10), 'wide-search-space')), [2]);
  });
});
