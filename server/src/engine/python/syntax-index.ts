// One walk over the tree-sitter tree collects every construct the fact collectors and rules look
// at, so rules and fact collectors read lists instead of each walking the whole tree again.
import type { Tree } from './parser';
import { mirrorTree, type SyntaxNode } from './syntax-tree';

export interface Scope {
  /** Innermost enclosing class, if any. */
  className?: string;
  /** Innermost enclosing function or method, if any. */
  functionName?: string;
  /** True inside a loop or comprehension of the innermost function or class (reset at each def). */
  inLoop: boolean;
}

export interface CallSite {
  node: SyntaxNode;
  /** Dotted text of the callee when it is a plain name chain (`np.arange`), else undefined. */
  callee?: string;
  /** The callee with its leading alias resolved through imports (`numpy.arange`). */
  qualifiedCallee?: string;
  /** Last segment of the callee (`arange`, `rolling`, `IntParameter`). */
  name: string;
  /** `x` in `x.method(...)`, when the callee is an attribute. */
  receiver?: SyntaxNode;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** The keyword_argument nodes, for fixes that edit or remove them. */
  keywordNodes: Map<string, SyntaxNode>;
  scope: Scope;
}

export interface ClassInfo {
  node: SyntaxNode;
  nameNode: SyntaxNode;
  name: string;
  /** Base class texts as written (`IStrategy`, `bt.Strategy`, `QCAlgorithm`). */
  bases: string[];
}

export interface FunctionInfo {
  node: SyntaxNode;
  nameNode: SyntaxNode;
  name: string;
  className?: string;
}

export interface AssignmentInfo {
  node: SyntaxNode;
  /** Target text (`buy_rsi`, `self.period`, `params`). */
  target: string;
  targetNode: SyntaxNode;
  value: SyntaxNode;
  scope: Scope;
}

export interface NumberLiteral {
  node: SyntaxNode;
  value: number;
  /** The comparison this literal is an operand of (directly or through arithmetic), if any. */
  comparison?: SyntaxNode;
  scope: Scope;
}

export interface SubscriptInfo {
  node: SyntaxNode;
  value: SyntaxNode;
  /** The subscript expression(s) between brackets. */
  index: SyntaxNode[];
  scope: Scope;
}

export interface CommentInfo {
  node: SyntaxNode;
  text: string;
}

export interface SyntaxIndex {
  tree: Tree;
  root: SyntaxNode;
  classes: ClassInfo[];
  functions: FunctionInfo[];
  calls: CallSite[];
  /** Call sites by tree-sitter node id, to go from a value node to its parsed call. */
  callsById: Map<number, CallSite>;
  assignments: AssignmentInfo[];
  numbers: NumberLiteral[];
  subscripts: SubscriptInfo[];
  comments: CommentInfo[];
  /** Attribute names read anywhere (`self.next_open` -> `next_open`), with their nodes. */
  attributes: { node: SyntaxNode; name: string; scope: Scope }[];
  /** alias -> fully qualified name (`np` -> `numpy`, `tts` -> `sklearn.model_selection.train_test_split`). */
  imports: Map<string, string>;
  /** Names bound by imports that come from a module (`IStrategy` -> `freqtrade.strategy`). */
  importedModules: Set<string>;
  hasSyntaxErrors: boolean;
  /** How a line comment starts (`#`; Pine's index says `//`), for edits that write directives. */
  lineComment?: string;
  /**
   * The entries again, cut into pieces in document order: each top-level statement, except that a
   * top-level class gives its own entries and then each member's. A piece the copy took over from
   * the previous version is the same object, so a collector can keep what it derived from a piece
   * with it (facts/per-piece.ts). Absent for indexes not built by buildSyntaxIndex (Pine's).
   */
  pieces?: readonly IndexEntries[];
  /** Each top-level statement's entries, one per `root.children`, the same object while the statement is taken over whole. */
  statements?: readonly IndexEntries[];
}

const LOOP_TYPES = new Set(['for_statement', 'while_statement', 'list_comprehension', 'generator_expression']);

