// Facts about a Pine script: its declaration, inputs, `request.security` calls, realtime-only
// values, plot offsets and look-backs, each marked with whether it decides an order.
import type { PineFacts, PineInput, PineRealtimeRisk, PineSecurity, TimeframeKind } from './facts-types';
import { ORDER_CALLS, orderFlow, type OrderFlow } from './order-flow';
import { argument, booleanValue, callArguments, calleeOf, dottedName, enclosingConditions, enclosingFunction, namesRead, numberValue, stringValue, unparen } from './syntax';
import type { PineNode, PineTree } from './tree';

/** Words naming configuration rather than strategy logic, in an input's variable, title or group. */
const CONFIGURATION = /backtest|date|time ?zone|timezone|\btz\b|_tz\b|alert|webhook|ticker|symbol|display|\bshow|show_|debug|colou?r|label|table|dashboard|\bstyle/i;
const INPUT_KINDS = new Set(['int', 'float', 'bool', 'string', 'source', 'timeframe']);
/** Chart-drawing calls: values that reach only these decide nothing about orders. */
export const DISPLAY_CALLS = /^(plot|plotshape|plotchar|plotarrow|plotcandle|plotbar|bgcolor|barcolor|fill|hline|alertcondition|alert|label\.|line\.|box\.|table\.|polyline\.|linefill\.)/;
const MARKERS = new Set(['plotshape', 'plotchar', 'plotarrow', 'bgcolor', 'barcolor']);
/** Values known when a bar opens: requesting them with lookahead cannot leak the bar's future. */
const KNOWN_AT_OPEN = /^(open|time|time_tradingday|time_close|na|bar_index|dayofweek|dayofmonth|month|year|weekofyear|syminfo\..*|timeframe\..*|dayofweek\..*|barmerge\..*|session\..*|currency\..*|math\.pi)$/;
/** Indicator calls whose second argument (or `length=`) is a look-back in bars. */
const LENGTH_CALLS = /^ta\.(sma|ema|wma|rma|vwma|hma|alma|swma|rsi|atr|stdev|dev|variance|highest|lowest|highestbars|lowestbars|cci|cmo|mfi|roc|mom|change|linreg|percentrank|median|mode|range|wpr|cog|tsi|falling|rising|correlation|sum)$/;

export function pineFacts(tree: PineTree): PineFacts {
  const root = tree.rootNode;
  const flow = orderFlow(root);
  const historyFlow = orderFlow(
    root,
    (c) => ORDER_CALLS.has(calleeOf(c) ?? '') || DISPLAY_CALLS.test(calleeOf(c) ?? ''),
    (c) => !enclosingConditions(c).some((condition) => /barstate\.islast(confirmedhistory)?\b/.test(condition.text)),
  );
  const definitions = singleDefinitions(root);
  const facts: PineFacts = { version: tree.version, inputs: [], securities: [], realtime: [], plotOffsets: [], maxBarsBack: [], lookbacks: [], thresholds: [], orders: flow.orders, syntaxErrors: tree.errors.length };
  for (const n of root.descendants()) {
    if (n.type === 'call') readCall(n, facts, flow, definitions, historyFlow);
    else if (n.type === 'variable_declaration' && n.childForFieldName('modifier')?.text === 'varip') {
      const name = n.childForFieldName('name');
      if (name) facts.realtime.push({ kind: 'varip', node: n.childForFieldName('modifier')!, decidesOrder: flow.names.has(name.text), displayed: false });
    } else if (n.type === 'identifier' && n.text === 'timenow' && n.parent?.type !== 'keyword_argument') {
      facts.realtime.push(risk('timenow', n, flow));
    } else if (n.type === 'attribute' && (dottedName(n) === 'barstate.isrealtime' || dottedName(n) === 'barstate.islast')) {
      facts.realtime.push(risk(dottedName(n) as 'barstate.isrealtime', n, flow));
    } else if (n.type === 'comparison_operator' && flow.decidesOrder(n)) {
      facts.thresholds.push(...thresholdsOf(n));
    } else if (n.type === 'history_reference') {
      const offset = numberValue(n.childForFieldName('offset'));
      if (offset !== undefined && offset >= 1) facts.lookbacks.push({ node: n, length: offset, what: n.text });
    }
  }
  return facts;
}

