// The columns a comprehension over `df.columns` keeps: `[c for c in df.columns if c not in RAW and
// not c.startswith(("target_", "fwd_"))]`. Conditions the analysis cannot read keep every column.
import { stringValue } from '../facts/python-values';
import type { SyntaxNode } from '../python/parser';
import { globMatch, type Value } from './value';

export type ColumnTest = (column: string) => boolean;

/** A test for the column names a condition on `name` keeps; undefined when it cannot be read. */
export function columnTest(condition: SyntaxNode, name: string, valueOf: (node: SyntaxNode) => Value): ColumnTest | undefined {
  switch (condition.type) {
    case 'parenthesized_expression':
      return condition.namedChild(0) ? columnTest(condition.namedChild(0)!, name, valueOf) : undefined;
    case 'not_operator': {
      const inner = condition.childForFieldName('argument');
      const test = inner ? columnTest(inner, name, valueOf) : undefined;
      return test ? (c) => !test(c) : undefined;
    }
    case 'boolean_operator': {
      const left = condition.childForFieldName('left');
      const right = condition.childForFieldName('right');
      const a = left ? columnTest(left, name, valueOf) : undefined;
      const b = right ? columnTest(right, name, valueOf) : undefined;
      const or = condition.childForFieldName('operator')?.text === 'or';
      // An unreadable side of `and` keeps what the other keeps (at most); of `or`, anything.
      if (or) return a && b ? (c) => a(c) || b(c) : undefined;
      return a && b ? (c) => a(c) && b(c) : a ?? b;
    }
    case 'comparison_operator':
      return comparison(condition, name, valueOf);
    case 'call': {
      const fn = condition.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      if (fn?.childForFieldName('object')?.text !== name || (method !== 'startswith' && method !== 'endswith')) return undefined;
      const arg = condition.childForFieldName('arguments')?.namedChild(0);
      const texts = arg ? stringsOf(arg, valueOf) : undefined;
      if (!texts) return undefined;
      return method === 'startswith' ? (c) => texts.some((t) => c.startsWith(t)) : (c) => texts.some((t) => c.endsWith(t));
    }
    default:
      return undefined;
  }
}

function comparison(condition: SyntaxNode, name: string, valueOf: (node: SyntaxNode) => Value): ColumnTest | undefined {
  const [left, right] = [condition.namedChild(0), condition.namedChild(1)];
  const op = condition.children.filter((c) => c && !c.isNamed).map((c) => c!.text).join(' ');
  if (!left || !right) return undefined;
  if (left.text === name) {
    const texts = stringsOf(right, valueOf);
    if (!texts) return undefined;
    // A column stored under a pattern (`ret_fwd_*`) stands for several names: it is kept when any of them is.
    const equal = (c: string) => texts.some((t) => t === c || (c.includes('*') && globMatch(c, t)));
    const differs = (c: string) => c.includes('*') || !texts.includes(c);
    if (op === 'in' || op === '==') return equal;
    if (op === 'not in' || op === '!=') return differs;
    return undefined;
  }
  if (right.text === name) {
    const text = stringValue(left);
    if (text === undefined) return undefined;
    if (op === 'in') return (c) => c.includes(text);
    if (op === 'not in') return (c) => !c.includes(text);
  }
  return undefined;
}

function stringsOf(node: SyntaxNode, valueOf: (node: SyntaxNode) => Value): string[] | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return [literal];
  return valueOf(node).strings;
}
