// Warm-up facts: freqtrade class settings (timeframe, startup_candle_count, minimal_roi, stoploss,
// trailing_*), populate_* methods, informative timeframes, and the look-back window of every
// indicator a strategy computes (`ta.EMA(dataframe, timeperiod=200)`, `.rolling(48)`, `window=20`).
import { optimizeFlag } from './freqtrade';
import type { SyntaxNode } from '../python/parser';
import type { CallSite, ClassInfo, IndexEntries, SyntaxIndex } from '../python/syntax-index';
import { perPiece } from './per-piece';
import { callsNamed } from './lookups';
import { booleanValue, numberValue, sequenceElements, stringValue } from './python-values';
import type { Bindings } from './sklearn';
import type { FreqtradeFacts, IndicatorWindow, StrategyClass, StrategySetting } from './types';

export const FREQTRADE_SETTINGS = new Set([
  'timeframe',
  'startup_candle_count',
  'minimal_roi',
  'stoploss',
  'trailing_stop',
  'trailing_stop_positive',
  'trailing_stop_positive_offset',
  'trailing_only_offset_is_reached',
  'use_exit_signal',
  'exit_profit_only',
  'exit_profit_offset',
  'ignore_roi_if_entry_signal',
  'process_only_new_candles',
  'can_short',
  'informative_timeframe',
  'inf_timeframe',
]);

/** Hyperopt output pasted into the class: `buy_params = {...}` (values override the declared defaults). */
export const PASTED_PARAMS = /^(buy|sell|protection|entry|exit)_params$/;

const POPULATE = new Set(['populate_indicators', 'populate_entry_trend', 'populate_exit_trend']);
const LEGACY_POPULATE = new Set(['populate_buy_trend', 'populate_sell_trend']);

/** Class-level settings of freqtrade strategies. */
export function freqtradeSettings(index: SyntaxIndex, strategies: StrategyClass[]): StrategySetting[] {
  const freqtrade = new Set(strategies.filter((s) => s.framework === 'freqtrade').map((s) => s.name));
  const out: StrategySetting[] = [];
  for (const a of index.assignments) {
    const className = a.scope.className;
    if (!className || a.scope.functionName || !freqtrade.has(className)) continue;
    if (!FREQTRADE_SETTINGS.has(a.target) && !PASTED_PARAMS.test(a.target)) continue;
    out.push({ name: a.target, framework: 'freqtrade', className, node: a.node, value: a.value, number: numberValue(a.value), text: stringValue(a.value) });
  }
  return out;
}

export function freqtradeFacts(index: SyntaxIndex, strategies: StrategyClass[]): FreqtradeFacts {
  const freqtrade = new Set(strategies.filter((s) => s.framework === 'freqtrade').map((s) => s.name));
  const facts: FreqtradeFacts = { populateMethods: [], informative: [] };
  for (const fn of index.functions) {
    if (!fn.className || !freqtrade.has(fn.className)) continue;
    if (POPULATE.has(fn.name) || LEGACY_POPULATE.has(fn.name)) {
      facts.populateMethods.push({ name: fn.name, node: fn.node, className: fn.className, legacy: LEGACY_POPULATE.has(fn.name) });
    } else if (fn.name === 'informative_pairs') {
      facts.informative.push({ node: fn.node, className: fn.className, method: fn.name });
    }
  }
  for (const call of index.calls) {
    // `@informative("1h")` decorates a method: decorator -> decorated_definition -> function.
    if (call.name !== 'informative' || !call.scope.className || !freqtrade.has(call.scope.className)) continue;
    if (call.node.parent?.type !== 'decorator') continue;
    const fn = call.node.parent.parent?.childForFieldName('definition');
    facts.informative.push({
      node: fn ?? call.node,
      className: call.scope.className,
      timeframe: stringValue(call.positional[0] ?? call.keywords.get('timeframe')),
      method: fn?.childForFieldName('name')?.text ?? 'informative',
    });
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Indicator windows.

/** TA-Lib defaults when no period is passed, and how many periods the output needs to settle. */
const TALIB_DEFAULTS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  RSI: 14, EMA: 30, SMA: 30, WMA: 30, DEMA: 30, TEMA: 30, KAMA: 30, TRIMA: 30, T3: 5, ADX: 14, ADXR: 14, ATR: 14,
  NATR: 14, CCI: 14, MFI: 14, MOM: 10, ROC: 10, WILLR: 14, BBANDS: 5, PLUS_DI: 14, MINUS_DI: 14, AROON: 14,
  AROONOSC: 14, CMO: 14, STOCHRSI: 14, TRIX: 30, LINEARREG: 14, STDDEV: 5, MAX: 30, MIN: 30,
});
/** TA-Lib look-back as a multiple of the period (DEMA needs 2n-1 bars, TEMA 3n-2, ADX 2n-1). */
const TALIB_MULTIPLIER: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { DEMA: 2, TEMA: 3, ADX: 2, ADXR: 3, T3: 6, TRIX: 3 });

