// Glossary hovers: identifiers, keyword arguments and attribute names that confidently name a
// term; phrases in comments and docstrings; keys in result files (JSON and CSV headers).
import { getLocation } from 'jsonc-parser';
import type { Position, Range } from 'vscode-languageserver';
import { getTerm, type GlossaryTerm } from './engine/glossary/glossary';
import { matchIdentifier, matchPhrase, matchResultKey } from './engine/glossary/match';
import { renderTermMarkdown } from './engine/glossary/render';
import type { SyntaxNode } from './engine/python/parser';
import { LineIndex } from './engine/text';
import type { DocumentLint } from './lint-service';

export interface TermHover {
  markdown: string;
  range?: Range;
}

function rangeOfNode(node: SyntaxNode): Range {
  return { start: { line: node.startPosition.row, character: node.startPosition.column }, end: { line: node.endPosition.row, character: node.endPosition.column } };
}

function hover(term: GlossaryTerm | undefined, range: Range): TermHover | undefined {
  return term ? { markdown: renderTermMarkdown(term), range } : undefined;
}

/** A term for the Python construct under the cursor, if it confidently names one. */
export function pythonTermHover(lint: DocumentLint, position: Position): TermHover | undefined {
  const output = lint.output;
  if (!output) return undefined;
  const node = output.index.root.descendantForPosition({ row: position.line, column: position.character });
  if (!node) return undefined;
  if (node.type === 'identifier') return hover(matchIdentifier(node.text), rangeOfNode(node));
  if (node.type === 'comment' || node.type === 'string_content') {
    const start = output.lines.offsetAt(rangeOfNode(node).start);
    const offset = output.lines.offsetAt(position) - start;
    // A short string literal such as dataframe["max_drawdown"] is a key; longer text is prose.
    if (node.type === 'string_content' && !/\s/.test(node.text)) return hover(matchResultKey(node.text), rangeOfNode(node));
    const match = matchPhrase(node.text, offset);
    if (!match) return undefined;
    return hover(match.term, output.lines.rangeOf(start + match.start, start + match.end));
  }
  return undefined;
}

/** A term for the JSON property key under the cursor (result files). */
export function jsonKeyHover(text: string, position: Position): TermHover | undefined {
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(position);
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (!location.isAtPropertyKey || !node || typeof node.value !== 'string') return undefined;
  return hover(matchResultKey(node.value), lines.rangeOf(node.offset, node.offset + node.length));
}

/** A term for the CSV header cell under the cursor. */
export function csvHeaderHover(text: string, position: Position): TermHover | undefined {
  if (position.line !== 0) return undefined;
  const lines = new LineIndex(text);
  const header = lines.lineText(0);
  let start = 0;
  for (const cell of header.split(',')) {
    const end = start + cell.length;
    if (position.character >= start && position.character <= end) {
      const key = cell.trim().replace(/^"|"$/g, '');
      return hover(matchResultKey(key), { start: { line: 0, character: start }, end: { line: 0, character: end } });
    }
    start = end + 1;
  }
  return undefined;
}

/** Glossary sections for a rule's terms, appended under its doc in a diagnostic hover. */
export function ruleTermsMarkdown(ids: string[]): string {
  const terms = ids.map((id) => getTerm(id)).filter((t): t is GlossaryTerm => t !== undefined);
  if (terms.length === 0) return '';
  return '### Glossary\n\n' + terms.map((t) => renderTermMarkdown(t, { omitRelated: true })).join('\n\n');
}
