import { analyzeDataflow } from '../../dataflow';
import type { SyntaxNode } from '../../python/parser';
import type { RelatedLocation } from '../../types';
import { calleeNode, nodeRange } from '../helpers/edits';
import type { Rule } from '../rule';

export const missingHoldout: Rule = {
  name: 'missing-holdout',
  code: 'SL302',
  family: 'validation',
  defaultSeverity: 'warning',
  summary: 'A model trained on every row is then used, or parameters are optimised, and nothing in the file is held out for validation.',
  glossary: ['holdout', 'out-of-sample', 'walk-forward-analysis', 'cross-validation', 'overfitting-prevention'],
  docs: {
    what:
      'In research scripts, reports models trained on every row of real market data - estimator `.fit(X, y)`, statsmodels `OLS(y, X).fit()`, a reinforcement-learning agent\'s `learn` on an environment built from the price history - and parameter searches (`GridSearchCV`, `cerebro.optstrategy(...)`, vectorbt parameter sweeps, optuna studies, `scipy.optimize`, backtesting.py `optimize`) when nothing in the file is held out: no model is fitted on a part of the rows (a split, a fold, a walk-forward window) and nothing is scored on held-out rows (a prediction, a score or an `eval_set` on validation or test rows, an environment built from a test frame), and there is no other sign of out-of-sample validation (a splitter, cross-validation, a date cut-off, test/OOS-named data, walk-forward helpers, data feeds over different date ranges, a freqtrade `timerange`). An `eval_set` equal to the training rows is no holdout. Fits on synthetic data (`np.random`), fits inside a function nothing calls with data, inference-only scripts that load a fitted model, unsupervised fits, strategy files that only declare parameters (freqtrade, Jesse, LEAN) and models retrained inside a running strategy (walk-forward by construction) are left alone.',
    why:
      'Performance measured on the data a model or parameter set was chosen on is biased upwards by the selection itself; only data the search never saw can tell skill from overfitting (Bailey, Borwein, López de Prado and Zhu, "Pseudo-Mathematics and Financial Charlatanism", 2014; Pardo, 2008, on walk-forward analysis). A file that optimises and reports results without a holdout has, by construction, no evidence that the result will persist.',
    example: [
      'import numpy as np',
      'import vectorbt as vbt',
      '',
      'fast, slow = vbt.MA.run_combs(close, window=np.arange(2, 101), r=2)',
      'pf = vbt.Portfolio.from_signals(close, fast.ma_crossed_above(slow), fast.ma_crossed_below(slow), fees=0.001)',
      'best = pf.sharpe_ratio().idxmax()   # chosen and judged on the same history',
    ].join('\n'),
    fix:
      'Reserve the most recent part of the history before optimising (`is_close = close[:"2022-12-31"]; oos_close = close["2023-01-01":]`), choose parameters on the in-sample part only and report the out-of-sample result; better, run a walk-forward analysis (rolling re-optimisation with `TimeSeriesSplit` or vectorbt `rolling_split`). For freqtrade, hyperopt and backtest on different `--timerange`s.',
  },
  check(context, report) {
    const validation = context.facts.validation;
    if (!validation) return;
    const flow = analyzeDataflow(context.index);
    const strategies = new Set((context.facts.strategies ?? []).map((c) => c.name));
    // A fit on a training part, a fold or a window, or any use of held-out rows: the file validates.
    if (validation.holdout.length > 0 || flow.heldOutUses.length > 0 || flow.fits.some((f) => !f.allRows)) return;
    // Models trained on every row of real data (not synthetic, not data a caller may split) and then
    // used (predicted with, scored), outside a strategy that retrains while it runs. A model only
    // inspected (coefficients, feature importances, a summary table) or fitted without a target
    // forecasts nothing to validate.
    // An estimator that cross-validates itself (`RidgeCV`, `LassoCV`, `LogisticRegressionCV`) chose its settings out of sample.
    const selfValidating = (f: { estimator?: string }) => /CV$/.test(f.estimator ?? '');
    const models = flow.fits
      .filter((f) => f.allRows && f.supervised && !f.uncertain && flow.usedFits.has(f.node.id) && !selfValidating(f) && !(f.className && strategies.has(f.className)))
      .map((f) => ({ node: f.node, label: `\`${short(f.node)}\` trained on every row (line ${f.node.startPosition.row + 1})` }));
    const seen = new Set<number>();
    const sites = [...models, ...validation.fitting].filter((f) => !seen.has(f.node.id) && seen.add(f.node.id));
    if (sites.length === 0) return;
    sites.sort((a, b) => a.node.startIndex - b.node.startIndex);
    const first = sites[0];
    const labels = [...new Set(sites.map((s) => s.label))];
    const related: RelatedLocation[] = sites.slice(1, 6).map((s) => ({ message: s.label, range: nodeRange(s.node) }));
    report({
      node: first.node.type === 'call' ? calleeNode(first.node) : first.node,
      message: `This file fits or optimises (${labels.slice(0, 3).join('; ')}${labels.length > 3 ? '; ...' : ''}) but shows no out-of-sample check: no train/test split, time-series CV, walk-forward loop or date cut-off, and nothing is scored on rows the fit did not see. Results on the data the choice was made on say little about the future.`,
      related: related.length ? related : undefined,
    });
  },
};

const short = (node: SyntaxNode) => (node.text.length <= 40 ? node.text : `${node.text.slice(0, 37)}...`);