/** Values that are structure rather than tuning: zero guards, unit scalars, percent bases. */
const STRUCTURAL = new Set([0, 1, -1, 100]);
/** Comparisons against clocks, counters and positions set schedules and states, not thresholds. */
const NOT_A_SIGNAL = /^(bar_index|last_bar_index|time|time_close|timenow|hour|minute|second|dayofweek|dayofmonth|month|year|weekofyear|strategy\..*|syminfo\..*|timeframe\..*|dayofweek\..*)$/;

function thresholdValue(node: PineNode): number | undefined {
  const n = unparen(node);
  if (!n || (n.type !== 'integer' && n.type !== 'float' && n.type !== 'unary_operator')) return undefined;
  const value = numberValue(n);
  return value === undefined || STRUCTURAL.has(value) ? undefined : value;
}

/** `rsi < 28`, `adx > 25.5`: literal operands of a comparison whose other side is market data. */
function thresholdsOf(comparison: PineNode): { node: PineNode; value: number }[] {
  const left = comparison.childForFieldName('left');
  const right = comparison.childForFieldName('right');
  // `==`/`!=` against a number picks a case (`mode == 2`, `tfSeconds == 3600`): not a threshold.
  const op = comparison.childForFieldName('operator')?.text;
  if (!left || !right || op === '==' || op === '!=') return [];
  const out: { node: PineNode; value: number }[] = [];
  for (const [side, other] of [[left, right], [right, left]] as const) {
    const value = thresholdValue(side);
    if (value === undefined) continue;
    const names = namesRead(other);
    if (names.length === 0 || names.some((name) => NOT_A_SIGNAL.test(name))) continue;
    out.push({ node: unparen(side)!, value });
  }
  return out;
}

function risk(kind: PineRealtimeRisk['kind'], node: PineNode, flow: OrderFlow): PineRealtimeRisk {
  let displayed = false;
  for (let p = node.parent; p; p = p.parent) if (p.type === 'call' && DISPLAY_CALLS.test(calleeOf(p) ?? '')) displayed = true;
  return { kind, node, decidesOrder: flow.decidesOrder(node), displayed };
}

function readCall(call: PineNode, facts: PineFacts, flow: OrderFlow, definitions: Map<string, PineNode>, historyFlow: OrderFlow): void {
  const callee = calleeOf(call) ?? '';
  const args = callArguments(call);
  if (!facts.declaration && /^(strategy|indicator|study|library)$/.test(callee) && call.parent?.type === 'expression_statement') {
    const titleNode = argument(args, 'title', 0);
    facts.declaration = { kind: callee as 'strategy', call, title: stringValue(titleNode), titleNode: titleNode?.type === 'string' ? titleNode : undefined, args };
    const mbb = numberValue(args.keywords.get('max_bars_back'));
    if (mbb !== undefined) facts.maxBarsBack.push({ node: args.keywords.get('max_bars_back')!, value: mbb });
    if (callee === 'strategy') {
      for (const kind of ['calc_on_every_tick', 'process_orders_on_close'] as const) {
        const value = args.keywords.get(kind);
        if (value && resolvedBoolean(value, definitions) === true) facts.realtime.push({ kind, node: args.keywordNodes.get(kind)!, decidesOrder: true, displayed: false });
      }
    }
    return;
  }
  if (callee === 'max_bars_back') {
    const value = numberValue(args.positional[1] ?? args.keywords.get('num'));
    if (value !== undefined) facts.maxBarsBack.push({ node: call, value, target: args.positional[0]?.text });
    return;
  }
  const input = inputOf(call, callee, args, flow);
  if (input) {
    facts.inputs.push(input);
    return;
  }
  if (callee === 'request.security' || callee === 'security') {
    facts.securities.push({ ...securityOf(call, args, flow, definitions), visibleOnHistory: historyFlow.decidesOrder(call) });
    return;
  }
  if (/^(plot|plotshape|plotchar|plotarrow|plotcandle|plotbar|bgcolor|barcolor)$/.test(callee)) {
    const offsetNode = args.keywords.get('offset');
    const offset = offsetNode ? resolvedNumber(offsetNode, definitions) : undefined;
    if (offsetNode && offset !== undefined && offset < 0) {
      const series = args.positional[0] ?? args.keywords.get('series') ?? args.keywords.get('color');
      facts.plotOffsets.push({ call, callee, offsetNode: args.keywordNodes.get('offset')!, offset, signal: !!series && (flow.names.has(series.text) || (MARKERS.has(callee) && flow.orders.length > 0)) });
    }
    return;
  }
  if ((callee === 'ta.crossover' || callee === 'ta.crossunder' || callee === 'ta.cross') && flow.decidesOrder(call)) {
    for (const arg of args.positional) if (thresholdValue(arg) !== undefined) facts.thresholds.push({ node: arg, value: thresholdValue(arg)! });
  }
  if (LENGTH_CALLS.test(callee)) {
    const length = resolvedNumber(argument(args, 'length', 1) ?? call, definitions);
    if (length !== undefined && length >= 1 && Number.isInteger(length)) facts.lookbacks.push({ node: call, length, what: `${callee}(..., ${length})` });
  }
}

