// Small helpers for building fixes (LSP ranges: 0-based lines, UTF-16 columns, as tree-sitter web
// reports them). Shared by the parameters, validation, models and costs rule families.
import type { SyntaxNode } from '../../python/parser';
import { nodeRange } from '../../python/node-range';
import type { SyntaxIndex } from '../../python/syntax-index';
import type { Range, TextEdit } from '../../types';

export { nodeRange };

export function replaceNode(node: SyntaxNode, newText: string): TextEdit {
  return { range: nodeRange(node), newText };
}

export function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

/** The tight node to report a call on: its callee (`KFold`), not the whole multi-line call. */
export function calleeNode(call: SyntaxNode): SyntaxNode {
  return call.childForFieldName('function') ?? call;
}

/** Removes a keyword argument together with the comma that separates it from its neighbours. */
export function removeArgument(argument: SyntaxNode): TextEdit {
  const args = argument.parent;
  const siblings = (args?.namedChildren ?? []).filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  const i = siblings.findIndex((s) => s.id === argument.id);
  const next = siblings[i + 1];
  const previous = siblings[i - 1];
  if (next) return { range: { start: nodeRange(argument).start, end: nodeRange(next).start }, newText: '' };
  if (previous) return { range: { start: nodeRange(previous).end, end: nodeRange(argument).end }, newText: '' };
  return replaceNode(argument, '');
}

/** Edit adding `, name=value` (or `name=value`) after a call's last argument. */
export function appendArgument(call: SyntaxNode, text: string): TextEdit | undefined {
  const args = call.childForFieldName('arguments');
  const close = args?.lastChild;
  if (!args || close?.type !== ')' || close.isMissing) return undefined;
  const items = args.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  const last = items[items.length - 1];
  if (!last) return insertAt(close.startPosition.row, close.startPosition.column, text);
  const comma = args.children.filter((c): c is SyntaxNode => c !== null && c.type === ',' && c.startIndex >= last.endIndex)[0];
  const anchor = comma ?? last;
  return insertAt(anchor.endPosition.row, anchor.endPosition.column, comma ? ` ${text}` : `, ${text}`);
}

/**
 * Edit importing `name` from `module`, or undefined when the name is already bound. Adds to an
 * existing `from module import ...` when there is one, else a new line after the last top-level import.
 */
export function importEdit(index: SyntaxIndex, module: string, name: string): TextEdit | undefined {
  if (index.imports.has(name)) return undefined;
  let lastImport: SyntaxNode | undefined;
  let future: SyntaxNode | undefined;
  let docstring: SyntaxNode | undefined;
  const top = index.root.namedChildren.filter((c): c is SyntaxNode => c !== null);
  for (const statement of top) {
    if (statement.type === 'future_import_statement') future = statement;
    if (statement.type === 'import_from_statement' && statement.childForFieldName('module_name')?.text === module) {
      const names = statement.childrenForFieldName('name').filter((c): c is SyntaxNode => c !== null);
      const last = names[names.length - 1];
      if (last && !statement.hasError) return insertAt(last.endPosition.row, last.endPosition.column, `, ${name}`);
    }
    if (statement.type === 'import_statement' || statement.type === 'import_from_statement') lastImport = statement;
  }
  if (top[0]?.type === 'expression_statement' && top[0].namedChild(0)?.type === 'string') docstring = top[0];
  const after = lastImport ?? future ?? docstring;
  if (after) return insertAt(after.endPosition.row + 1, 0, `from ${module} import ${name}\n`);
  return insertAt(0, 0, `from ${module} import ${name}\n`);
}

/** `1234567` -> "1,234,567"; big numbers as "2.6e12". Locale-independent, for messages. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return 'infinitely many';
  if (n < 1e7) return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const exponent = Math.floor(Math.log10(n));
  return `${(n / 10 ** exponent).toFixed(1)}e${exponent}`;
}
