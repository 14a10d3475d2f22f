// The syntax tree the engine reads: a plain JavaScript copy of tree-sitter's tree, made in one
// cursor walk right after parsing. Every property read on a web-tree-sitter node is a call into
// wasm; the index, the facts and the dataflow read nodes hundreds of thousands of times per lint,
// so they read this copy instead. The copy also outlives the wasm tree (freeing the tree cannot
// invalidate a node a cache or a finding still holds), which is what lets later passes reuse
// results between document versions.
//
// It offers the subset of web-tree-sitter's Node interface the engine uses, with the same
// meaning: `children` includes anonymous tokens and comments, fields are tree-sitter's field
// names, positions count rows at '\n' and columns in UTF-16 code units, as tree-sitter's do.
import type { Tree } from 'web-tree-sitter';
import { walkCursor, type WalkCursor } from './cursor-fast';

export interface Point {
  row: number;
  column: number;
}

/** What every node of one tree shares: the text, line starts and the grammar's names. */
interface TreeSource {
  text: string;
  /** Offsets where each row starts (after each '\n'), computed on first use. */
  lineStarts?: number[];
  fieldNames: readonly (string | null)[];
  fieldIds: ReadonlyMap<string, number>;
  /** The next node id: ids stay unique when subtrees of an earlier copy are reused. */
  nextId: number;
}

const NO_CHILDREN: readonly SyntaxNode[] = Object.freeze([]) as readonly SyntaxNode[];

/**
 * Where the nodes of one top-level statement (or the root, or one member of a top-level class's
 * body) stand: their text and how far they moved since they were copied. Every node of the
 * statement shares it, so taking a statement over into a later copy moves it in one write
 * instead of one per node. A class statement's anchor lists its members' anchors, which move
 * with it.
 */
interface Anchor {
  source: TreeSource;
  delta: number;
  members?: Anchor[];
}

export class SyntaxNode {
  /** @internal */
  anchor: Anchor;
  parent: SyntaxNode | null = null;
  children: SyntaxNode[] = NO_CHILDREN as SyntaxNode[];
  /** Field id of each child (0 = none), parallel to `children`; absent when no child has one. */
  private childFields?: number[];
  private namedCache?: SyntaxNode[];
  /** Set while the tree is copied: an ERROR or MISSING node marks its ancestors (no recursion). */
  private containsError = false;
  private indexInParent = 0;

  constructor(
    /** Shared by the nodes of one top-level statement; moved when a later copy reuses it. */
    anchor: Anchor,
    /** Unique within its tree, stable for the tree's life. */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    /** Offsets in the text the node was copied from; `anchor.delta` moves them to the current one. */
    private readonly copiedStart: number,
    private readonly copiedEnd: number,
  ) {
    this.anchor = anchor;
  }

  /** The document's text and grammar names. */
  get source(): TreeSource {
    return this.anchor.source;
  }

  get startIndex(): number {
    return this.copiedStart + this.anchor.delta;
  }

  get endIndex(): number {
    return this.copiedEnd + this.anchor.delta;
  }

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  /** True when this node or a descendant is an ERROR or MISSING node (tree-sitter's hasError). */
  get hasError(): boolean {
    return this.containsError;
  }

  get startPosition(): Point {
    return pointAt(this.source, this.startIndex);
  }

  get endPosition(): Point {
    return pointAt(this.source, this.endIndex);
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildren(): SyntaxNode[] {
    this.namedCache ??= this.children.filter((c) => c.isNamed);
    return this.namedCache;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): SyntaxNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): SyntaxNode | null {
    const named = this.namedChildren;
    return named[named.length - 1] ?? null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.parent?.children[this.indexInParent + 1] ?? null;
  }

  get previousSibling(): SyntaxNode | null {
    return this.parent?.children[this.indexInParent - 1] ?? null;
  }

