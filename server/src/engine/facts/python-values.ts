// Reading literal values out of syntax nodes, tolerant of partial code.
import type { SyntaxNode } from '../python/parser';
import { parsePythonNumber } from '../python/syntax-index';

/** A numeric literal, possibly negated (`-0.05`), else undefined. */
export function numberValue(node: SyntaxNode | null | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'integer' || node.type === 'float') return parsePythonNumber(node.text);
  if (node.type === 'unary_operator') {
    const operand = node.childForFieldName('argument');
    const operator = node.child(0)?.text;
    const value = numberValue(operand);
    if (value === undefined) return undefined;
    return operator === '-' ? -value : operator === '+' ? value : undefined;
  }
  if (node.type === 'parenthesized_expression') return numberValue(node.namedChild(0));
  return undefined;
}

/** The text of a string literal without quotes/prefixes, else undefined (f-strings excluded). */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') out += child.text;
    else if (child.type === 'interpolation') return undefined;
  }
  return out;
}

export function booleanValue(node: SyntaxNode | null | undefined): boolean | undefined {
  if (node?.type === 'true') return true;
  if (node?.type === 'false') return false;
  return undefined;
}

/** Key/value pairs of a dict literal (`{"a": 1}`) or a `dict(a=1)` call. */
export function dictEntries(node: SyntaxNode | null | undefined): { key: string; keyNode: SyntaxNode; value: SyntaxNode; pair: SyntaxNode }[] {
  if (!node) return [];
  const out: { key: string; keyNode: SyntaxNode; value: SyntaxNode; pair: SyntaxNode }[] = [];
  if (node.type === 'dictionary') {
    for (const pair of node.namedChildren) {
      if (!pair || pair.type !== 'pair') continue;
      const keyNode = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      const key = stringValue(keyNode) ?? keyNode?.text;
      if (keyNode && value && key !== undefined) out.push({ key, keyNode, value, pair });
    }
  } else if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
    for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!arg || arg.type !== 'keyword_argument') continue;
      const keyNode = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (keyNode && value) out.push({ key: keyNode.text, keyNode, value, pair: arg });
    }
  }
  return out;
}

/** Elements of a tuple or list literal. */
export function sequenceElements(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node || !['tuple', 'list', 'parenthesized_expression'].includes(node.type)) return [];
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}
