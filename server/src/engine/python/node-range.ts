// The one node-to-range conversion. tree-sitter's web build reports columns in UTF-16 code units,
// which is what LSP ranges use, so a node's points are its range as they are.
import type { Range } from '../types';
import type { SyntaxNode } from './parser';

export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}
