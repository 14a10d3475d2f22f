// Open Python documents with their tree-sitter trees, re-parsed incrementally from LSP content
// changes (tree.edit + parse(old)) and freed when replaced or closed.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { Edit, parsePython, type Tree } from './engine/python/parser';
import { parserText } from './engine/text';

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
        // Clamp out-of-range positions (clients do send them) to the document and order a reversed
        // range before TextDocument sees them: lines past the end corrupt its line bookkeeping, and
        // every later edit then lands at the wrong offset.
        const a = before.offsetAt(change.range.start);
        const b = before.offsetAt(change.range.end);
        const startOffset = Math.min(a, b);
        const endOffset = Math.max(a, b);
        const range = { start: before.positionAt(startOffset), end: before.positionAt(endOffset) };
        // The tree was parsed from parserText(): a CR just before the edit may turn from LF into CR
        // (or back) as its next character changes, so the tree's edit must cover it.
        const editStart = startOffset > 0 && before.getText().charCodeAt(startOffset - 1) === 13 ? startOffset - 1 : startOffset;
        // Points of the old text, taken before TextDocument.update mutates `before` in place.
        const startPosition = pointAt(before, editStart);
        const oldEndPosition = pointAt(before, endOffset);
        const after = TextDocument.update(before, [{ range, text: change.text }], version);
        if (entry.tree) {
          const newEndOffset = startOffset + change.text.length;
          entry.tree.edit(new Edit({
            startIndex: editStart,
            oldEndIndex: endOffset,
            newEndIndex: newEndOffset,
            startPosition,
            oldEndPosition,
            newEndPosition: pointAt(after, newEndOffset),
          }));
          // A client that repeats a version number must not get the edited-but-unparsed tree.
          entry.treeVersion = -2;
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
    const next = parsePython(parserText(entry.document.getText()), entry.tree);
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

/** tree-sitter point of an offset: LSP line, column counted from the line start (inside a CRLF too). */
function pointAt(document: TextDocument, offset: number): { row: number; column: number } {
  const { line } = document.positionAt(offset);
  return { row: line, column: offset - document.offsetAt({ line, character: 0 }) };
}
