// Open Python documents with their tree-sitter trees, re-parsed incrementally from LSP content
// changes (tree.edit + parse(old)) and freed when replaced or closed.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { Edit, parsePython, type Tree } from './engine/python/parser';

export interface OpenDocument {
  document: TextDocument;
  tree?: Tree;
  /** Version the tree was parsed at; a stale tree is re-parsed lazily. */
  treeVersion: number;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const entry: OpenDocument = { document: TextDocument.create(uri, languageId, version, text), treeVersion: -1 };
    this.docs.set(uri, entry);
    return entry;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  /** Applies changes in order, keeping the old tree's edits in step so the next parse is incremental. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    for (const change of changes) {
      const before = entry.document;
      if ('range' in change && change.range) {
        // Clamp out-of-range edits (clients do send them) to the document, as TextDocument does.
        const startOffset = before.offsetAt(change.range.start);
        const endOffset = Math.max(startOffset, before.offsetAt(change.range.end));
        const after = TextDocument.update(before, [change], version);
        if (entry.tree && entry.treeVersion >= 0) {
          const newEnd = after.positionAt(startOffset + change.text.length);
          entry.tree.edit(new Edit({
            startIndex: startOffset,
            oldEndIndex: endOffset,
            newEndIndex: startOffset + change.text.length,
            startPosition: toPoint(before.positionAt(startOffset)),
            oldEndPosition: toPoint(before.positionAt(endOffset)),
            newEndPosition: toPoint(newEnd),
          }));
        }
        entry.document = after;
      } else {
        entry.document = TextDocument.update(before, [change], version);
        this.dropTree(entry);
      }
    }
    return entry;
  }

  /** The tree for the document's current version, parsing incrementally when possible. */
  treeFor(entry: OpenDocument): Tree {
    const version = entry.document.version;
    if (entry.tree && entry.treeVersion === version) return entry.tree;
    const next = parsePython(entry.document.getText(), entry.tree);
    entry.tree?.delete();
    entry.tree = next;
    entry.treeVersion = version;
    return next;
  }

  close(uri: string): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    this.dropTree(entry);
    this.docs.delete(uri);
  }

  private dropTree(entry: OpenDocument): void {
    entry.tree?.delete();
    entry.tree = undefined;
    entry.treeVersion = -1;
  }
}

function toPoint(position: { line: number; character: number }): { row: number; column: number } {
  return { row: position.line, column: position.character };
}