  get nextNamedSibling(): SyntaxNode | null {
    const siblings = this.parent?.children ?? [];
    for (let i = this.indexInParent + 1; i < siblings.length; i++) if (siblings[i].isNamed) return siblings[i];
    return null;
  }

  get previousNamedSibling(): SyntaxNode | null {
    const siblings = this.parent?.children ?? [];
    for (let i = this.indexInParent - 1; i >= 0; i--) if (siblings[i].isNamed) return siblings[i];
    return null;
  }

  /** The first child in the field (tree-sitter's childForFieldName). */
  childForFieldName(name: string): SyntaxNode | null {
    if (!this.childFields) return null;
    const id = this.source.fieldIds.get(name);
    if (id === undefined) return null;
    const at = this.childFields.indexOf(id);
    return at < 0 ? null : this.children[at];
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    if (!this.childFields) return [];
    const id = this.source.fieldIds.get(name);
    if (id === undefined) return [];
    return this.children.filter((_, i) => this.childFields![i] === id);
  }

  /** The field name of a child of this node, if it has one. */
  fieldNameForChild(index: number): string | null {
    const id = this.childFields?.[index] ?? 0;
    return id > 0 ? this.source.fieldNames[id] ?? null : null;
  }

  /** Every descendant (pre-order, this node included) whose type is one of `types`. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [this];
    while (stack.length) {
      const node = stack.pop()!;
      if (wanted.includes(node.type)) out.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
    return out;
  }

  /** The smallest descendant that spans [start, end] (tree-sitter's descendantForIndex). */
  descendantForIndex(start: number, end = start): SyntaxNode {
    let node: SyntaxNode = this;
    for (;;) {
      // As tree-sitter: the child must start at or before the range and end past its start.
      const inner = node.children.find((c) => c.startIndex <= start && end <= c.endIndex && start < c.endIndex);
      if (!inner) return node;
      node = inner;
    }
  }

  /** The smallest descendant that spans a point (row, UTF-16 column). */
  descendantForPosition(point: Point): SyntaxNode {
    const starts = (this.source.lineStarts ??= lineStartsOf(this.source.text));
    const row = Math.min(Math.max(point.row, 0), starts.length - 1);
    return this.descendantForIndex(Math.min(starts[row] + Math.max(point.column, 0), this.source.text.length));
  }

  /** The child of this node that is, or contains, `descendant`. */
  childWithDescendant(descendant: SyntaxNode): SyntaxNode | null {
    let node: SyntaxNode | null = descendant;
    while (node && node.parent !== this) node = node.parent;
    return node;
  }

  equals(other: SyntaxNode | null | undefined): boolean {
    return other === this;
  }

  toString(): string {
    return this.type;
  }

