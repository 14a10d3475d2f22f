import type { Estimator } from '../../facts/types';
import type { SyntaxIndex } from '../../python/syntax-index';
import type { ProposedFix } from '../rule';
import type { Rule } from '../rule';
import { calleeNode, importEdit, insertAt, nodeRange, removeArgument, replaceNode } from '../helpers/edits';

/** Keywords LinearRegression shares with Ridge; anything else and the swap is not mechanical. */
const RIDGE_COMPATIBLE = new Set(['fit_intercept', 'copy_X', 'positive']);

function ridgeFix(estimator: Estimator, index: SyntaxIndex): ProposedFix | undefined {
  const call = index.callsById.get(estimator.call.id);
  if (!call?.callee) return undefined;
  if (call.name === 'LinearRegression') {
    if (call.positional.length || [...call.keywords.keys()].some((k) => !RIDGE_COMPATIBLE.has(k))) return undefined;
    const args = estimator.call.childForFieldName('arguments');
    const open = args?.firstChild;
    if (!args || open?.type !== '(') return undefined;
    const prefix = call.callee.slice(0, call.callee.length - call.name.length);
    const edits = [
      replaceNode(estimator.call.childForFieldName('function')!, `${prefix}Ridge`),
      insertAt(open.endPosition.row, open.endPosition.column, call.keywords.size ? 'alpha=1.0, ' : 'alpha=1.0'),
    ];
    if (!prefix) {
      const imp = importEdit(index, 'sklearn.linear_model', 'Ridge');
      if (imp) edits.push(imp);
    }
    return { title: 'Use Ridge(alpha=1.0) (L2-penalised least squares)', edits };
  }
  if (call.name === 'LogisticRegression') {
    const penalty = call.keywordNodes.get('penalty');
    return penalty ? { title: 'Remove penalty=None (back to the default L2 penalty, C=1.0)', edits: [removeArgument(penalty)] } : undefined;
  }
  if (estimator.family === 'ridge' || estimator.family === 'lasso' || estimator.family === 'elastic-net') {
    const alpha = call.keywords.get('alpha') ?? call.positional[0];
    return alpha ? { title: 'Use alpha=1.0', edits: [replaceNode(alpha, '1.0')] } : undefined;
  }
  return undefined;
}

function what(estimator: Estimator): string {
  switch (estimator.name) {
    case 'LogisticRegression':
      return 'LogisticRegression(penalty=None)';
    case 'OLS':
    case 'ols':
      return `statsmodels ${estimator.name}`;
    case 'LinearRegression':
    case 'Logit':
    case 'logit':
      return estimator.name;
    default:
      return `${estimator.name}(alpha=0)`;
  }
}

export const unregularizedModel: Rule = {
  name: 'unregularized-model',
  code: 'SL401',
  family: 'models',
  defaultSeverity: 'warning',
  summary: 'An unpenalised regression or classifier fitted on many features.',
  glossary: ['regularization', 'ridge-regression', 'l1-lasso-penalty', 'degrees-of-freedom', 'model-generalization', 'overfitting-prevention'],
  fixSafety: 'unsafe',
  options: {
    'min-features': { default: 10, description: 'Fewest features (when the count is visible) for an unpenalised model to be reported.' },
  },
  docs: {
    what:
      'Reports unpenalised linear models - scikit-learn `LinearRegression`, `LogisticRegression(penalty=None)` (or `"none"`), `Ridge`/`Lasso`/`ElasticNet` with `alpha=0`, statsmodels `sm.OLS`, `smf.ols`, `sm.Logit` - fitted on at least `min-features` features, when the number of features is visible in the code: a list of column names (`df[FEATURES]`, `[f"lag_{i}" for i in range(1, 31)]`), `np.column_stack([...])`, a formula\'s terms, `make_regression(n_features=...)`, followed through `train_test_split` and row slices.',
    why:
      'Ordinary least squares gives every feature a free coefficient. With many (often correlated) predictors and the low signal-to-noise ratio of returns, the fitted coefficients mostly describe the noise of the training window: in-sample R² rises with every feature added while out-of-sample accuracy falls (Hastie, Tibshirani and Friedman, The Elements of Statistical Learning, 2nd ed., ch. 3.4). Ridge (L2) shrinks coefficients towards zero and Lasso (L1) sets many of them to exactly zero; both trade a little bias for much less variance, which is almost always the right trade on financial data.',
    example: [
      'FEATURES = [f"ret_lag_{i}" for i in range(1, 21)]',
      'model = LinearRegression()',
      'model.fit(train[FEATURES], train["fwd_ret"])',
    ].join('\n'),
    fix:
      'Use a penalised model and choose the penalty by time-series cross-validation: `RidgeCV(alphas=np.logspace(-3, 3, 13), cv=TimeSeriesSplit(5))`, `LassoCV(cv=TimeSeriesSplit(5))`, or keep `LogisticRegression`\'s default L2 penalty and tune `C`. The unsafe fix swaps `LinearRegression()` for `Ridge(alpha=1.0)` (adding the import) and removes `penalty=None` from `LogisticRegression`; `alpha=1.0` is a starting point, not a tuned value. Standardise features first (in a pipeline) so the penalty treats them alike.',
  },
  check(context, report) {
    const minFeatures = context.option('min-features');
    for (const estimator of context.facts.models?.estimators ?? []) {
      if (estimator.regularized || estimator.features === undefined || estimator.features < minFeatures) continue;
      report({
        node: calleeNode(estimator.call),
        message: `${what(estimator)} is fitted on ${estimator.features} features with no penalty: every coefficient is free to fit noise. ${
          estimator.family === 'logistic'
            ? 'Keep an L2 (or L1) penalty and tune its strength C'
            : 'Use Ridge (L2) or Lasso (L1)'
        } with the penalty chosen by time-series cross-validation.`,
        fix: ridgeFix(estimator, context.index),
        related: estimator.featuresNode ? [{ message: `${estimator.features} features`, range: nodeRange(estimator.featuresNode) }] : undefined,
      });
    }
  },
};
