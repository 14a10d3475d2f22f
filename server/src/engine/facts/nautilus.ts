// nautilus_trader: a strategy's parameters live in its `StrategyConfig` subclass as typed fields
// with defaults (`fast_ema_period: PositiveInt = 10`); the strategy receives it in
// `__init__(self, config: EMACrossConfig)`. Indicators are objects the strategy builds
// (`ExponentialMovingAverage(config.fast_ema_period)`) and registers with
// `register_indicator_for_bars`; they are ready once `indicators_initialized()` says so.
// Source: https://nautilustrader.io/docs/latest/concepts/strategies/
import type { SyntaxNode } from '../python/parser';
import type { SyntaxIndex } from '../python/syntax-index';
import { numberValue, stringValue } from './python-values';
import type { StrategyClass, TunedParameter } from './types';

const CONFIG_BASE = /(^|\.)(StrategyConfig|ActorConfig)$/;
/** Fields that wire the strategy up or size it, not choices fitted to the data. */
const NOT_PARAMETERS = /^(instrument_id|bar_type|strategy_id|order_id_tag|oms_type|external_order_claims|manage_\w+|log_\w+|trade_size|order_qty|quantity|client_id|venue)$/;

/** Config classes of the file (subclasses of StrategyConfig, directly or through another config). */
export function nautilusConfigClasses(index: SyntaxIndex): Set<string> {
  const out = new Set<string>();
  for (const c of index.classes) {
    if (c.bases.some((b) => CONFIG_BASE.test(b) || out.has(b))) out.add(c.name);
  }
  return out;
}

/**
 * Numeric defaults of config fields, counted for the strategy that takes the config (its
 * `__init__` annotation), else for the file's only nautilus strategy, else for the config class.
 */
export function nautilusParameters(index: SyntaxIndex, strategies: StrategyClass[]): TunedParameter[] {
  const nautilus = strategies.filter((s) => s.framework === 'nautilus');
  const configs = nautilusConfigClasses(index);
  if (configs.size === 0) return [];
  const owner = new Map<string, string>();
  for (const fn of index.functions) {
    if (fn.name !== '__init__' || !fn.className || !nautilus.some((s) => s.name === fn.className)) continue;
    const annotation = /\bconfig\s*:\s*["']?([\w.]+)/.exec(fn.node.childForFieldName('parameters')?.text ?? '')?.[1]?.split('.').pop();
    if (annotation && configs.has(annotation)) owner.set(annotation, fn.className);
  }
  const out: TunedParameter[] = [];
  for (const a of index.assignments) {
    const config = a.scope.className;
    if (!config || a.scope.functionName || !configs.has(config) || NOT_PARAMETERS.test(a.target) || !/^[a-z_]\w*$/i.test(a.target)) continue;
    if (a.node.type !== 'assignment' || !a.node.childForFieldName('type')) continue;
    const value = numericDefault(a.value);
    if (value === undefined) continue;
    const className = owner.get(config) ?? (nautilus.length === 1 ? nautilus[0].name : config);
    out.push({ name: a.target, kind: 'declared', framework: 'nautilus', node: a.node, className, defaultValue: value, defaultNode: a.value, optimized: true });
  }
  return out;
}

/** `10`, `2.5`, `Decimal("0.02")`, `Decimal(3)`; booleans, None and strings are not numbers. */
function numericDefault(node: SyntaxNode): number | undefined {
  const direct = numberValue(node);
  if (direct !== undefined) return direct;
  if (node.type !== 'call' || !/(^|\.)Decimal$/.test(node.childForFieldName('function')?.text ?? '')) return undefined;
  const arg = node.childForFieldName('arguments')?.namedChildren[0];
  const text = stringValue(arg);
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : numberValue(arg);
}
