// Small readers over the Pine tree shared by the fact collectors: callee names, arguments by
// Pine's parameter order, literal values, identifiers read, and the conditions a statement runs under.
import type { PineNode } from './tree';

/** `request.security`, `ta.ema`, `plot`: the dotted callee of a call, or undefined. */
export function dottedName(node: PineNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const head = dottedName(node.childForFieldName('object'));
    const attr = node.childForFieldName('attribute');
    return head && attr ? `${head}.${attr.text}` : undefined;
  }
  return undefined;
}

export function calleeOf(call: PineNode): string | undefined {
  return dottedName(call.childForFieldName('function'));
}

export interface CallArguments {
  positional: PineNode[];
  keywords: Map<string, PineNode>;
  keywordNodes: Map<string, PineNode>;
}

export function callArguments(call: PineNode): CallArguments {
  const out: CallArguments = { positional: [], keywords: new Map(), keywordNodes: new Map() };
  for (const arg of call.childForFieldName('arguments')?.children ?? []) {
    if (arg.type === 'comment' || arg.type === 'ERROR') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) {
        out.keywords.set(name, value);
        out.keywordNodes.set(name, arg);
      }
    } else out.positional.push(arg);
  }
  return out;
}

/** An argument by keyword, or by position in Pine's signature order. */
export function argument(args: CallArguments, name: string, position: number): PineNode | undefined {
  return args.keywords.get(name) ?? (position >= 0 ? args.positional[position] : undefined);
}

export function unparen(node: PineNode | undefined): PineNode | undefined {
  while (node?.type === 'parenthesized_expression') node = node.children.find((c) => c.type !== 'comment');
  return node;
}

export function numberValue(node: PineNode | null | undefined): number | undefined {
  const n = unparen(node ?? undefined);
  if (!n) return undefined;
  if (n.type === 'integer' || n.type === 'float') {
    const value = Number(n.text);
    return Number.isFinite(value) ? value : undefined;
  }
  if (n.type === 'unary_operator') {
    const value = numberValue(n.childForFieldName('argument'));
    const op = n.childForFieldName('operator')?.text;
    return value === undefined ? undefined : op === '-' ? -value : value;
  }
  return undefined;
}

export function stringValue(node: PineNode | null | undefined): string | undefined {
  const n = unparen(node ?? undefined);
  if (n?.type !== 'string') return undefined;
  const t = n.text;
  return t.length >= 2 && t[t.length - 1] === t[0] ? t.slice(1, -1) : t.slice(1);
}

export function booleanValue(node: PineNode | null | undefined): boolean | undefined {
  const n = unparen(node ?? undefined);
  return n?.type === 'true' ? true : n?.type === 'false' ? false : undefined;
}

/** Names read in an expression (not attribute names, not keyword-argument names). */
export function namesRead(node: PineNode): string[] {
  const out: string[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'identifier') {
      const parent = n.parent;
      const isAttributeName = parent?.type === 'attribute' && parent.childForFieldName('attribute') === n;
      const isKeywordName = parent?.type === 'keyword_argument' && parent.childForFieldName('name') === n;
      if (!isAttributeName && !isKeywordName) out.push(n.text);
    } else if (n.type === 'attribute') {
      // `barstate.isrealtime`, `syminfo.tickerid`: the whole dotted name is a read too.
      const dotted = dottedName(n);
      if (dotted) out.push(dotted);
    }
    for (const c of n.children) if (c.type !== 'comment') stack.push(c);
  }
  return out;
}

/**
 * The expressions deciding whether `node` runs: conditions of enclosing `if`s, `while`s, `for`
 * ranges, `switch` subjects and case patterns, up to the enclosing function (or the script).
 */
export function enclosingConditions(node: PineNode): PineNode[] {
  const out: PineNode[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'function_declaration' || parent.type === 'method_declaration') break;
    if (parent.type === 'if_statement' && child !== parent.childForFieldName('condition')) push(out, parent.childForFieldName('condition'));
    else if (parent.type === 'while_statement' && child === parent.childForFieldName('body')) push(out, parent.childForFieldName('condition'));
    else if (parent.type === 'for_statement' && child === parent.childForFieldName('body')) {
      push(out, parent.childForFieldName('start'));
      push(out, parent.childForFieldName('end'));
    } else if (parent.type === 'for_in_statement' && child === parent.childForFieldName('body')) push(out, parent.childForFieldName('right'));
    else if (parent.type === 'switch_case' && child === parent.childForFieldName('body')) push(out, parent.childForFieldName('pattern'));
    else if (parent.type === 'switch_statement' && child.type === 'switch_case') push(out, parent.childForFieldName('subject'));
  }
  return out;
}

function push(out: PineNode[], node: PineNode | null): void {
  if (node) out.push(node);
}

/** The function or method a node sits in, if any. */
export function enclosingFunction(node: PineNode): PineNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_declaration' || p.type === 'method_declaration') return p;
  return undefined;
}

/** The statement a node belongs to (a direct child of a block or of the script). */
export function statementOf(node: PineNode): PineNode {
  let n = node;
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'source_file') n = n.parent;
  return n;
}