export function dottedName(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute');
    const head = dottedName(object);
    return head && attr ? `${head}.${attr.text}` : undefined;
  }
  return undefined;
}

/** An index with nothing recorded yet, for a tree and its root (Python here, Pine in pine/). */
export function emptySyntaxIndex(tree: Tree, root: SyntaxNode, hasSyntaxErrors: boolean): SyntaxIndex {
  return {
    tree,
    root,
    classes: [],
    functions: [],
    calls: [],
    callsById: new Map(),
    assignments: [],
    numbers: [],
    subscripts: [],
    comments: [],
    attributes: [],
    imports: new Map(),
    importedModules: new Set(),
    hasSyntaxErrors,
  };
}

/**
 * The index of a parsed tree; `text` is the text it was parsed from. `previousRoot`, the root
 * of the same document's previous index, lets the copy reuse unchanged top-level statements
 * (that previous index must not be read afterwards), and the index reuse their entries.
 */
export function buildSyntaxIndex(tree: Tree, text: string, previousRoot?: SyntaxNode): SyntaxIndex {
  const root = mirrorTree(tree, text, previousRoot);
  const index = emptySyntaxIndex(tree, root, root.hasError);
  const leaves: IndexEntries[] = [];
  const statements: IndexEntries[] = [];
  index.pieces = leaves;
  index.statements = statements;
  // Top-level statements are indexed one by one: a statement the copy took over from the
  // previous version keeps its entries, unless the imports before it changed (they qualify callees).
  let importsKey = '';
  for (const statement of root.children) {
    let piece = pieces.get(statement);
    if (!piece || piece.importsKey !== importsKey) {
      piece = indexStatement(statement, index.imports, importsKey);
      pieces.set(statement, piece);
    } else {
      for (const [alias, name] of piece.imports) index.imports.set(alias, name);
    }
    for (const name of piece.importedModules) index.importedModules.add(name);
    for (const [alias, name] of piece.imports) importsKey += `${alias}=${name};`;
    for (const leaf of piece.leaves) appendEntries(index, leaf);
    append(leaves, piece.leaves);
    statements.push(statementEntries(piece));
  }
  for (const site of index.calls) index.callsById.set(site.node.id, site);
  return index;
}

/** What one top-level statement adds to the index, kept with the statement's copy. */
interface IndexPiece extends IndexEntries {
  /** The imports recorded before the statement when it was indexed. */
  importsKey: string;
  /** The imports the statement records, in order (`alias`, qualified name). */
  imports: [string, string][];
  importedModules: string[];
  /** Every identifier written in the statement (which definitions it mentions). */
  identifiers: Set<string>;
  /** Every attribute name read or written in it (`self.data` -> `data`). */
  attributeNames: Set<string>;
  /** The same entries cut at its members (SyntaxIndex.pieces): itself, or a class's own entries and each member's piece. */
  leaves: IndexEntries[];
}

const pieces = new WeakMap<SyntaxNode, IndexPiece>();

/**
 * The names a top-level statement refers to, or defines at the top level: every identifier but
 * an attribute's name (`self.next`), a keyword's name (`f(period=3)`), the name of a nested
 * definition (a method's `def next`), a class attribute being set, and, in a function's body,
 * the function's own parameters. Recorded while indexing; walked (more widely) for other trees.
 */
export function identifiersOf(statement: SyntaxNode): ReadonlySet<string> {
  const recorded = pieces.get(statement)?.identifiers;
  if (recorded) return recorded;
  const names = new Set<string>();
  const stack = [statement];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'identifier') {
      if (refersByName(node)) names.add(node.text);
    } else for (const child of node.children) stack.push(child);
  }
  return names;
}

/** A function's (or lambda's) parameter names and their declaring nodes, and where its body starts. */
function parametersOf(fn: SyntaxNode): { bodyStart: number; end: number; names: Set<string>; declarations: Set<SyntaxNode> } {
  const names = new Set<string>();
  const declarations = new Set<SyntaxNode>();
  const list = fn.childForFieldName('parameters');
  for (const p of list?.namedChildren ?? []) {
    // `x`, `x=1`, `x: int`, `x: int = 1`, `*args`, `**kwargs`.
    const name = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier');
    if (name?.type !== 'identifier') continue;
    names.add(name.text);
    declarations.add(name);
  }
  const body = fn.childForFieldName('body');
  return { bodyStart: body?.startIndex ?? fn.endIndex, end: fn.endIndex, names, declarations };
}

