// Entry point: Pine text -> tree. Never throws; positions are exact offsets into the text;
// anything the grammar does not know becomes an ERROR node and parsing goes on.
import { Cursor } from './cursor';
import { tokenize } from './lexer';
import { parseStatements } from './statements';
import { PineSource, type PineNode, type PineTree } from './tree';

const VERSION = /^\/\/\s*@version\s*=\s*(\d+)/;

export function parsePine(text: string): PineTree {
  const source = new PineSource(text);
  const { tokens, comments } = tokenize(text);
  const cursor = new Cursor(tokens, source);
  const root = cursor.node('source_file', 0, text.length);
  parseStatements(cursor, root);
  // A stray dedent can only follow an error; keep parsing what comes after it.
  while (!cursor.is('eof')) {
    const before = cursor.pos;
    if (cursor.is('dedent') || cursor.is('newline') || cursor.is('indent')) cursor.next();
    parseStatements(cursor, root);
    if (cursor.pos === before) cursor.next();
  }
  const commentNodes = comments.map((t) => cursor.node('comment', t.start, t.end));
  attachComments(root, commentNodes);
  let version: number | undefined;
  for (const comment of commentNodes) {
    const match = VERSION.exec(comment.text);
    if (match) { version = Number(match[1]); break; }
  }
  root.startIndex = 0;
  root.endIndex = text.length;
  return { rootNode: root, source, version, comments: commentNodes, errors: cursor.errors };
}

/**
 * Comments go under the deepest node holding them, in source order, so hovers find them. Grouped
 * by parent and merged once per parent: splicing one at a time is quadratic on big files.
 */
function attachComments(root: PineNode, comments: PineNode[]): void {
  const byParent = new Map<PineNode, PineNode[]>();
  for (const comment of comments) {
    let parent = root;
    for (;;) {
      const i = lastStartingAtOrBefore(parent.children, comment.startIndex);
      const inner = i >= 0 ? parent.children[i] : undefined;
      if (!inner || comment.endIndex > inner.endIndex) break;
      parent = inner;
    }
    comment.parent = parent;
    const list = byParent.get(parent) ?? [];
    list.push(comment);
    byParent.set(parent, list);
  }
  for (const [parent, list] of byParent) {
    const merged: PineNode[] = [];
    let i = 0;
    for (const child of parent.children) {
      while (i < list.length && list[i].startIndex < child.startIndex) merged.push(list[i++]);
      merged.push(child);
    }
    while (i < list.length) merged.push(list[i++]);
    parent.children.length = 0;
    for (const node of merged) parent.children.push(node);
  }
}

/** Children are in source order: binary search keeps big files linear-ish. */
function lastStartingAtOrBefore(children: PineNode[], offset: number): number {
  let lo = 0;
  let hi = children.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid].startIndex <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
