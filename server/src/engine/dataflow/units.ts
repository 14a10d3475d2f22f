// The file's top-level definitions split into units the dataflow can analyse apart: a class or
// function belongs with every definition whose name it mentions (or that mentions its name), so a
// unit's code calls, subclasses and instantiates only code of its own unit. Definitions the
// module-level code mentions run with that code (the main unit). Everything else a unit reads
// comes from the module-level statements (imports, constants), which every unit sees alike.
//
// This is what lets an edit re-analyse only the unit it touched: the other units' statements are
// the same objects as in the previous version (the tree copy took them over), so their analysis
// is too, as long as what they read from the module-level code reads the same (analyze.ts).
import type { SyntaxNode } from '../python/parser';
import { identifiersOf, type SyntaxIndex } from '../python/syntax-index';

export interface AnalysisUnit {
  /** Its top-level statements, in file order. */
  statements: SyntaxNode[];
}

export interface UnitPlan {
  /** Top-level statements that are not definitions: imports, constants, module-level code. */
  environment: SyntaxNode[];
  /** The definitions the module-level code mentions, analysed with it. */
  main: AnalysisUnit;
  /** Units nothing outside them mentions, in file order of their first statement. */
  free: AnalysisUnit[];
}

/** The class or function a top-level statement defines, if it is a definition. */
export function definitionName(statement: SyntaxNode): string | undefined {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type !== 'class_definition' && definition?.type !== 'function_definition') return undefined;
  return definition.childForFieldName('name')?.text;
}

export function planUnits(index: SyntaxIndex): UnitPlan {
  const statements = index.root.children.filter((c) => c.isNamed && c.type !== 'comment');
  const environment: SyntaxNode[] = [];
  const definitions: { statement: SyntaxNode; name: string }[] = [];
  for (const statement of statements) {
    const name = definitionName(statement);
    if (name === undefined) environment.push(statement);
    else definitions.push({ statement, name });
  }
  // Union-find: slot 0 is the module-level code, slot i + 1 the i-th definition. The smaller
  // slot becomes the root, so a set holding the module-level code has root 0.
  const MAIN = 0;
  const parent = Array.from({ length: definitions.length + 1 }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byName = new Map<string, number[]>();
  definitions.forEach(({ name }, i) => (byName.get(name) ?? byName.set(name, []).get(name)!).push(i + 1));
  definitions.forEach(({ statement }, i) => {
    for (const name of identifiersOf(statement)) for (const j of byName.get(name) ?? []) union(i + 1, j);
  });
  for (const statement of environment) {
    for (const name of identifiersOf(statement)) for (const j of byName.get(name) ?? []) union(MAIN, j);
  }
  const main: AnalysisUnit = { statements: [] };
  const free = new Map<number, AnalysisUnit>();
  definitions.forEach(({ statement }, i) => {
    const root = find(i + 1);
    if (root === MAIN) main.statements.push(statement);
    else {
      let unit = free.get(root);
      if (!unit) free.set(root, (unit = { statements: [] }));
      unit.statements.push(statement);
    }
  });
  return { environment, main, free: [...free.values()] };
}

/** The top-level statement a node stands in. */
export function topLevelStatement(node: SyntaxNode): SyntaxNode {
  let statement = node;
  // Up to the root's child (the root is a `module`, or an `ERROR` for a file tree-sitter cannot parse as one).
  while (statement.parent && statement.parent.parent) statement = statement.parent;
  return statement;
}