/** The attribute names a top-level statement uses (empty for a statement not indexed by buildSyntaxIndex). */
export function attributeNamesOf(statement: SyntaxNode): ReadonlySet<string> | undefined {
  return pieces.get(statement)?.attributeNames;
}

function refersByName(identifier: SyntaxNode): boolean {
  const parent = identifier.parent;
  if (!parent) return true;
  switch (parent.type) {
    case 'attribute':
      return parent.childForFieldName('attribute') !== identifier;
    case 'keyword_argument':
      return parent.childForFieldName('name') !== identifier;
    case 'assignment': {
      // A class attribute being set (`timeframe = "5m"` in a class body) names the class's own
      // attribute, not a module value.
      if (parent.childForFieldName('left') !== identifier) return true;
      const body = parent.parent?.type === 'expression_statement' ? parent.parent.parent : undefined;
      return !(body?.type === 'block' && body.parent?.type === 'class_definition');
    }
    case 'function_definition':
    case 'class_definition': {
      if (parent.childForFieldName('name') !== identifier) return true;
      const statement = parent.parent?.type === 'decorated_definition' ? parent.parent : parent;
      return isTopLevel(statement);
    }
    default:
      return true;
  }
}

/** The entries the index records, list by list: the index's, one statement's, one member's. */
export type IndexEntries = Pick<SyntaxIndex, 'classes' | 'functions' | 'calls' | 'assignments' | 'numbers' | 'subscripts' | 'comments' | 'attributes'>;

function appendEntries(into: IndexEntries, from: IndexEntries): void {
  append(into.classes, from.classes);
  append(into.functions, from.functions);
  append(into.calls, from.calls);
  append(into.assignments, from.assignments);
  append(into.numbers, from.numbers);
  append(into.subscripts, from.subscripts);
  append(into.comments, from.comments);
  append(into.attributes, from.attributes);
}

