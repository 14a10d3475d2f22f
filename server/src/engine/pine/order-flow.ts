// Which parts of a Pine script decide orders. A name reaches an order when it is read by an
// order call (`strategy.entry/order/exit/close/close_all`), by a condition an order runs under, or
// by the value or condition of another name that reaches one; user functions that place orders
// make their call sites order sites. Flow-insensitive on purpose: a repaint risk anywhere in a
// variable's definitions counts, as it does on the chart.
import { calleeOf, enclosingConditions, enclosingFunction, namesRead } from './syntax';
import type { PineNode } from './tree';

export const ORDER_CALLS = new Set(['strategy.entry', 'strategy.order', 'strategy.exit', 'strategy.close', 'strategy.close_all']);

interface Definition {
  name: string;
  /** Expressions whose values flow into the name (its value, or a function's body). */
  values: PineNode[];
  conditions: PineNode[];
}

export interface OrderFlow {
  /** Order calls, including calls of user functions that place orders. */
  orders: PineNode[];
  /** Names whose value reaches an order. */
  names: Set<string>;
  /** Whether an expression node decides an order (it or an ancestor is an order input). */
  decidesOrder(node: PineNode): boolean;
}

/**
 * What reaches orders (by default), or any other kind of effect `isSink` names - the history-
 * visible drawings and orders, for instance (see facts.ts).
 */
export function orderFlow(
  root: PineNode,
  isSink: (call: PineNode) => boolean = (c) => ORDER_CALLS.has(calleeOf(c) ?? ''),
  /** Which call sites count at all, user-function calls included (e.g. not under barstate.islast). */
  siteCounts: (call: PineNode) => boolean = () => true,
): OrderFlow {
  // Definitions by scope: `<function id>:<name>` inside a function, `0:<name>` at script level.
  // Loop variables are left out: they carry positions, not the values a repaint check follows.
  const definitions = new Map<string, Definition[]>();
  const calls: PineNode[] = [];
  const scopeOf = (node: PineNode) => enclosingFunction(node)?.id ?? 0;
  const define = (name: string | undefined, values: (PineNode | null | undefined)[], at: PineNode, scope = scopeOf(at)) => {
    if (!name) return;
    const key = `${scope}:${name}`;
    const list = definitions.get(key) ?? [];
    list.push({ name, values: values.filter((v): v is PineNode => !!v), conditions: enclosingConditions(at) });
    definitions.set(key, list);
  };
  for (const n of root.descendants()) {
    switch (n.type) {
      case 'call':
        calls.push(n);
        break;
      case 'variable_declaration':
        define(n.childForFieldName('name')?.text, [n.childForFieldName('value')], n);
        break;
      case 'reassignment': {
        const left = n.childForFieldName('left');
        const name = left?.type === 'identifier' ? left.text : left?.text.split(/[.[]/)[0];
        // `:=` assigns the nearest definition: the function's own, else the script's.
        const local = definitions.has(`${scopeOf(n)}:${name}`);
        define(name, [n.childForFieldName('right')], n, local ? scopeOf(n) : 0);
        break;
      }
      case 'tuple_declaration':
        for (const name of n.childForFieldName('left')?.children ?? []) if (name.type === 'identifier') define(name.text, [n.childForFieldName('value')], n);
        break;
      case 'function_declaration':
      case 'method_declaration':
        define(n.childForFieldName('name')?.text, [n.childForFieldName('body')], n, 0);
        break;
    }
  }
  // Order sites: order calls, then calls of user functions holding one (to a fixed point).
  const orderFunctions = new Set<string>();
  let orders = calls.filter((c) => isSink(c) && siteCounts(c));
  for (let round = 0; round < 8; round++) {
    const before = orderFunctions.size;
    for (const o of orders) {
      const fn = enclosingFunction(o)?.childForFieldName('name')?.text;
      if (fn) orderFunctions.add(fn);
    }
    if (orderFunctions.size === before && round > 0) break;
    orders = calls.filter((c) => (isSink(c) || orderFunctions.has(methodOrFunctionName(c) ?? '')) && siteCounts(c));
  }
  const inputs: PineNode[] = [];
  for (const o of orders) {
    inputs.push(...decidingArguments(o));
    inputs.push(...enclosingConditions(o));
  }
  const reached = new Set<string>();
  const names = new Set<string>();
  const work: string[] = [];
  const read = (node: PineNode) => {
    const scope = scopeOf(node);
    for (const name of namesRead(node)) {
      const key = scope && definitions.has(`${scope}:${name}`) ? `${scope}:${name}` : `0:${name}`;
      names.add(name);
      if (!reached.has(key)) { reached.add(key); work.push(key); }
    }
  };
  inputs.forEach(read);
  while (work.length) {
    for (const d of definitions.get(work.pop()!) ?? []) {
      d.values.forEach(read);
      d.conditions.forEach(read);
      inputs.push(...d.values, ...d.conditions);
    }
  }
  const marked = new Set<number>(inputs.map((n) => n.id));
  return {
    orders,
    names,
    decidesOrder(node: PineNode): boolean {
      for (let n: PineNode | null = node; n; n = n.parent) if (marked.has(n.id)) return true;
      return false;
    },
  };
}

/** `f(...)` -> f; `x.f(...)` -> f (a method call). */
function methodOrFunctionName(call: PineNode): string | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text;
  if (fn?.type === 'attribute') return fn.childForFieldName('attribute')?.text;
  return undefined;
}

/** Order arguments that shape the trade: not its id, comment or alert texts. */
const LABELS = /^(id|from_entry|comment|comment_\w+|alert_\w+|disable_alert|oca_name)$/;

function decidingArguments(order: PineNode): PineNode[] {
  const args = order.childForFieldName('arguments')?.children ?? [];
  const builtin = ORDER_CALLS.has(calleeOf(order) ?? '');
  const out: PineNode[] = [];
  let position = 0;
  for (const a of args) {
    if (a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      if (!(builtin && LABELS.test(a.childForFieldName('name')?.text ?? ''))) out.push(a);
      continue;
    }
    // The first positional argument of a strategy.* order call is its id.
    if (!(builtin && position === 0)) out.push(a);
    position++;
  }
  return out;
}