/** `x = input.int(14, minval=1)`, v4 `x = input(14)`: assigned inputs only (a bare call sets nothing). */
function inputOf(call: PineNode, callee: string, args: ReturnType<typeof callArguments>, flow: OrderFlow): PineInput | undefined {
  const kind = callee === 'input' ? 'input' : callee.startsWith('input.') ? callee.slice(6) : undefined;
  if (!kind || (kind !== 'input' && !INPUT_KINDS.has(kind))) return undefined;
  const declaration = unparenParent(call);
  if (declaration?.type !== 'variable_declaration') return undefined;
  const name = declaration.childForFieldName('name')?.text;
  if (!name) return undefined;
  const defaultNode = argument(args, 'defval', 0);
  // Free text (alert messages, tickers, webhook ids) is configuration, not a tuned value.
  if (kind === 'string' && !args.keywords.has('options')) return undefined;
  // So are the backtest window, time zones, alerts and display switches, whatever their type.
  const label = [name, stringValue(argument(args, 'title', 1)), stringValue(args.keywords.get('group'))].filter(Boolean).join(' ');
  if (CONFIGURATION.test(label)) return undefined;
  if (kind === 'input') {
    // v4 `input(...)`: numbers, booleans and sources only; colours, symbols and sessions are no tuning.
    const type = args.keywords.get('type')?.text ?? '';
    if (/color|symbol|session|time/.test(type)) return undefined;
    if (defaultNode && defaultNode.type === 'string' && !args.keywords.has('options')) return undefined;
  }
  const options = args.keywords.get('options');
  return {
    name,
    call,
    kind,
    defaultNode,
    minval: numberValue(args.keywords.get('minval')),
    maxval: numberValue(args.keywords.get('maxval')),
    step: numberValue(args.keywords.get('step')),
    options: options?.type === 'tuple' ? options.children.filter((c) => c.type !== 'comment').length : undefined,
    decidesOrder: flow.names.has(name),
  };
}

function unparenParent(node: PineNode): PineNode | null {
  let p = node.parent;
  while (p?.type === 'parenthesized_expression') p = p.parent;
  return p;
}

function securityOf(call: PineNode, args: ReturnType<typeof callArguments>, flow: OrderFlow, definitions: Map<string, PineNode>): Omit<PineSecurity, 'visibleOnHistory'> {
  const timeframe = argument(args, 'timeframe', 1) ?? args.keywords.get('resolution');
  const expression = argument(args, 'expression', 2);
  const lookaheadNode = argument(args, 'lookahead', 4);
  const lookahead = lookaheadNode ? resolve(lookaheadNode, definitions) : undefined;
  const timeframeText = timeframe ? timeframeOf(timeframe, definitions) : undefined;
  return {
    call,
    expression,
    timeframe,
    timeframeText,
    timeframeKind: timeframe ? kindOf(timeframe, timeframeText, definitions) : 'unknown',
    lookaheadOn: lookahead !== undefined && /lookahead_on$/.test(lookahead.text.trim()),
    lookaheadNode: lookaheadNode ? (args.keywordNodes.get('lookahead') ?? lookaheadNode) : undefined,
    reads: expression ? barsRead(expression, definitions, 0) : 'closed',
    decidesOrder: flow.decidesOrder(call),
  };
}