function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** Indexes one top-level statement; `imports` (the file's so far) gains the statement's imports. */
/** A scope frame, opened by a class/function/loop/comparison node and closed once past its end. */
interface Frame {
  end: number;
  scope: Scope;
  comparison?: SyntaxNode;
}

/**
 * Indexes one top-level statement (or one member of a top-level class, under its class's frame);
 * `imports` (the file's so far) gains what it imports. A class's members are pieces of their own,
 * kept with their copies: an edit inside one method re-indexes that method only.
 */
function indexStatement(statement: SyntaxNode, imports: Map<string, string>, importsKey: string, outer?: Frame): IndexPiece {
  const recorded: [string, string][] = [];
  const piece: IndexPiece = {
    importsKey, imports: recorded, importedModules: [], classes: [], functions: [], calls: [], assignments: [], numbers: [],
    subscripts: [], comments: [], attributes: [], identifiers: new Set(), attributeNames: new Set(), leaves: [],
  };
  let runningKey = importsKey;
  // Entries are recorded into the current segment: the piece itself until a member is met; then
  // the class's own entries and its members' become leaves (the piece's own lists stay empty: see statementEntries).
  let segment: IndexEntries = piece;
  const sink: IndexSink = {
    classes: piece.classes,
    functions: piece.functions,
    calls: piece.calls,
    assignments: piece.assignments,
    numbers: piece.numbers,
    subscripts: piece.subscripts,
    comments: piece.comments,
    attributes: piece.attributes,
    imports: {
      get: (alias) => imports.get(alias),
      set: (alias, name) => {
        imports.set(alias, name);
        recorded.push([alias, name]);
        runningKey += `${alias}=${name};`;
      },
    },
    importedModules: { add: (name) => void piece.importedModules.push(name) },
  };
  const recordInto = (entries: IndexEntries) => {
    segment = entries;
    sink.classes = entries.classes;
    sink.functions = entries.functions;
    sink.calls = entries.calls;
    sink.assignments = entries.assignments;
    sink.numbers = entries.numbers;
    sink.subscripts = entries.subscripts;
    sink.comments = entries.comments;
    sink.attributes = entries.attributes;
  };
  let membersMet = false;

  // Pre-order over the JavaScript copy: containers come before what they contain. Members of a
  // top-level class are not walked here but indexed as their own pieces, in their place.
  const nodes: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [statement];
  // The parameters of the functions the walk is inside, innermost last: a name a function's body
  // reads that is one of its own parameters never reads the module's value.
  const parameters: ReturnType<typeof parametersOf>[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (!outer && node !== statement && isClassMember(node)) {
      nodes.push(node);
      continue;
    }
    while (parameters.length && parameters[parameters.length - 1].end <= node.startIndex) parameters.pop();
    if (node.type === 'identifier') {
      const own = parameters[parameters.length - 1];
      const shadowed = own !== undefined && (own.declarations.has(node) || (node.startIndex >= own.bodyStart && own.names.has(node.text)));
      if (!shadowed && refersByName(node)) piece.identifiers.add(node.text);
    } else {
      if (INDEXED_TYPES.has(node.type)) nodes.push(node);
      if (node.type === 'function_definition' || node.type === 'lambda') parameters.push(parametersOf(node));
      else if (node.type === 'attribute') {
        const name = node.childForFieldName('attribute');
        if (name) piece.attributeNames.add(name.text);
      }
    }
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }

  const frames: Frame[] = [{ end: Infinity, scope: { inLoop: false } }];
  if (outer) frames.push(outer);
  for (const node of nodes) {
    const start = node.startIndex;
    const end = node.endIndex;
    while (frames.length > 1 && frames[frames.length - 1].end <= start) frames.pop();
    const frame = frames[frames.length - 1];
    if (!outer && isClassMember(node)) {
      const key = `${runningKey}|${frame.scope.className ?? ''}`;
      let member = pieces.get(node);
      if (!member || member.importsKey !== key) {
        member = indexStatement(node, imports, key, frame);
        pieces.set(node, member);
      } else {
        for (const [alias, name] of member.imports) imports.set(alias, name);
      }
      if (!membersMet) {
        // The entries recorded so far (the class's own) move out of the piece into a leaf.
        membersMet = true;
        const own = emptyEntries();
        appendEntries(own, piece);
        clearEntries(piece);
        piece.leaves.push(own);
      } else if (segment !== piece && hasEntries(segment)) {
        piece.leaves.push(segment);
        segment = piece; // a new segment is opened below
      }
      piece.leaves.push(member);
      // Entries between members open a segment; an empty one is kept for the next gap (most are empty).
      if (segment === piece) recordInto(emptyEntries());
      absorbMember(piece, member);
      for (const [alias, name] of member.imports) runningKey += `${alias}=${name};`;
      continue;
    }
    const pushed = visit(node, frame, sink);
    if (pushed) frames.push({ end, ...pushed });
  }
  if (!membersMet) piece.leaves.push(piece);
  // A class's lists stay empty: its entries are its leaves' (joined on demand, statementEntries).
  else if (segment !== piece && hasEntries(segment)) piece.leaves.push(segment);
  return piece;
}

/**
 * A top-level statement's entries: its piece, or for a class cut at its members the leaves joined
 * on first read of each list (a keystroke in a 70,000-line class must not copy every entry twice).
 * The same object while the piece is, as SyntaxIndex.statements promises.
 */
function statementEntries(piece: IndexPiece): IndexEntries {
  if (piece.leaves.length === 1 && piece.leaves[0] === piece) return piece;
  let joined = joinedStatements.get(piece);
  if (!joined) joinedStatements.set(piece, (joined = new JoinedEntries(piece.leaves)));
  return joined;
}

const joinedStatements = new WeakMap<IndexPiece, JoinedEntries>();

class JoinedEntries implements IndexEntries {
  private joined: Partial<IndexEntries> = {};

  constructor(private readonly leaves: readonly IndexEntries[]) {}

  private join<K extends keyof IndexEntries>(key: K): IndexEntries[K] {
    let list = this.joined[key];
    if (!list) {
      const out: unknown[] = [];
      for (const leaf of this.leaves) append(out, leaf[key] as unknown[]);
      this.joined[key] = list = out as IndexEntries[K];
    }
    return list as IndexEntries[K];
  }

  get classes() { return this.join('classes'); }
  get functions() { return this.join('functions'); }
  get calls() { return this.join('calls'); }
  get assignments() { return this.join('assignments'); }
  get numbers() { return this.join('numbers'); }
  get subscripts() { return this.join('subscripts'); }
  get comments() { return this.join('comments'); }
  get attributes() { return this.join('attributes'); }
}

function emptyEntries(): IndexEntries {
  return { classes: [], functions: [], calls: [], assignments: [], numbers: [], subscripts: [], comments: [], attributes: [] };
}

function clearEntries(entries: IndexEntries): void {
  for (const list of [entries.classes, entries.functions, entries.calls, entries.assignments, entries.numbers, entries.subscripts, entries.comments, entries.attributes]) list.length = 0;
}

function hasEntries(entries: IndexEntries): boolean {
  return [entries.classes, entries.functions, entries.calls, entries.assignments, entries.numbers, entries.subscripts, entries.comments, entries.attributes].some((list) => list.length > 0);
}

/** A member of a top-level class's body (a method, a class attribute, a comment between them). */
function isClassMember(node: SyntaxNode): boolean {
  const body = node.parent;
  const definition = body?.parent;
  if (body?.type !== 'block' || definition?.type !== 'class_definition') return false;
  const statement = definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
  return isTopLevel(statement);
}

/**
 * A statement directly under the root. The root is a `module`, or an `ERROR` when tree-sitter
 * cannot make one of the file (a file that ends inside an unclosed bracket, while it is typed);
 * its children are the top-level statements either way.
 */
export function isTopLevel(statement: SyntaxNode): boolean {
  const parent = statement.parent;
  return parent !== null && parent.parent === null;
}

/** Adds what a member records besides entries (imports, names) to its class statement's piece. */
function absorbMember(into: IndexPiece, piece: IndexPiece): void {
  for (const entry of piece.imports) into.imports.push(entry);
  append(into.importedModules, piece.importedModules);
  for (const name of piece.identifiers) into.identifiers.add(name);
  for (const name of piece.attributeNames) into.attributeNames.add(name);
}

/** Where `visit` records: one statement's piece, with the imports seen so far. */
interface IndexSink extends IndexEntries {
  imports: { get(alias: string): string | undefined; set(alias: string, name: string): void };
  importedModules: { add(name: string): void };
}

/** The node types the index records or opens a scope at. */
const INDEXED_TYPES = new Set([
  'class_definition', 'function_definition', 'call', 'assignment', 'integer', 'float', 'comparison_operator', 'subscript',
  'attribute', 'comment', 'import_statement', 'import_from_statement', 'for_statement', 'while_statement', 'list_comprehension',
  'generator_expression',
]);

/** Records `node` in the index; returns a new frame when the node opens a scope. */
function visit(
  node: SyntaxNode,
  frame: { scope: Scope; comparison?: SyntaxNode },
  index: IndexSink,
): { scope: Scope; comparison?: SyntaxNode } | undefined {
  const { scope } = frame;
  switch (node.type) {
    case 'class_definition': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      const bases = node.childForFieldName('superclasses');
      index.classes.push({
        node,
        nameNode,
        name: nameNode.text,
        bases: bases ? bases.namedChildren.filter((c) => c && c.type !== 'keyword_argument').map((c) => c!.text) : [],
      });
      return { scope: { className: nameNode.text, inLoop: false } };
    }
    case 'function_definition': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      index.functions.push({ node, nameNode, name: nameNode.text, className: scope.className });
      return { scope: { className: scope.className, functionName: nameNode.text, inLoop: false } };
    }
    case 'call': {
      const site = callSite(node, scope, index.imports);
      index.calls.push(site);
      return undefined;
    }
    case 'assignment': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && right) index.assignments.push({ node, target: left.text, targetNode: left, value: right, scope });
      return undefined;
    }
    case 'integer':
    case 'float': {
      const value = parsePythonNumber(node.text);
      if (value !== undefined) index.numbers.push({ node, value, comparison: frame.comparison, scope });
      return undefined;
    }
    case 'comparison_operator':
      return { scope, comparison: node };
    case 'subscript': {
      const value = node.childForFieldName('value');
      if (value) {
        const indexes = node.childrenForFieldName('subscript').filter((c): c is SyntaxNode => c !== null);
        index.subscripts.push({ node, value, index: indexes, scope });
      }
      return undefined;
    }
    case 'attribute': {
      const attr = node.childForFieldName('attribute');
      if (attr) index.attributes.push({ node, name: attr.text, scope });
      return undefined;
    }
    case 'comment':
      index.comments.push({ node, text: node.text });
      return undefined;
    case 'import_statement':
    case 'import_from_statement':
      recordImport(node, index);
      return undefined;
    default:
      if (LOOP_TYPES.has(node.type)) return { scope: { ...scope, inLoop: true } };
      return undefined;
  }
}

