import { analyzeDataflow } from '../../dataflow';
import type { SyntaxNode } from '../../python/parser';
import type { Splitter } from '../../facts/types';
import type { CallSite, SyntaxIndex } from '../../python/syntax-index';
import type { ProposedFix } from '../rule';
import { appendArgument, calleeNode, importEdit, replaceNode } from '../helpers/edits';
import type { Rule } from '../rule';

/** Splitters a TimeSeriesSplit can stand in for (groups-based ones have no time-ordered twin here). */
const REPLACEABLE = new Set(['KFold', 'StratifiedKFold', 'ShuffleSplit', 'StratifiedShuffleSplit', 'RepeatedKFold', 'RepeatedStratifiedKFold']);

function timeSeriesSplitFix(call: CallSite, index: SyntaxIndex): ProposedFix | undefined {
  if (!REPLACEABLE.has(call.name) || !call.callee) return undefined;
  const splits = call.keywords.get('n_splits') ?? (call.name.includes('Shuffle') ? undefined : call.positional[0]);
  const n = splits && /^\d+$/.test(splits.text) ? splits.text : '5';
  const prefix = call.callee.slice(0, call.callee.length - call.name.length);
  const edits = [replaceNode(call.node, `${prefix}TimeSeriesSplit(n_splits=${n})`)];
  if (!prefix) {
    const imp = importEdit(index, 'sklearn.model_selection', 'TimeSeriesSplit');
    if (imp) edits.push(imp);
  }
  return { title: `Replace ${call.name} with TimeSeriesSplit(n_splits=${n})`, edits };
}

function trainTestSplitFix(call: CallSite): ProposedFix | undefined {
  if (call.keywords.has('stratify')) return undefined; // shuffle=False with stratify raises in scikit-learn
  const shuffle = call.keywords.get('shuffle');
  const edit = shuffle ? replaceNode(shuffle, 'False') : appendArgument(call.node, 'shuffle=False');
  return edit ? { title: 'Split without shuffling (shuffle=False)', edits: [edit] } : undefined;
}

function message(s: Splitter, call: CallSite): string {
  if (s.name === 'train_test_split') {
    const how = call.keywords.has('shuffle') ? 'with shuffle=True' : 'shuffles by default';
    const stratify = call.keywords.has('stratify') ? ' (drop `stratify=`, which requires shuffling)' : '';
    return `train_test_split ${how}: on time-ordered data the test rows are scattered through the training period, so the model is tested on days surrounded by the days it learnt from. Pass shuffle=False${stratify} to test on the most recent data.`;
  }
  const what = s.shuffleNode.id === s.call.id ? s.name : `${s.name}(shuffle=True)`;
  return `${what} shuffles time-ordered data: folds train on the future and test on the past, and neighbouring bars leak across folds through autocorrelation and overlapping labels, so cross-validated scores come out optimistic. Use TimeSeriesSplit (or purged k-fold with an embargo).`;
}

export const shuffledTimeSeriesSplit: Rule = {
  name: 'shuffled-time-series-split',
  code: 'SL301',
  family: 'validation',
  defaultSeverity: 'warning',
  summary: 'Shuffled cross-validation or train/test split on time-ordered market data.',
  glossary: ['time-series-split', 'cross-validation', 'purged-k-fold', 'lookahead-bias', 'holdout', 'out-of-sample'],
  fixSafety: 'unsafe',
  docs: {
    what:
      'Reports scikit-learn splitters that reorder time - `KFold(shuffle=True)`, `StratifiedKFold(shuffle=True)`, `ShuffleSplit`, `StratifiedShuffleSplit`, `RepeatedKFold`, and `train_test_split` without `shuffle=False` (its default is to shuffle) - in files whose data is visibly a time series: price columns (`df["close"]`), returns, `.shift()`/`.rolling()`/`.pct_change()`, date parsing, or imports of trading libraries. Splitters used through `cross_val_score(..., cv=...)` or `GridSearchCV(cv=...)` are reported where they are created. Two notes at info severity: plain k-fold (`cv=5`, or no `cv`, which scikit-learn runs as unshuffled 5-fold) when the labels span several bars (a 5-day forward return built with `shift(-5)`) and nothing purges or embargoes them; and any of the above when the rows look cross-sectional (keyed by `ticker`, `symbol`, `permno`...), where shuffling companies at one date reorders no time.',
    why:
      'Market data is autocorrelated and labels often overlap (a 5-day forward return shares 4 days with its neighbour). Shuffling puts near-copies of each test row in the training set and lets the model learn from the future of the period it is tested on, so the validation score measures memorisation rather than prediction (López de Prado, Advances in Financial Machine Learning, 2018, ch. 7; Bergmeir and Benítez, "On the use of cross-validation for time series predictor evaluation", 2012). Scores from shuffled splits routinely collapse once a strategy is tested on genuinely later data.',
    example: [
      'from sklearn.model_selection import KFold, cross_val_score, train_test_split',
      '',
      'df["target"] = df["close"].pct_change().shift(-1)',
      'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)',
      'scores = cross_val_score(model, X, y, cv=KFold(n_splits=5, shuffle=True))',
    ].join('\n'),
    fix:
      'Split in time order: `train_test_split(X, y, test_size=0.2, shuffle=False)` keeps the last 20% as a test set, and `TimeSeriesSplit(n_splits=5)` (or purged k-fold with an embargo when labels overlap) replaces shuffled k-fold. Both fixes are unsafe: they change which rows each model sees, and therefore the scores.',
  },
  check(context, report) {
    const models = context.facts.models;
    if (!models || models.timeSeriesEvidence.length === 0) return;
    // Rows keyed by ticker at one date: shuffling companies reorders no time, so only a note.
    const crossSection = models.crossSectionEvidence.length > 0;
    const flow = analyzeDataflow(context.index);
    for (const s of models.splitters) {
      if (!s.shuffled) continue;
      // A split whose parts never reach a fit, a score or a cross-validation (a tutorial printing
      // indices or shapes) decides no result.
      if (!flow.usedSplits.has(s.call.id)) continue;
      const call = context.index.callsById.get(s.call.id);
      if (!call) continue;
      const node: SyntaxNode = s.shuffleNode.id === s.call.id ? calleeNode(s.call) : s.shuffleNode;
      report({
        node,
        message: crossSection ? `${message(s, call)} The rows here look cross-sectional (keyed by ${keyText(models.crossSectionEvidence[0])}), not time-ordered: if every row is the same date, shuffling is fine; if the rows span several dates, split by date.` : message(s, call),
        severity: crossSection ? 'info' : undefined,
        fix: s.name === 'train_test_split' ? trainTestSplitFix(call) : timeSeriesSplitFix(call, context.index),
      });
    }
    if (crossSection) return;
    // Plain k-fold (`cv=5`) with labels that span several bars and no purge or embargo.
    for (const fold of flow.kFolds) {
      if (fold.labelLead <= 1) continue;
      report({
        node: fold.node,
        severity: 'info',
        message: `${fold.node.type === 'keyword_argument' ? `\`${fold.node.text}\`` : 'The default `cv`'} is unshuffled k-fold: each fold is trained on rows both before and after it, and the labels here span ${fold.labelLead} bars, so the rows beside each test fold share label periods with it. Use \`TimeSeriesSplit(gap=${fold.labelLead})\` or purged k-fold with an embargo (López de Prado, 2018, ch. 7).`,
      });
    }
  },
};

function keyText(call: SyntaxNode): string {
  const key = call.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'string' || a?.type === 'keyword_argument' || a?.type === 'list');
  return key ? `\`${key.text.replace(/^index_col=/, '')}\`` : 'an entity';
}