const WINDOW_KEYWORD = /^(time)?period$|periods?$|^(window|length|span|lookback)$|^window_|_window$|_length$|_len$|_span$/;
const SIGNAL_KEYWORD = /^signal(_?period|_?length|_?window)?$|^window_sign$/;
const ROW_OFFSET = new Set(['shift', 'diff', 'pct_change']);

interface ClassTable {
  info: ClassInfo;
  /** Class-level assignments: name -> value node. */
  attributes: Map<string, SyntaxNode>;
}

export function indicatorWindows(index: SyntaxIndex, strategies: StrategyClass[], bindings: Bindings): IndicatorWindow[] {
  const strategyNames = new Set(strategies.map((s) => s.name));
  const classes = new Map<string, ClassTable>();
  for (const info of index.classes) classes.set(info.name, { info, attributes: new Map() });
  const attribute = (className: string, name: string): SyntaxNode | undefined => {
    for (let c = classes.get(className), depth = 0; c && depth < 8; depth++) {
      const v = c.attributes.get(name);
      if (v) return v;
      c = c.info.bases.map((b) => classes.get(b)).find(Boolean);
    }
    return undefined;
  };
  const resolver = new LengthResolver(index, bindings, attribute);
  // The file's imports decide whether `ta` is TA-Lib: the one thing outside a piece that a
  // literal window reads.
  const parts = perPiece(index, 'indicator windows', [...index.imports].join(';'), (piece) => windowPartOf(piece, index, resolver));
  for (const part of parts) for (const [className, name, value] of part.classAttributes) classes.get(className)?.attributes.set(name, value);

  // Module-level helpers the strategy calls (`def SSLChannels(dataframe, length=7)`): their
  // windows are the calling strategy's (the first strategy to call one, in document order).
  const moduleFunctions = new Set(index.functions.filter((f) => !f.className).map((f) => f.name));
  const owners = new Map<string, string | undefined>();
  const helperOwner = (fn: string): string | undefined => {
    if (!owners.has(fn)) {
      const caller = moduleFunctions.has(fn) ? callsNamed(index, fn).find((c) => c.scope.className && strategyNames.has(c.scope.className) && c.callee === fn) : undefined;
      owners.set(fn, caller?.scope.className);
    }
    return owners.get(fn);
  };
  const out: IndicatorWindow[] = [];
  for (const part of parts) {
    for (const candidate of part.candidates) {
      const call = candidate.call;
      const fn = call.scope.functionName!;
      const className = call.scope.className ?? helperOwner(fn);
      if (!className || !strategyNames.has(className)) continue;
      const found = candidate.literal ?? windowOf(call, index, resolver, className);
      if (!found || found.length < 2) continue;
      // Fields written out: a spread followed by new fields is a slow path of V8 (about 3 us an object).
      out.push({ length: found.length, call: call.node, source: found.source, origin: found.origin, indicator: call.name, className, functionName: fn });
    }
  }
  return out;
}