function callSite(node: SyntaxNode, scope: Scope, imports: IndexSink['imports']): CallSite {
  const fn = node.childForFieldName('function');
  const callee = dottedName(fn);
  let name = '';
  let receiver: SyntaxNode | undefined;
  if (fn?.type === 'attribute') {
    name = fn.childForFieldName('attribute')?.text ?? '';
    receiver = fn.childForFieldName('object') ?? undefined;
  } else if (fn?.type === 'identifier') {
    name = fn.text;
  }
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const keywordNodes = new Map<string, SyntaxNode>();
  const args = node.childForFieldName('arguments');
  if (args && args.type === 'argument_list') {
    for (const arg of args.namedChildren) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name')?.text;
        const value = arg.childForFieldName('value');
        if (key && value) {
          keywords.set(key, value);
          keywordNodes.set(key, arg);
        }
      } else {
        positional.push(arg);
      }
    }
  }
  return {
    node,
    callee,
    qualifiedCallee: callee ? qualify(callee, imports) : undefined,
    name,
    receiver,
    positional,
    keywords,
    keywordNodes,
    scope,
  };
}

/** Resolves the first segment of a dotted name through the imports seen so far. */
export function qualify(dotted: string, imports: Pick<Map<string, string>, 'get'>): string {
  const dot = dotted.indexOf('.');
  const head = dot < 0 ? dotted : dotted.slice(0, dot);
  const resolved = imports.get(head);
  if (!resolved) return dotted;
  return dot < 0 ? resolved : resolved + dotted.slice(dot);
}