/** The timeframe string as written, or its input's default (`input.timeframe("D")`). */
function timeframeOf(node: PineNode, definitions: Map<string, PineNode>): string | undefined {
  const resolved = resolve(node, definitions);
  const literal = stringValue(resolved);
  if (literal !== undefined) return literal;
  if (resolved?.type === 'call' && /^input(\.timeframe|\.resolution|\.string)?$/.test(calleeOf(resolved) ?? '')) {
    return stringValue(argument(callArguments(resolved), 'defval', 0));
  }
  return undefined;
}

/** Higher than any intraday chart (`"D"`, `"W"`, `"M"`), the chart's own, or unknown (minutes: could be either). */
function kindOf(node: PineNode, text: string | undefined, definitions: Map<string, PineNode>): TimeframeKind {
  const resolved = resolve(node, definitions);
  if (resolved && /^timeframe\.(period|main_period)$/.test(resolved.text)) return 'chart';
  if (text === undefined) return 'unknown';
  if (text === '') return 'chart';
  return /^\d*[DWM]$/i.test(text.trim()) ? 'higher' : 'unknown';
}

type Reads = 'closed' | 'current' | 'unknown';

const locals = new WeakMap<PineNode, Set<string>>();
/** Parameters and variables declared inside a function. */
function localNames(fn: PineNode): Set<string> {
  let names = locals.get(fn);
  if (!names) {
    names = new Set<string>();
    for (const p of fn.childForFieldName('parameters')?.children ?? []) {
      const name = p.childForFieldName('name')?.text;
      if (name) names.add(name);
    }
    for (const d of fn.descendants()) {
      if (d.type === 'variable_declaration') names.add(d.childForFieldName('name')?.text ?? '');
      else if (d.type === 'tuple_declaration') for (const c of d.childForFieldName('left')?.children ?? []) names.add(c.text);
    }
    locals.set(fn, names);
  }
  return names;
}
/** Built-in series of the current bar. */
const CURRENT_BAR = /^(close|high|low|volume|hl2|hlc3|ohlc4|hlcc4|time_close|timenow|ta\.(tr|vwap|obv|accdist|iii|nvi|pvi|pvt|wad|wvad))$/;
/** Built-ins that read the current bar's high/low/close themselves, whatever their arguments. */
const IMPLICIT_CURRENT_BAR = /^ta\.(atr|tr|supertrend|dmi|sar|vwap|obv|accdist|mfi|cci|wad|wvad|iii|nvi|pvi|pvt|kc|kcw)$/;

const worst = (a: Reads, b: Reads): Reads => (a === 'current' || b === 'current' ? 'current' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'closed');

/**
 * What a requested expression reads: only closed bars (every current-bar value under a `[n]`,
 * n >= 1) or values known when the bar opens (`open`, `time`); the current bar; or something it
 * cannot follow. Follows variables defined once and single-expression functions, three levels deep.
 */
function barsRead(expr: PineNode, definitions: Map<string, PineNode>, depth: number): Reads {
  const n = unparen(expr);
  if (!n) return 'closed';
  if (n.type === 'history_reference') {
    const offset = numberValue(n.childForFieldName('offset'));
    if (offset !== undefined && offset >= 1) return 'closed';
  }
  if (n.type === 'integer' || n.type === 'float' || n.type === 'string' || n.type === 'true' || n.type === 'false' || n.type === 'color') return 'closed';
  if (n.type === 'identifier' || n.type === 'attribute') {
    const name = dottedName(n) ?? '';
    // A parameter or local of the function being read: its value is not followed.
    const fn = enclosingFunction(n);
    if (fn && n.type === 'identifier' && localNames(fn).has(name)) return 'unknown';
    if (KNOWN_AT_OPEN.test(name)) return 'closed';
    if (CURRENT_BAR.test(name)) return 'current';
    const definition = definitions.get(name);
    if (definition && depth < 3) return barsRead(definition, definitions, depth + 1);
    // A variable assigned several times, a function parameter, a library value: not followed.
    return 'unknown';
  }
  if (n.type === 'call') {
    const callee = calleeOf(n) ?? '';
    if (callee.startsWith('input')) return 'closed';
    const fn = n.childForFieldName('function');
    const user = fn?.type === 'identifier' ? definitions.get(`${fn.text}()`) : undefined;
    if (user) return depth < 3 ? barsRead(user, definitions, depth + 1) : 'unknown';
    if (fn?.type === 'identifier' && definitions.has(`${fn.text}(...)`)) return 'unknown';
    const args = (n.childForFieldName('arguments')?.children ?? []).filter((a) => a.type !== 'comment');
    let reads: Reads = IMPLICIT_CURRENT_BAR.test(callee) ? 'current' : 'closed';
    for (const a of args) reads = worst(reads, barsRead(a.type === 'keyword_argument' ? a.childForFieldName('value')! : a, definitions, depth));
    return reads;
  }
  if (n.type === 'tuple' || n.type === 'binary_operator' || n.type === 'comparison_operator' || n.type === 'boolean_operator' || n.type === 'unary_operator' || n.type === 'not_operator' || n.type === 'ternary_expression') {
    let reads: Reads = 'closed';
    for (const c of n.children) if (c.type !== 'operator' && c.type !== 'comment') reads = worst(reads, barsRead(c, definitions, depth));
    return reads;
  }
  return 'unknown';
}

