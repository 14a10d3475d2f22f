import { reportLeaks } from './leak-report';
import type { Rule } from '../rule';

export const lookaheadScalerFitOnFullData: Rule = {
  name: 'lookahead-scaler-fit-on-full-data',
  code: 'SL204',
  family: 'lookahead',
  defaultSeverity: 'warning',
  summary: 'A scaler, transformer, selector or model is fitted on rows that include the test rows, then used on them (or, in a strategy, its output decides trades).',
  glossary: ['feature-scaling-leakage', 'lookahead-bias', 'out-of-sample', 'cross-validation'],
  docs: {
    what:
      'Follows which rows each data set holds (all rows, the training part or the test part: `train_test_split`, `x[:n]` / `x[n:]`, `.loc[:"2019"]`, filters on the index against a date, `head` / `tail`, a splitter\'s fold indices) and which fits each value has passed through. Any `fit`, `fit_transform` or `partial_fit` (scikit-learn scalers, PCA, feature selectors such as `SelectKBest`, hidden Markov models, estimators, or a class of the file with its own `fit`) on rows not known to be a training part is reported when the test rows later pass through it: transformed by it, or scored by a model trained on its output (`predict`, `predict_proba`, `score`). A fit on `concat([train, test])` counts as all rows. In a vectorised strategy (freqtrade `populate_*`, a pandas backtest) the output of a fit on all rows that reaches an entry or exit is reported too. A fit on the training part, inside a fold, or in a pipeline that cross-validation refits is not reported, and neither is a fit whose output is never evaluated on test rows.',
    why:
      'The fitted mean, range, quantiles or principal components then include the test period: every training row is scaled with knowledge of future prices and volatility, and the test rows are no longer out of sample. On trending price data the effect is large (a min-max scaler fitted on 2015-2024 tells 2016 that it sits near the bottom of the range). Kaufman, Rosset and Perlich ("Leakage in Data Mining", ACM TKDD 2012) and the scikit-learn user guide ("Common pitfalls: data leakage") both prescribe fitting preprocessing on the training data only, inside each cross-validation fold.',
    example: [
      'scaler = StandardScaler()',
      'X_scaled = scaler.fit_transform(features)',
      'X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, shuffle=False)',
    ].join('\n'),
    fix:
      'Split first, then `scaler.fit(X_train)` and `scaler.transform(X_test)`; or put the transformer in a `Pipeline` so cross-validation refits it per fold. In freqtrade, compute scaling on a trailing window (`rolling(n)`) or let FreqAI handle it (it fits on each training window). No automatic fix.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL204');
  },
};
