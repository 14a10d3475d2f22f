// Reading a call's arguments and a subscript's keys: positional and keyword arguments, column
// names (literals, lists, f-string patterns), the library function a call names, offsets written
// as arguments. Shared by the interpreter and the call transfer (calls.ts).
import { dictEntries, stringValue } from '../facts/python-values';
import type { SyntaxNode } from '../python/parser';
import type { Activation, Interpreter } from './interpreter';
import { CAUSAL_MODULES, LOOKAHEAD_FUNCTIONS, type LeadSpec, type LookaheadFunction } from './library-knowledge';
import type { ShiftLike } from './transfer';

export interface Arguments {
  node: SyntaxNode;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
}

export function argumentsOf(call: SyntaxNode): Arguments {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const list = call.childForFieldName('arguments');
  // `max(b.high for b in rest)`: the generator is the whole argument list.
  if (list?.type === 'generator_expression') return { node: call, positional: [list], keywords };
  for (const arg of list?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) keywords.set(name, value);
    } else if (arg.type === 'dictionary_splat') {
      for (const e of dictEntries(arg.namedChild(0))) keywords.set(e.key, e.value);
    } else if (arg.type !== 'list_splat') positional.push(arg);
  }
  return { node: call, positional, keywords };
}

export function lookaheadFunction(qualified: string, name: string, isMethod: boolean): LookaheadFunction | undefined {
  // The import-resolved name first (pandas_ta.ichimoku is not technical's), then the bare name.
  const exact = LOOKAHEAD_FUNCTIONS.find((f) => f.names.includes(qualified));
  if (exact) return exact;
  // A function of a causal library that is not listed above is that library's own (pandas_ta's
  // zscore is a rolling one, not scipy's whole-array zscore): no bare-name guess for it.
  if (qualified.includes('.') && CAUSAL_MODULES.some((m) => qualified.startsWith(`${m.prefix}.`))) return undefined;
  return LOOKAHEAD_FUNCTIONS.find((f) => f.names.includes(name) && (!isMethod || f.method) && (f.names.some((n) => n.endsWith(`.${name}`)) || f.method));
}

export function leadOf(spec: LeadSpec, args: Arguments, interpreter: Interpreter, act: Activation): number {
  if ('bars' in spec) return spec.bars;
  const source = 'halfOf' in spec ? spec.halfOf : spec.argument;
  const node = args.keywords.get(source.keyword) ?? args.positional[source.position];
  const value = node ? interpreter.expr(node, act).constant : undefined;
  const n = value ?? source.default;
  return 'halfOf' in spec ? Math.max(1, Math.floor(n / 2)) : Math.max(1, n);
}

export function shiftOf(node: SyntaxNode | undefined, call: SyntaxNode, interpreter: Interpreter, act: Activation, defaultOffset = 1): ShiftLike {
  const fn = call.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : fn?.text ?? '';
  const args = call.childForFieldName('arguments')?.text ?? '()';
  const text = `${name}${args.length <= 40 ? args : '(...)'}`;
  if (!node) return { offset: name === 'shift' || name === 'roll' ? (name === 'shift' ? 1 : 0) : defaultOffset, node: call, text };
  const value = interpreter.expr(node, act).constant;
  if (value !== undefined) return { offset: value, node: call, text };
  const written = node.text.replace(/\s+/g, '');
  if (written.startsWith('-')) return { offset: 'negative', node: call, text };
  return { offset: 'unknown', node: call, text };
}

/** Column names a key selects: a string, a list of strings, a name bound to a list of strings. */
export function columnNames(key: SyntaxNode, interpreter: Interpreter, act: Activation): string[] | undefined {
  const s = stringValue(key) ?? fStringPattern(key);
  if (s !== undefined) return [s];
  if (key.type === 'list') {
    const names = key.namedChildren.map((c) => stringValue(c));
    return names.every((n): n is string => n !== undefined) ? names : undefined;
  }
  if (key.type === 'identifier') return interpreter.expr(key, act).strings;
  return undefined;
}

export function isIndexKey(key: SyntaxNode, interpreter: Interpreter, act: Activation): boolean {
  if (key.type === 'integer' || key.type === 'slice') return true;
  const v = interpreter.expr(key, act);
  return !!v.barIndex || v.constant !== undefined;
}

/** `f"ret_lag_{k}"` -> `ret_lag_*` (a name pattern); undefined for anything else. */
export function fStringPattern(node: SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  let out = '';
  let interpolated = false;
  for (const child of node.namedChildren) {
    if (child?.type === 'string_content') out += child.text;
    else if (child?.type === 'interpolation') {
      out += '*';
      interpolated = true;
    }
  }
  return interpolated && out.replace(/\*/g, '').length >= 1 ? out : undefined;
}

/** A method read as an attribute (`@property`, also under `@cached`). */
export function isProperty(fn: SyntaxNode): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return !!decorated?.namedChildren.some((d) => d?.type === 'decorator' && /^@(\w+\.)?(property|cached_property)\b/.test(d.text));
}