/**
 * Names defined exactly once by `x = value` (never reassigned), and single-expression user
 * functions as `f()` -> the expression they return.
 */
function singleDefinitions(root: PineNode): Map<string, PineNode> {
  const counts = new Map<string, number>();
  const values = new Map<string, PineNode>();
  const count = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const n of root.descendants()) {
    if (n.type === 'variable_declaration') {
      const name = n.childForFieldName('name')?.text;
      const value = n.childForFieldName('value');
      if (name && value) { count(name); values.set(name, value); }
    } else if (n.type === 'reassignment' || n.type === 'tuple_declaration') {
      const left = n.childForFieldName('left');
      for (const name of left?.type === 'identifier' ? [left.text] : (left?.children ?? []).map((c) => c.text)) count(name);
    } else if (n.type === 'function_declaration') {
      const name = n.childForFieldName('name')?.text;
      const body = n.childForFieldName('body');
      const last = body?.type === 'block' ? body.children.filter((c) => c.type !== 'comment').pop() : body;
      // The value a function returns: its last expression (locals in it read as unknown, see barsRead).
      const value = last?.type === 'expression_statement' ? last.children[0] : undefined;
      if (name && value) values.set(`${name}()`, value);
      else if (name && body) values.set(`${name}(...)`, body);
    }
  }
  for (const [name, n] of counts) if (n > 1) values.delete(name);
  return values;
}

function resolve(node: PineNode, definitions: Map<string, PineNode>): PineNode | undefined {
  let n = unparen(node);
  for (let i = 0; i < 3 && n && n.type === 'identifier' && definitions.has(n.text); i++) n = unparen(definitions.get(n.text));
  return n;
}

/** A number as written, through variables, or an input's default. */
function resolvedNumber(node: PineNode, definitions: Map<string, PineNode>): number | undefined {
  const n = resolve(node, definitions);
  if (!n) return undefined;
  const direct = numberValue(n);
  if (direct !== undefined) return direct;
  if (n.type === 'call' && /^input(\.int|\.float)?$/.test(calleeOf(n) ?? '')) return numberValue(argument(callArguments(n), 'defval', 0));
  if (n.type === 'unary_operator' && n.childForFieldName('operator')?.text === '-') {
    const inner = resolvedNumber(n.childForFieldName('argument')!, definitions);
    return inner === undefined ? undefined : -inner;
  }
  if (n.type === 'binary_operator') {
    // Constant arithmetic: `-displacement + 1`, `2 * len`.
    const a = resolvedNumber(n.childForFieldName('left')!, definitions);
    const b = resolvedNumber(n.childForFieldName('right')!, definitions);
    if (a === undefined || b === undefined) return undefined;
    const op = n.childForFieldName('operator')?.text;
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : undefined;
  }
  return undefined;
}

function resolvedBoolean(node: PineNode, definitions: Map<string, PineNode>): boolean | undefined {
  const n = resolve(node, definitions);
  if (!n) return undefined;
  const direct = booleanValue(n);
  if (direct !== undefined) return direct;
  if (n.type === 'call' && /^input(\.bool)?$/.test(calleeOf(n) ?? '')) return booleanValue(argument(callArguments(n), 'defval', 0));
  return undefined;
}

export { namesRead };
