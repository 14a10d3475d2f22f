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
  for (const comment of commentNodes) attachComment(root, comment);
  let version: number | undefined;
  for (const comment of commentNodes) {
    const match = VERSION.exec(comment.text);
    if (match) { version = Number(match[1]); break; }
  }
  root.startIndex = 0;
  root.endIndex = text.length;
  return { rootNode: root, source, version, comments: commentNodes, errors: cursor.errors };
}

/** Comments go under the deepest block holding them, in order, so hovers find them. */
function attachComment(root: PineNode, comment: PineNode): void {
  let parent = root;
  for (;;) {
    const i = lastStartingAtOrBefore(parent.children, comment.startIndex);
    const inner = i >= 0 ? parent.children[i] : undefined;
    if (!inner || inner.type === 'comment' || comment.endIndex > inner.endIndex) break;
    parent = inner;
  }
  comment.parent = parent;
  parent.children.splice(lastStartingAtOrBefore(parent.children, comment.startIndex) + 1, 0, comment);
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
