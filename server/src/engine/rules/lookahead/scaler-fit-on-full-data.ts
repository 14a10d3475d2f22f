import { isFreqtradeVectorised, sameScope, sliceParts, targetNames, unparen } from '../../facts/lookahead';
import type { SyntaxNode } from '../../python/parser';
import type { CallSite, SyntaxIndex } from '../../python/syntax-index';
import type { Rule } from '../rule';

/** Transformers whose fit learns statistics of the data (means, ranges, quantiles, components). */
export const TRANSFORMERS = new Set([
  'StandardScaler', 'MinMaxScaler', 'RobustScaler', 'MaxAbsScaler', 'QuantileTransformer', 'PowerTransformer',
  'PCA', 'KernelPCA', 'IncrementalPCA', 'TruncatedSVD', 'FastICA', 'FactorAnalysis', 'KBinsDiscretizer',
  'SimpleImputer', 'KNNImputer', 'IterativeImputer', 'TfidfVectorizer',
]);
/** sklearn.preprocessing functions that standardise in one go, on whatever they are given. */
const SCALING_FUNCTIONS = /^sklearn\.preprocessing\.(scale|minmax_scale|robust_scale|maxabs_scale|quantile_transform|power_transform)$/;
const SPLIT_CALLS = new Set(['train_test_split', 'TimeSeriesSplit', 'KFold', 'StratifiedKFold', 'GroupKFold', 'PurgedKFold', 'CombinatorialPurgedKFold', 'split']);
const TRAIN_NAME = /(^|[^a-z])(train|training|trainset|in_?sample|calib\w*)([^a-z]|$)/i;
const SPLIT_NAME = /(^|_)(train|training|trainset|test|testing|testset|valid|validation|val|oos|holdout|insample|in_sample|out_of_sample|is|os)(_|\d|$)/i;

/** Whether the data given to `fit` is visibly a training part (`X_train`, `X[:split]`, `df.loc[:"2019"]`). */
function isTrainingPart(node: SyntaxNode | undefined): boolean {
  if (!node) return true; // nothing to judge
  const n = unparen(node);
  if (TRAIN_NAME.test(n.text)) return true;
  if (n.type === 'subscript') {
    for (const key of n.childrenForFieldName('subscript')) {
      if (key?.type !== 'slice') continue;
      const { start, stop } = sliceParts(key);
      if (!start && stop) return true; // the head of the series: a training part by construction
    }
  }
  return false;
}

/** The first split that happens after `after` in the same scope (a call or a train/test assignment). */
function laterSplit(index: SyntaxIndex, after: CallSite): SyntaxNode | undefined {
  for (const call of index.calls) {
    if (call.node.startIndex <= after.node.endIndex || !sameScope(call.scope, after.scope)) continue;
    if (SPLIT_CALLS.has(call.name) && (call.name !== 'split' || call.receiver)) return call.node;
  }
  for (const a of index.assignments) {
    if (a.node.startIndex <= after.node.endIndex || !sameScope(a.scope, after.scope)) continue;
    if (targetNames(a.targetNode).some((n) => SPLIT_NAME.test(n))) return a.node;
  }
  return undefined;
}

export const lookaheadScalerFitOnFullData: Rule = {
  name: 'lookahead-scaler-fit-on-full-data',
  code: 'SL204',
  family: 'lookahead',
  defaultSeverity: 'warning',
  summary: 'A scaler/transformer (StandardScaler, MinMaxScaler, PCA...) is fitted on the whole data set before it is split.',
  glossary: ['feature-scaling-leakage', 'lookahead-bias', 'out-of-sample', 'cross-validation'],
  docs: {
    what:
      'Flags `fit`/`fit_transform` of scikit-learn transformers that learn statistics (`StandardScaler`, `MinMaxScaler`, `RobustScaler`, `MaxAbsScaler`, `QuantileTransformer`, `PowerTransformer`, `PCA`, `TruncatedSVD`, imputers, `KBinsDiscretizer`...) and the one-shot `sklearn.preprocessing.scale`-style functions, when the data is not visibly a training part (`X_train`, `X[:split]`, `df.loc[:"2019"]`) and a split comes afterwards in the same function or script (`train_test_split`, `TimeSeriesSplit`, `KFold`, or an assignment to `X_train`/`test`/`oos`...). Inside freqtrade `populate_*` methods the dataframe is the whole backtest, so any fit there is reported.',
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
    const { index } = context;
    const transformerVars = new Map<string, string>();
    for (const a of index.assignments) {
      const site = a.value.type === 'call' ? index.callsById.get(a.value.id) : undefined;
      if (site && TRANSFORMERS.has(site.name)) transformerVars.set(a.target, site.name);
    }
    for (const call of index.calls) {
      let transformer: string | undefined;
      let data: SyntaxNode | undefined;
      if ((call.name === 'fit' || call.name === 'fit_transform') && call.receiver) {
        const receiver = unparen(call.receiver);
        const direct = receiver.type === 'call' ? index.callsById.get(receiver.id) : undefined;
        transformer = direct && TRANSFORMERS.has(direct.name) ? direct.name : transformerVars.get(receiver.text);
        data = call.positional[0] ?? call.keywords.get('X');
      } else if (call.qualifiedCallee && SCALING_FUNCTIONS.test(call.qualifiedCallee)) {
        transformer = call.name;
        data = call.positional[0] ?? call.keywords.get('X');
      }
      if (!transformer || !data || isTrainingPart(data)) continue;
      if (isFreqtradeVectorised(call.scope)) {
        report({
          node: call.node,
          message: `\`${transformer}\` is fitted on \`${data.text}\` inside \`${call.scope.functionName}\`, i.e. on the whole backtest: every candle is scaled with statistics of later candles. Scale on a trailing window instead.`,
        });
        continue;
      }
      const split = laterSplit(index, call);
      if (!split) continue;
      report({
        node: call.node,
        message: `\`${transformer}\` is fitted on \`${data.text}\` before the data is split (line ${split.startPosition.row + 1}): the test period leaks into the scaling of the training rows. Fit on the training part only.`,
        related: [{ message: 'split happens here', range: { start: { line: split.startPosition.row, character: split.startPosition.column }, end: { line: split.endPosition.row, character: split.endPosition.column } } }],
      });
    }
  },
};
