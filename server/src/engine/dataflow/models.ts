// Models: what fitting, transforming, predicting and scoring do. A fit records the rows it saw
// (all rows, a training part, a fold) for the holdout and leakage rules; a model's predictions
// carry what its features carried; an evaluation on held-out rows is evidence of validation.
import type { SyntaxNode } from '../python/parser';
import { DRAWING_MODULES } from './library-knowledge';
import type { Activation, Interpreter } from './interpreter';
import type { Arguments } from './syntax';
import { decodedStates, evaluated, fitsOnAllRows, fitted, heldOut, transformed } from './provenance';
import { scalar, type Value } from './value';

export const FIT_FAMILY = /^(fit|partial_fit|fit_transform|fit_predict|transform|inverse_transform|predict|predict_proba|decision_function|score)$/;

/**
 * A class of the file built from market data with its own training loop (`agent = Agent(trend=close)`,
 * `agent.train(...)`, then `agent.buy(...)`): a fit on that data, and a use of it.
 */
export function trainedInstance(it: Interpreter, name: string, node: SyntaxNode, owner: Value, receiverNode: SyntaxNode, act: Activation): void {
  if (!owner.data) return;
  if (/^(train|fit|learn|evolve|train_model|fit_model)$/.test(name)) {
    it.fits.push({ node, allRows: fitsOnAllRows({ ...owner, kind: 'bars' }), supervised: true, uncertain: !!owner.uncertain || act.uncalled, className: act.className });
    if (receiverNode.type === 'identifier') it.setName(receiverNode.text, { ...owner, fitCall: node }, act);
  } else if (owner.fitCall && /^(buy|sell|trade|act|predict|evaluate|test|backtest|run|play|simulate|infer)/.test(name)) {
    it.usedFits.add(owner.fitCall.id);
  }
}

/**
 * A project's own loader imported from its modules (`from data import load_etfs`): `load_*`,
 * `fetch_*`, `download_*`, or `get_*` of market data, unless it loads a model, a configuration or a file list.
 */
export function importedLoader(it: Interpreter, name: string): boolean {
  if (!it.index.imports.has(name) || it.functions.has(name)) return false;
  if (/model|config|weight|param|setting|json|yaml|checkpoint|tokenizer|vocab|key|secret|env|logger|path|dir|font|image|state|dict/i.test(name)) return false;
  return /^(load|fetch|download)_\w+$/.test(name) || /^get_\w*(data|price|ohlc|bar|quote|return|histor|candle|etf|stock|equit|future|crypto|macro|fred|market)\w*$/i.test(name);
}

/** A class from a plotting library (`yellowbrick.features.Rank1D`): its `fit` draws a chart. */
export function drawsOnly(it: Interpreter, receiver: Value): boolean {
  const origin = receiver.estimator ? it.index.imports.get(receiver.estimator) ?? '' : '';
  return DRAWING_MODULES.names.test(origin);
}

/** A fit given a target (`fit(X, y)`, `fit(X, y=y)`, statsmodels' `OLS(y, X).fit()`): its predictions are forecasts, not transforms. */
export function supervisedFit(args: Arguments, receiver: Value): boolean {
  if (args.positional.length >= 2 || args.keywords.has('y')) return true;
  return args.positional.length === 0 && receiver.data && !!receiver.estimator && !/HMM|Markov|KMeans|Mixture|PCA|Cluster/i.test(receiver.estimator);
}

/**
 * `fit(..., eval_set=[(X_val, y_val)])` / `validation_data=(X_val, y_val)`: the model is scored on
 * those rows while it trains (early stopping picks the round that scores best on them).
 */
export function evaluatedSets(it: Interpreter, args: Arguments, model: Value, node: SyntaxNode, act: Activation): void {
  const set = args.keywords.get('eval_set') ?? args.keywords.get('validation_data') ?? args.keywords.get('valid_sets');
  if (!set) return;
  // Scored while it trains: the model is used (early stopping picks by those scores).
  it.usedFits.add(node.id);
  const value = it.expr(set, act);
  const pairs = value.items ?? [value];
  for (const pair of pairs) {
    const features = pair.items?.[0] ?? pair;
    evaluated(it, features, model, node, 'used as the `eval_set` of this fit');
  }
}

/**
 * Row provenance through fits and their uses (provenance.ts): a fit remembers whether it saw all
 * rows (and the object it fitted is updated, as `model.fit(X)` mutates `model`); a use on held-out
 * rows of anything fitted on all rows is reported.
 */
export function fitFamily(it: Interpreter, name: string, node: SyntaxNode, receiver: Value, features: Value | undefined, out: Value, act: Activation, supervised = false): Value {
  // The parts of a split that reach a model's fit or a score: the split is the one the result rests
  // on. A scaler fitted on them only passes the parts on (its output keeps the split).
  const scored = /^(score|evaluate|predict\w*|decision_function)$/.test(name);
  if (features?.splitBy && (supervised || scored || name === 'learn')) it.usedSplits.add(features.splitBy.id);
  const receiverNode = node.childForFieldName('function')?.childForFieldName('object');
  const remember = (model: Value) => {
    if (receiverNode?.type === 'identifier') it.setName(receiverNode.text, model, act);
  };
  if (/^(fit|partial_fit|fit_transform|fit_predict|learn)$/.test(name) && features?.data && !drawsOnly(it, receiver)) {
    it.fits.push({ node, allRows: fitsOnAllRows(features), supervised, uncertain: !!features.uncertain || act.uncalled, className: act.className, estimator: receiver.estimator });
  }
  if (fitsOnAllRows(features)) it.fitOrigins.set(node.id, new Set(features!.origins ?? []));
  if (/^(fit|partial_fit|fit_transform|fit_predict|learn)$/.test(name) && features?.data && heldOut(features.rows)) it.fitParts.set(node.id, features.rows!);
  if (name === 'fit' || name === 'partial_fit' || name === 'learn') {
    const model = fitted(receiver, features, node, supervised);
    remember(model);
    return { ...out, fitOnAll: model.fitOnAll, fitOnHeldOut: model.fitOnHeldOut, fitCall: node, unsupervised: model.unsupervised, estimator: receiver.estimator };
  }
  if (name === 'fit_transform' || name === 'fit_predict') {
    const model = fitted(receiver, features, node, supervised);
    remember(model);
    const prediction = name === 'fit_predict' && supervised;
    return decodedStates(receiver, features, node, transformed(out, features, model.fitOnAll, prediction, model.fitOnHeldOut));
  }
  const prediction = name === 'score' || name === 'evaluate' || name.startsWith('predict') || name === 'decision_function';
  if (receiver.fitCall) it.usedFits.add(receiver.fitCall.id);
  // Clusters or states of held-out rows from a model fitted on those same rows describe them; no target leaked.
  if (!(prediction && receiver.unsupervised && receiver.fitOnHeldOut)) evaluated(it, features, receiver, node, prediction ? `scored by \`${name}\`` : `given to \`${name}\``);
  if (name === 'score' || name === 'evaluate') return scalar();
  // A cluster or hidden state predicted by a model fitted without a target is a transform of the rows.
  const forecast = prediction && !receiver.unsupervised;
  const out2 = transformed(out, features, receiver.fitOnAll, forecast, receiver.fitOnHeldOut);
  return prediction ? decodedStates(receiver, features, node, out2) : out2;
}
