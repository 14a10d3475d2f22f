// zipline runs an algorithm's module functions itself: `handle_data` and `before_trading_start`
// every session, and whatever `schedule_function(f, date_rule, time_rule)` names on its dates.
// Each sees the session it runs on; data.history() inside ends at that session.
// Source: https://zipline.ml4trading.io/api-reference.html#scheduling-functions
import type { SyntaxIndex } from '../python/syntax-index';
import { ziplineAlgorithm } from '../facts/zipline';

const callbacksOfIndex = new WeakMap<SyntaxIndex, ReadonlySet<string>>();

export function ziplineCallbacks(index: SyntaxIndex): ReadonlySet<string> {
  let callbacks = callbacksOfIndex.get(index);
  if (!callbacks) callbacksOfIndex.set(index, (callbacks = findCallbacks(index)));
  return callbacks;
}

function findCallbacks(index: SyntaxIndex): Set<string> {
  const out = new Set<string>();
  if (!ziplineAlgorithm(index)) return out;
  out.add('handle_data').add('before_trading_start');
  for (const call of index.calls) {
    if (call.name !== 'schedule_function') continue;
    const fn = call.positional[0] ?? call.keywords.get('func');
    if (fn?.type === 'identifier') out.add(fn.text);
  }
  return out;
}

/** zipline's order functions, called bare (`order_target_percent(asset, 0.5)`). */
const ORDERS = new Set(['order', 'order_value', 'order_percent', 'order_target', 'order_target_value', 'order_target_percent', 'order_optimal_portfolio']);
const algorithmCache = new WeakMap<SyntaxIndex, boolean>();

/** A bare call that places a zipline order: imported from zipline/Quantopian, or a global of a zipline algorithm. */
export function isZiplineOrder(index: SyntaxIndex, name: string, qualified: string): boolean {
  if (!ORDERS.has(name)) return false;
  if (/^(zipline|quantopian)\./.test(qualified)) return true;
  if (index.imports.has(name)) return false;
  let algorithm = algorithmCache.get(index);
  if (algorithm === undefined) algorithmCache.set(index, (algorithm = !!ziplineAlgorithm(index)));
  return algorithm;
}
