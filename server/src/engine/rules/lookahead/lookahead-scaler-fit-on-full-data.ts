import { reportLeaks } from '../helpers/leak-report';
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
      'Follows which rows each data set holds (all rows, the training part, a validation part or the test part: `train_test_split` (a second split of a part gives validation rows), `x[:n]` / `x[n:]`, `.loc[:"2019"]`, `.loc["2017":"2019"]`, filters on the index against a date, `head` / `tail`, a splitter\'s fold indices, also inside `enumerate(cv.split(X))`, and names that say so when the parts come from separate files, `test_df = pd.read_csv(...)`) and which fits each value has passed through. Any `fit`, `fit_transform`, `partial_fit` or reinforcement-learning `learn` (scikit-learn scalers, PCA, KMeans, feature selectors such as `SelectKBest` and `RFE`, hidden Markov models, estimators, statsmodels models, or a class of the file with its own `fit`) on rows not known to be a training part is reported when the held-out rows later pass through it: transformed by it, scored by a model trained on its output (`predict`, `predict_proba`, `score`), or given as its `eval_set`. Column choices count as fits: univariate scores (`mutual_info_regression`, `f_regression`) and a correlation ranking (`df.corr()["y"].nlargest(10).index`) computed on every row, then used to pick the columns of the test rows. A fit on `concat([train, test])` counts as all rows; `concat([train, validation])` is still training data. An unsupervised model fitted on every row (KMeans, a hidden Markov model) makes features from every row: its clusters or states are reported where they reach a feature of the test rows or a trade. A hidden Markov model that decodes a whole series (`predict`, `predict_proba`: Viterbi and forward-backward look at later observations) is reported even when it was fitted on the past; decoding rows up to t and keeping the last state is not. In a vectorised strategy the output of a fit on all rows that reaches an entry or exit is reported too, and so is an estimate of such a fit (`model.params`, a hedge ratio) that builds a traded spread. A fit on the training part, inside a fold, or in a pipeline that cross-validation refits is not reported, and neither is a fit whose output is never evaluated on held-out rows.',
    why:
      'The fitted mean, range, quantiles or principal components then include the test period: every training row is scaled with knowledge of future prices and volatility, and the test rows are no longer out of sample. On trending price data the effect is large (a min-max scaler fitted on 2015-2024 tells 2016 that it sits near the bottom of the range). Kaufman, Rosset and Perlich ("Leakage in Data Mining", ACM TKDD 2012) and the scikit-learn user guide ("Common pitfalls: data leakage") both prescribe fitting preprocessing on the training data only, inside each cross-validation fold.',
    example: [
      'import pandas as pd',
      'from sklearn.linear_model import LogisticRegression',
      'from sklearn.model_selection import train_test_split',
      'from sklearn.preprocessing import StandardScaler',
      '',
      'df = pd.read_csv("btc_1h.csv", index_col="date", parse_dates=True)',
      'X = df[["rsi", "atr", "volume_z"]]',
      'y = (df["close"].shift(-1) > df["close"]).astype(int)',
      'X_scaled = StandardScaler().fit_transform(X)',
      'X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, shuffle=False)',
      'model = LogisticRegression().fit(X_train, y_train)',
      'print(model.score(X_test, y_test))',
    ].join('\n'),
    fix:
      'Split first, then `scaler.fit(X_train)` and `scaler.transform(X_test)`; or put the transformer in a `Pipeline` so cross-validation refits it per fold. In freqtrade, compute scaling on a trailing window (`rolling(n)`) or let FreqAI handle it (it fits on each training window). No automatic fix.',
  },
  check(context, report) {
    reportLeaks(context, report, 'SL204');
  },
};
