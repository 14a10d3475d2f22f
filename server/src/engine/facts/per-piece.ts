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

/** Per collector, each piece's part and the context it was derived in (as a number: see contextId). */
const partsByCollector = new Map<string, WeakMap<IndexEntries, { context: number; value: unknown }>>();

function partsOf(collector: string): WeakMap<IndexEntries, { context: number; value: unknown }> {
  let parts = partsByCollector.get(collector);
  if (!parts) partsByCollector.set(collector, (parts = new WeakMap()));
  return parts;
}

/**
 * A number per distinct context string, so a piece's check is a number comparison (a context can
 * name every strategy class of a file). Bounded: past the limit numbering starts again, which
 * only costs parts derived again (a new number never equals one kept).
 */
const contextIds = new Map<string, number>();
let nextContextId = 1;

function contextId(context: string): number {
  let id = contextIds.get(context);
  if (id === undefined) {
    if (contextIds.size >= 1000) contextIds.clear();
    contextIds.set(context, (id = nextContextId++));
  }
  return id;
}

/**
 * `derive` applied to each piece of `index`, in document order. `collector` names the derivation
 * (one piece holds the parts of several collectors); `context` is everything else the
 * derivation reads, written as a string. An index without pieces is one piece, derived afresh.
 */
export function perPiece<T>(index: SyntaxIndex, collector: string, context: string, derive: (piece: IndexEntries) => T): T[] {
  if (!index.pieces) return [derive(index)];
  const parts = partsOf(collector);
  const id = contextId(context);
  const out: T[] = [];
  for (const piece of index.pieces) {
    const part = parts.get(piece);
    if (part && part.context === id) out.push(part.value as T);
    else {
      const value = derive(piece);
      parts.set(piece, { context: id, value });
      out.push(value);
    }
  }
  return out;
}

const DEFINITIONS = new Set(['class_definition', 'function_definition', 'decorated_definition']);

/**
 * `derive` applied to each top-level statement of `index` that `wanted` accepts, in document order,
 * on a view of the index holding the module-level code's entries (every top-level statement but
 * class and function definitions) and then that statement's; `derive` also gets the statement's node.
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
  const id = contextId(`${context}|${envIds.join(',')}`);
  const parts = partsOf(collector);
  const out: T[] = [];
  // The module-level code's entries, joined once, on the first statement to derive.
  let env: SyntaxIndex | undefined;
  // A file of one definition (a strategy file is usually one class) is its own view: no copy.
  const definitions = isEnv.filter((e) => !e).length;
  statements.forEach((statement, at) => {
    if (!wanted(statement)) return;
    const part = parts.get(statement);
    if (part && part.context === id) out.push(part.value as T);
    else {
      const whole = definitions <= 1;
      if (!whole) env ??= viewOf(index, statements.filter((_, i) => isEnv[i]));
      const value = derive(whole ? index : isEnv[at] ? env! : withStatement(env!, statement), index.root.children[at]);
      parts.set(statement, { context: id, value });
      out.push(value);
    }
  });
  return out;
}

const LISTS = ['classes', 'functions', 'calls', 'assignments', 'numbers', 'subscripts', 'comments', 'attributes'] as const;

/** The module-level code's view with one definition's entries after it (the collectors read it in any order). */
function withStatement(env: SyntaxIndex, statement: IndexEntries): SyntaxIndex {
  const view: SyntaxIndex = { ...env, callsById: new Map(env.callsById) };
  for (const key of LISTS) (view[key] as unknown[]) = (env[key] as unknown[]).concat(statement[key] as unknown[]);
  for (const site of statement.calls) view.callsById.set(site.node.id, site);
  return view;
}

/** A set of names as part of a context string: the same names in any order spell the same. */
export function namesKey(names: Iterable<string>): string {
  return [...names].sort().join(',');
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

/** The index as if it held only `statements` (imports, root and tree stay the file's). */
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
    for (const key of LISTS) {
      const into = view[key] as unknown[];
      // One push per entry: a spread of a long list would pass each entry as an argument.
      for (const entry of entries[key] as unknown[]) into.push(entry);
    }
  }
  for (const site of view.calls) view.callsById.set(site.node.id, site);
  return view;
}
