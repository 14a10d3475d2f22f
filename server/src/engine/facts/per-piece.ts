// What a collector derives from one piece of the index (a top-level statement, a class's own
// entries, one member of a class; SyntaxIndex.pieces), kept with that piece: the copy hands the
// next version the same piece object for code that did not change, so a keystroke in one method
// derives that method's part again and takes every other part as it was.
//
// A part may depend only on the piece's entries (and the nodes below them) and on what `context`
// spells out; two versions that spell the same context and hold the same piece get the same part.
// Parts hold nodes, never offsets or line numbers: a reused piece's nodes move with the edit.
import type { SyntaxNode } from '../python/parser';
import type { IndexEntries, SyntaxIndex } from '../python/syntax-index';

const parts = new WeakMap<IndexEntries, Map<string, { context: string; value: unknown }>>();

/**
 * `derive` applied to each piece of `index`, in document order. `collector` names the derivation
 * (one piece holds the parts of several collectors); `context` is everything else the
 * derivation reads, written as a string. An index without pieces is one piece, derived afresh.
 */
export function perPiece<T>(index: SyntaxIndex, collector: string, context: string, derive: (piece: IndexEntries) => T): T[] {
  if (!index.pieces) return [derive(index)];
  const out: T[] = [];
  for (const piece of index.pieces) {
    let kept = parts.get(piece);
    if (!kept) parts.set(piece, (kept = new Map()));
    const part = kept.get(collector);
    if (part && part.context === context) out.push(part.value as T);
    else {
      const value = derive(piece);
      kept.set(collector, { context, value });
      out.push(value);
    }
  }
  return out;
}

const DEFINITIONS = new Set(['class_definition', 'function_definition', 'decorated_definition']);

/**
 * `derive` applied to each top-level statement of `index` that `wanted` accepts, in document order,
 * on a view of the index holding that statement's entries and the module-level code's (every
 * top-level statement but class and function definitions); `derive` also gets the statement's node.
 * The module-level code is part of the context: an edit there derives every part again.
 */
export function perStatement<T>(
  index: SyntaxIndex,
  collector: string,
  context: string,
  wanted: (entries: IndexEntries) => boolean,
  derive: (view: SyntaxIndex, statement: SyntaxNode | undefined) => T,
): T[] {
  if (!index.statements) return [derive(index, undefined)];
  const statements = index.statements;
  const isEnv = index.root.children.map((node) => !DEFINITIONS.has(node.type));
  const envIds = statements.filter((_, i) => isEnv[i]).map(identityOf);
  const fullContext = `${context}|${envIds.join(',')}`;
  const out: T[] = [];
  statements.forEach((statement, at) => {
    if (!wanted(statement)) return;
    let kept = parts.get(statement);
    if (!kept) parts.set(statement, (kept = new Map()));
    const part = kept.get(collector);
    if (part && part.context === fullContext) out.push(part.value as T);
    else {
      const value = derive(viewOf(index, statements.filter((_, i) => i === at || isEnv[i])), index.root.children[at]);
      kept.set(collector, { context: fullContext, value });
      out.push(value);
    }
  });
  return out;
}

/** Whether `node` lies inside `statement` (always, when there is no statement: the whole file). */
export function within(node: SyntaxNode, statement: SyntaxNode | undefined): boolean {
  return !statement || (node.startIndex >= statement.startIndex && node.endIndex <= statement.endIndex);
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function identityOf(piece: object): number {
  let id = identities.get(piece);
  if (id === undefined) identities.set(piece, (id = nextIdentity++));
  return id;
}

/** The index as if it held only `statements`, in document order (imports, root and tree stay the file's). */
function viewOf(index: SyntaxIndex, statements: IndexEntries[]): SyntaxIndex {
  const view: SyntaxIndex = {
    tree: index.tree,
    root: index.root,
    imports: index.imports,
    importedModules: index.importedModules,
    hasSyntaxErrors: index.hasSyntaxErrors,
    lineComment: index.lineComment,
    classes: [], functions: [], calls: [], callsById: new Map(), assignments: [], numbers: [], subscripts: [], comments: [], attributes: [],
  };
  for (const entries of statements) {
    for (const key of ['classes', 'functions', 'calls', 'assignments', 'numbers', 'subscripts', 'comments', 'attributes'] as const) {
      (view[key] as unknown[]).push(...(entries[key] as unknown[]));
    }
  }
  for (const site of view.calls) view.callsById.set(site.node.id, site);
  return view;
}