  /**
   * Copies the subtree at the cursor (which ends where it started). `reuse` may hand back an
   * earlier copy of a top-level statement, or of a member of a top-level class's body, instead
   * of walking it again.
   */
  static mirror(cursor: WalkCursor, source: TreeSource, tables: GrammarTables, reuse?: Reuser): SyntaxNode {
    // Inside a top-level statement tree-sitter says has an error, every node asks tree-sitter:
    // a MISSING token the grammar hides (Python's `_newline`) is invisible to the cursor, so
    // marking ancestors of the visible error nodes is not enough there.
    let precise = false;
    const make = (anchor: Anchor): SyntaxNode => {
      const typeId = cursor.typeId();
      const start = cursor.startIndex();
      const end = cursor.endIndex();
      // Only zero-width nodes can be MISSING: skip the extra wasm call for the rest.
      const missing = start === end && cursor.isMissing();
      const node = new SyntaxNode(anchor, source.nextId++, tables.types[typeId] ?? 'ERROR', tables.named[typeId] ?? true, missing, start, end);
      node.containsError = precise ? cursor.withPublic((c) => c.currentNode.hasError) : missing;
      return node;
    };
    const attach = (parent: SyntaxNode, node: SyntaxNode, field: number) => {
      node.parent = parent;
      // As tree-sitter: a MISSING node has an error, an ERROR node has one when it has children,
      // and either makes every ancestor have one (already exact where tree-sitter was asked).
      if (!precise && (node.containsError || node.isMissing || node.type === 'ERROR' || parent.type === 'ERROR')) {
        for (let up: SyntaxNode | null = parent; up && !up.containsError; up = up.parent) up.containsError = true;
      }
      if (parent.children === NO_CHILDREN) parent.children = [];
      node.indexInParent = parent.children.length;
      parent.children.push(node);
      if (field) {
        parent.childFields ??= new Array<number>(node.indexInParent).fill(0);
        parent.childFields[node.indexInParent] = field;
      } else if (parent.childFields) parent.childFields.push(0);
    };
    const root = make({ source, delta: 0 });
    root.containsError = cursor.withPublic((c) => c.currentNode.hasError);
    const stack: SyntaxNode[] = [root];
    if (!cursor.gotoFirstChild()) return root;
    let statementAnchor: Anchor = root.anchor;
    for (;;) {
      const parent = stack[stack.length - 1];
      const field = cursor.fieldId();
      const type = tables.types[cursor.typeId()] ?? 'ERROR';
      let reused: SyntaxNode | undefined;
      let anchor = parent.anchor;
      if (stack.length === 1) {
        precise = cursor.withPublic((c) => c.currentNode.hasError);
        anchor = statementAnchor = { source, delta: 0 };
        // Only an error-free statement parses the same wherever it stands: error recovery may
        // put a MISSING node inside text that did not change.
        if (reuse && !precise) reused = reuse.statement(cursor.startIndex(), cursor.endIndex(), type);
      } else if (isClassMember(stack)) {
        anchor = { source, delta: 0 };
        (statementAnchor.members ??= []).push(anchor);
        // A member of a class body parses the same at the same column, when it has no error.
        if (reuse && !(precise && cursor.withPublic((c) => c.currentNode.hasError))) reused = reuse.member(cursor.startIndex(), cursor.endIndex(), type);
        if (reused) statementAnchor.members[statementAnchor.members.length - 1] = reused.anchor;
      }
      const node = reused ?? make(anchor);
      attach(parent, node, field);
      if (!reused && cursor.gotoFirstChild()) {
        stack.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        stack.pop();
        if (stack.length === 0) return root;
      }
    }
  }

  /** Moves a reused statement (with its members, for a class) onto the new text: offsets shift by `delta`. */
  static rebase(anchor: Anchor, delta: number, source: TreeSource): void {
    anchor.delta += delta;
    anchor.source = source;
    for (const member of anchor.members ?? []) SyntaxNode.rebase(member, delta, source);
  }
}

/** What a copy may take over from the previous one. */
interface Reuser {
  statement(start: number, end: number, type: string): SyntaxNode | undefined;
  member(start: number, end: number, type: string): SyntaxNode | undefined;
}

/** The body of a top-level class (`class C:` or a decorated one): its children are members. */
function isClassMember(stack: readonly SyntaxNode[]): boolean {
  const depth = stack.length;
  if (depth !== 3 && depth !== 4) return false;
  if (stack[depth - 1].type !== 'block' || stack[depth - 2].type !== 'class_definition') return false;
  return depth === 3 || stack[1].type === 'decorated_definition';
}

/** The members of a previous copy's top-level classes, with the statement each stands in. */
function classMembers(statement: SyntaxNode): SyntaxNode[] {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type !== 'class_definition') return [];
  return definition.childForFieldName('body')?.children ?? [];
}

function pointAt(source: TreeSource, offset: number): Point {
  const starts = (source.lineStarts ??= lineStartsOf(source.text));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo] };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface GrammarTables {
  types: readonly string[];
  named: boolean[];
  fieldIds: Map<string, number>;
}

const grammarTables = new WeakMap<object, GrammarTables>();