function recordImport(node: SyntaxNode, index: IndexSink): void {
  if (node.type === 'import_statement') {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'dotted_name') {
        index.imports.set(child.text.split('.')[0], child.text.split('.')[0]);
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (name && alias) index.imports.set(alias, name);
      }
    }
    return;
  }
  const moduleName = node.childForFieldName('module_name')?.text;
  if (!moduleName) return;
  index.importedModules.add(moduleName);
  for (const child of node.childrenForFieldName('name')) {
    if (!child) continue;
    if (child.type === 'dotted_name') {
      index.imports.set(child.text, `${moduleName}.${child.text}`);
    } else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text;
      const alias = child.childForFieldName('alias')?.text;
      if (name && alias) index.imports.set(alias, `${moduleName}.${name}`);
    }
  }
}

/** Python numeric literal text -> number (underscores, hex/octal/binary, floats); undefined for complex. */
export function parsePythonNumber(text: string): number | undefined {
  const clean = text.replace(/_/g, '');
  if (/[jJ]$/.test(clean)) return undefined;
  if (/^0[xX]/.test(clean)) return parseInt(clean.slice(2), 16);
  if (/^0[oO]/.test(clean)) return parseInt(clean.slice(2), 8);
  if (/^0[bB]/.test(clean)) return parseInt(clean.slice(2), 2);
  const value = Number(clean.replace(/[lL]$/, ''));
  return Number.isFinite(value) ? value : undefined;
}