/** What one piece of the index holds for indicator windows; see windowPartOf. */
interface WindowPart {
  /** Class-level assignments of a plain name: [class, name, value], in document order. */
  classAttributes: [string, string, SyntaxNode][];
  /**
   * Calls inside a function that may have a window: `literal` holds the window when every length
   * it reads is a literal (that answer depends on the call and the file's imports alone); without
   * it, the window reads a name, a class constant or a parameter and is worked out afresh.
   */
  candidates: { call: CallSite; literal?: Found }[];
}

const NO_WINDOWS: WindowPart = Object.freeze({ classAttributes: [], candidates: [] }) as unknown as WindowPart;

/**
 * A piece's part, derived without knowing which classes are strategies (the caller filters): calls
 * whose window from literals alone is missing or shorter than two bars are dropped here.
 */
function windowPartOf(piece: IndexEntries, index: SyntaxIndex, resolver: LengthResolver): WindowPart {
  let part: WindowPart | undefined;
  const own = () => (part ??= { classAttributes: [], candidates: [] });
  for (const a of piece.assignments) {
    if (a.scope.className && !a.scope.functionName && /^[A-Za-z_]\w*$/.test(a.target)) own().classAttributes.push([a.scope.className, a.target, a.value]);
  }
  for (const call of piece.calls) {
    if (!call.scope.functionName) continue;
    resolver.readBeyondLiterals = false;
    // The class only matters to an answer that reads beyond literals, which is not kept.
    const found = windowOf(call, index, resolver, call.scope.className ?? '');
    if (resolver.readBeyondLiterals) own().candidates.push({ call });
    else if (found && found.length >= 2) own().candidates.push({ call, literal: found });
  }
  return part ?? NO_WINDOWS;
}

/**
 * technical's `ichimoku(dataframe, conversion_line_period=9, base_line_periods=26, laggin_span=52,
 * displacement=26)`: senkou span B is the 52-candle midpoint shifted forward by 26, so it needs
 * laggin_span + displacement candles (freqtrade-technical, technical/indicators/indicators.py).
 */
const ICHIMOKU_DEFAULTS = { laggin_span: 52, displacement: 26 };

type Found = Pick<IndicatorWindow, 'length' | 'source' | 'origin'>;

function windowOf(call: CallSite, index: SyntaxIndex, resolver: LengthResolver, className: string): Found | undefined {
  const talib = isTalib(call, index);
  if (call.name === 'ichimoku') {
    const lagging = call.keywords.get('laggin_span') ?? call.keywords.get('lagging_span') ?? call.positional[3];
    const shift = call.keywords.get('displacement') ?? call.positional[4];
    const l = lagging ? resolver.length(lagging, className, call.scope.functionName)?.length : ICHIMOKU_DEFAULTS.laggin_span;
    const d = shift ? resolver.length(shift, className, call.scope.functionName)?.length : ICHIMOKU_DEFAULTS.displacement;
    if (l === undefined || d === undefined) return undefined;
    return { length: l + d, source: lagging ?? call.node, origin: lagging ? 'literal' : 'default' };
  }
  if (call.name === 'rolling' || call.name === 'ewm' || ROW_OFFSET.has(call.name)) {
    if (!call.receiver) return undefined;
    let arg: SyntaxNode | undefined;
    let extra = 0;
    if (call.name === 'rolling') arg = call.keywords.get('window') ?? call.positional[0];
    else if (call.name === 'ewm') {
      arg = call.keywords.get('span');
      if (!arg && call.keywords.get('com')) {
        arg = call.keywords.get('com');
        extra = 1;
      }
    } else arg = call.keywords.get('periods') ?? call.positional[0];
    const found = arg && resolver.length(arg, className, call.scope.functionName);
    return found && found.length > 0 ? { ...found, length: found.length + extra } : undefined;
  }
  let best: Found | undefined;
  let signal: Found | undefined;
  for (const [name, value] of call.keywords) {
    if (SIGNAL_KEYWORD.test(name)) {
      signal = resolver.length(value, className, call.scope.functionName);
      continue;
    }
    if (!WINDOW_KEYWORD.test(name)) continue;
    const found = resolver.length(value, className, call.scope.functionName);
    if (found && (!best || found.length > best.length)) best = found;
  }
  if (!best && talib && call.positional[1]) best = resolver.length(call.positional[1], className, call.scope.functionName);
  if (!best && talib && call.name in TALIB_DEFAULTS) best = { length: TALIB_DEFAULTS[call.name], source: call.node, origin: 'default' };
  if (talib && call.name === 'MACD') {
    best ??= { length: 26, source: call.node, origin: 'default' };
    signal ??= { length: 9, source: call.node, origin: 'default' };
  }
  if (!best) return undefined;
  let length = best.length;
  if (talib) length *= TALIB_MULTIPLIER[call.name] ?? 1;
  if (signal && best) length += signal.length;
  return { ...best, length };
}

