// The Pine syntax tree. Nodes answer the part of tree-sitter's node API the engine uses
// (type, text, offsets, points, fields, parent, descendantForPosition), so fact collectors,
// fixes and glossary hovers treat Pine and Python trees alike.
import { LineIndex } from '../text';

export interface Point {
  row: number;
  /** UTF-16 code units from the line start, as LSP and web-tree-sitter count. */
  column: number;
}

/** Shared by every node of one tree: the text and its line index. */
export class PineSource {
  readonly lines: LineIndex;
  private nextId = 1;
  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }
  id(): number {
    return this.nextId++;
  }
}

export class PineNode {
  readonly id: number;
  parent: PineNode | null = null;
  readonly children: PineNode[] = [];
  /** Field name -> child, allocated on the first field (most nodes have none or few). */
  private fields?: Map<string, PineNode>;

  constructor(
    readonly source: PineSource,
    readonly type: string,
    public startIndex: number,
    public endIndex: number,
  ) {
    this.id = source.id();
  }

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    const p = this.source.lines.positionAt(this.startIndex);
    return { row: p.line, column: p.character };
  }

  get endPosition(): Point {
    const p = this.source.lines.positionAt(this.endIndex);
    return { row: p.line, column: p.character };
  }

  /** Every child is named (there are no anonymous punctuation nodes). */
  get namedChildren(): PineNode[] {
    return this.children;
  }

  get childCount(): number {
    return this.children.length;
  }

  get hasError(): boolean {
    return this.type === 'ERROR' || this.children.some((c) => c.hasError);
  }

  get isMissing(): boolean {
    return false;
  }

  child(index: number): PineNode | null {
    return this.children[index] ?? null;
  }

  childForFieldName(name: string): PineNode | null {
    return this.fields?.get(name) ?? null;
  }

  /** Adds a child (widening this node to cover it) and, when named, a field. */
  add(child: PineNode | undefined, field?: string): this {
    if (!child) return this;
    child.parent = this;
    this.children.push(child);
    if (field) (this.fields ??= new Map()).set(field, child);
    if (child.startIndex < this.startIndex) this.startIndex = child.startIndex;
    if (child.endIndex > this.endIndex) this.endIndex = child.endIndex;
    return this;
  }

  /** The deepest node whose range holds the point (tree-sitter's descendantForPosition). */
  descendantForPosition(point: Point): PineNode {
    const offset = this.source.lines.offsetAt({ line: point.row, character: point.column });
    let node: PineNode = this;
    for (;;) {
      const inner: PineNode | undefined = node.children.find((c) => c.startIndex <= offset && offset < c.endIndex) ??
        node.children.find((c) => c.startIndex <= offset && offset <= c.endIndex);
      if (!inner) return node;
      node = inner;
    }
  }

  /** The deepest node holding the offset (tree-sitter's descendantForIndex). */
  descendantForIndex(offset: number): PineNode {
    const p = this.source.lines.positionAt(offset);
    return this.descendantForPosition({ row: p.line, column: p.character });
  }

  /** Every node below this one, depth first, in source order. */
  *descendants(): Generator<PineNode> {
    const stack: PineNode[] = [...this.children].reverse();
    while (stack.length) {
      const node = stack.pop()!;
      yield node;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
}

export interface PineTree {
  rootNode: PineNode;
  source: PineSource;
  /** `//@version=N`, when the script declares it. */
  version?: number;
  comments: PineNode[];
  /** Syntax errors: ERROR nodes, in source order. */
  errors: PineNode[];
}