/**
 * The JavaScript copy of a parsed tree, for the text it was parsed from. With the copy of the
 * document's previous version, top-level statements whose text did not change are taken over
 * (shifted to their new offsets) instead of walked again: an edit re-copies only the statements
 * it touched. A top-level statement parses the same wherever it stands (it starts at column 0
 * with no open bracket or indentation), so equal text and type give an equal subtree; statements
 * with syntax errors are always copied afresh. The previous copy must not be read afterwards.
 */
export function mirrorTree(tree: Tree, text: string, previous?: SyntaxNode): SyntaxNode {
  const language = tree.language;
  let tables = grammarTables.get(language);
  if (!tables) {
    const fieldIds = new Map<string, number>();
    language.fields.forEach((name, id) => name && id > 0 && fieldIds.set(name, id));
    tables = { types: language.types, named: language.types.map((_, id) => language.nodeTypeIsNamed(id)), fieldIds };
    grammarTables.set(language, tables);
  }
  const source: TreeSource = { text, fieldNames: language.fields, fieldIds: tables.fieldIds, nextId: previous ? previous.source.nextId : 0 };
  const cursor = tree.walk();
  const walk = walkCursor(tree, cursor);
  try {
    return SyntaxNode.mirror(walk, source, tables, previous ? reuser(previous, text, source) : undefined);
  } finally {
    walk.finish();
    cursor.delete();
  }
}

/**
 * Finds unchanged top-level statements, and unchanged members of top-level classes, of the
 * previous copy by their text. A statement is taken whole or dismantled for its members, never
 * both: one node never stands in two trees.
 */
function reuser(previous: SyntaxNode, text: string, source: TreeSource): Reuser {
  const oldText = previous.source.text;
  const statements = byLength(previous.children.filter((c) => !c.hasError && !c.isMissing));
  const owners = new Map<SyntaxNode, SyntaxNode>();
  /** Statements taken whole (their members are not offered), and classes a member was taken from. */
  const takenWhole = new Set<SyntaxNode>();
  const dismantled = new Set<SyntaxNode>();
  let members: Map<number, SyntaxNode[]> | undefined;
  const unchanged = (candidate: SyntaxNode, start: number, type: string) => candidate.type === type && text.startsWith(oldText.slice(candidate.startIndex, candidate.endIndex), start);
  const columnOf = (offset: number, of: string) => offset - (of.lastIndexOf('\n', offset - 1) + 1);
  return {
    statement(start, end, type) {
      const candidates = statements.get(end - start);
      const at = candidates?.findIndex((c) => !dismantled.has(c) && unchanged(c, start, type)) ?? -1;
      if (at < 0) return undefined;
      const [node] = candidates!.splice(at, 1);
      takenWhole.add(node);
      SyntaxNode.rebase(node.anchor, start - node.startIndex, source);
      return node;
    },
    member(start, end, type) {
      if (!members) {
        const all: SyntaxNode[] = [];
        for (const statement of previous.children) {
          for (const member of classMembers(statement)) {
            if (member.hasError || member.isMissing) continue;
            all.push(member);
            owners.set(member, statement);
          }
        }
        members = byLength(all);
      }
      const candidates = members.get(end - start);
      const column = columnOf(start, text);
      const at = candidates?.findIndex((c) => !takenWhole.has(owners.get(c)!) && unchanged(c, start, type) && columnOf(c.startIndex, oldText) === column) ?? -1;
      if (at < 0) return undefined;
      const [node] = candidates!.splice(at, 1);
      // Its class is dismantled: the class itself can no longer be taken whole.
      dismantled.add(owners.get(node)!);
      SyntaxNode.rebase(node.anchor, start - node.startIndex, source);
      return node;
    },
  };
}

function byLength(nodes: SyntaxNode[]): Map<number, SyntaxNode[]> {
  const out = new Map<number, SyntaxNode[]>();
  for (const node of nodes) {
    const length = node.endIndex - node.startIndex;
    const list = out.get(length);
    if (list) list.push(node);
    else out.set(length, [node]);
  }
  return out;
}