function isTalib(call: CallSite, index: SyntaxIndex): boolean {
  if (!/^[A-Z][A-Z0-9_]+$/.test(call.name) || !call.callee?.includes('.')) return false;
  const q = call.qualifiedCallee ?? call.callee;
  if (q.startsWith('talib')) return true;
  const head = call.callee.split('.')[0];
  return !index.imports.has(head) && (head === 'ta' || head === 'talib');
}

class LengthResolver {
  /** Set when an answer read more than a literal (a name, a class constant, a parameter, a loop). */
  readBeyondLiterals = false;

  constructor(
    private readonly index: SyntaxIndex,
    private readonly bindings: Bindings,
    private readonly attribute: (className: string, name: string) => SyntaxNode | undefined,
  ) {}

  length(node: SyntaxNode, className: string, functionName?: string, depth = 0): Found | undefined {
    if (depth > 4) return undefined;
    const literal = numberValue(node);
    if (literal !== undefined) return Number.isFinite(literal) ? { length: Math.round(literal), source: node, origin: 'literal' } : undefined;
    this.readBeyondLiterals = true;
    if (node.type === 'call') {
      const call = this.index.callsById.get(node.id);
      if (call && (call.callee === 'int' || call.callee === 'round') && call.positional[0]) return this.length(call.positional[0], className, functionName, depth + 1);
      return undefined;
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute')?.text ?? '';
      // self.buy_period.value -> the parameter's upper bound (hyperopt may try it).
      if (attr === 'value' && object?.type === 'attribute' && object.childForFieldName('object')?.text === 'self') {
        const high = this.parameterHigh(className, object.childForFieldName('attribute')!.text);
        return high !== undefined ? { length: high, source: node, origin: 'parameter-high' } : undefined;
      }
      // self.LONG_EMA -> a class constant.
      if (object?.text === 'self') {
        const value = this.attribute(className, attr);
        const n = numberValue(value);
        return n !== undefined ? { length: Math.round(n), source: node, origin: 'constant' } : undefined;
      }
      return undefined;
    }
    if (node.type === 'identifier') {
      const loop = this.loopBound(node);
      if (loop) return loop;
      const b = this.bindings.resolve(node.text, node, functionName);
      if (b && b.element < 0 && b.value.id !== node.id) {
        const found = this.length(b.value, className, b.functionName, depth + 1);
        return found ? { ...found, source: node, origin: found.origin === 'literal' ? 'constant' : found.origin } : undefined;
      }
      const parameter = this.parameterValue(node, className, depth);
      if (parameter) return parameter;
    }
    return undefined;
  }

  /**
   * A helper's parameter (`def atr(self, df, period=14): ta.SMA(df["TR"], period)`): the longest
   * value any call in the file passes for it, else its default.
   */
  private parameterValue(id: SyntaxNode, className: string, depth: number): Found | undefined {
    let fn: SyntaxNode | null = id.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    const name = fn?.childForFieldName('name')?.text;
    const params = fn?.childForFieldName('parameters')?.namedChildren.filter((c): c is SyntaxNode => !!c) ?? [];
    const position = params.findIndex((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text) === id.text);
    if (!name || position < 0) return undefined;
    const isMethod = params[0]?.text === 'self';
    let best: Found | undefined;
    for (const call of callsNamed(this.index, name)) {
      if (call.callee !== name && call.callee !== `self.${name}`) continue;
      const arg = call.keywords.get(id.text) ?? call.positional[position - (isMethod && call.callee === `self.${name}` ? 1 : 0)];
      const found = arg && this.length(arg, call.scope.className ?? className, call.scope.functionName, depth + 1);
      if (found && (!best || found.length > best.length)) best = { ...found, source: arg };
    }
    if (best) return best;
    const declared = params[position];
    const fallback = declared.type === 'default_parameter' || declared.type === 'typed_default_parameter' ? declared.childForFieldName('value') : null;
    return fallback ? this.length(fallback, className, undefined, depth + 1) : undefined;
  }

  /** `for period in self.buy_period.range:` / `for n in range(10, 60, 10):` / `for n in [20, 50]:`. */
  private loopBound(id: SyntaxNode): Found | undefined {
    for (let n = id.parent; n && n.type !== 'function_definition' && n.type !== 'class_definition'; n = n.parent) {
      if (n.type !== 'for_statement' && n.type !== 'for_in_clause') continue;
      const left = n.childForFieldName('left');
      if (left?.type !== 'identifier' || left.text !== id.text) continue;
      const right = n.childForFieldName('right');
      if (!right) return undefined;
      if (right.type === 'attribute' && right.childForFieldName('attribute')?.text === 'range') {
        const param = right.childForFieldName('object');
        const className = enclosingClass(id);
        if (param?.type === 'attribute' && param.childForFieldName('object')?.text === 'self' && className) {
          const high = this.parameterHigh(className, param.childForFieldName('attribute')!.text, true);
          return high !== undefined ? { length: high, source: id, origin: 'parameter-high' } : undefined;
        }
        return undefined;
      }
      const values = this.literalValues(right);
      return values.length ? { length: Math.max(...values), source: id, origin: 'literal' } : undefined;
    }
    return undefined;
  }

  private literalValues(node: SyntaxNode): number[] {
    const call = node.type === 'call' ? this.index.callsById.get(node.id) : undefined;
    if (call?.callee === 'range') {
      const nums = call.positional.map((p) => numberValue(p));
      if (nums.some((v) => v === undefined) || nums.length === 0) return [];
      const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
      if (step <= 0 || stop <= start) return [];
      return [start + Math.floor((stop - 1 - start) / step) * step];
    }
    const items = sequenceElements(node).map((e) => numberValue(e));
    return items.every((v) => v !== undefined) ? (items as number[]) : [];
  }

  /** Upper bound of a freqtrade IntParameter/DecimalParameter (its default when not optimised). */
  private parameterHigh(className: string, name: string, forRange = false): number | undefined {
    const value = this.attribute(className, name);
    const call = value?.type === 'call' ? this.index.callsById.get(value.id) : undefined;
    if (!call || !/Parameter$/.test(call.name)) return undefined;
    // `.range` of a non-optimised parameter yields only its value; so does `.value`.
    if (optimizeFlag(this.index, call.keywords.get('optimize'), className) === false) {
      const d = numberValue(call.keywords.get('default'));
      return d !== undefined ? Math.round(d) : undefined;
    }
    let high = numberValue(call.positional[1] ?? call.keywords.get('high'));
    const first = call.positional[0];
    if (high === undefined && first && (first.type === 'list' || first.type === 'tuple')) high = numberValue(sequenceElements(first)[1]);
    void forRange;
    return high !== undefined ? Math.round(high) : undefined;
  }
}

function enclosingClass(node: SyntaxNode): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'class_definition') return n.childForFieldName('name')?.text;
  }
  return undefined;
}
