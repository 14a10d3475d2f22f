// Lists of the syntax index grouped by name, built once per index on first use, so a collector
// that asks "the assignments of `x`" or "the calls named `atr`" reads a short list instead of
// scanning the whole index per question (which made some collectors quadratic).
import type { AssignmentInfo, CallSite, SyntaxIndex } from '../python/syntax-index';

type AttributeInfo = SyntaxIndex['attributes'][number];

interface Lookups {
  assignmentsByTarget?: Map<string, AssignmentInfo[]>;
  attributesByName?: Map<string, AttributeInfo[]>;
  callsByName?: Map<string, CallSite[]>;
}

const cache = new WeakMap<SyntaxIndex, Lookups>();

function lookups(index: SyntaxIndex): Lookups {
  let found = cache.get(index);
  if (!found) cache.set(index, (found = {}));
  return found;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const NONE: readonly never[] = Object.freeze([]);

/** Assignments whose target text is `target`, in document order. */
export function assignmentsTo(index: SyntaxIndex, target: string): readonly AssignmentInfo[] {
  const l = lookups(index);
  l.assignmentsByTarget ??= groupBy(index.assignments, (a) => a.target);
  return l.assignmentsByTarget.get(target) ?? NONE;
}

/** Attribute reads whose attribute name is `name` (`self.x`, `obj.x` -> `x`), in document order. */
export function attributesNamed(index: SyntaxIndex, name: string): readonly AttributeInfo[] {
  const l = lookups(index);
  l.attributesByName ??= groupBy(index.attributes, (a) => a.name);
  return l.attributesByName.get(name) ?? NONE;
}

/** Calls whose last callee segment is `name`, in document order. */
export function callsNamed(index: SyntaxIndex, name: string): readonly CallSite[] {
  const l = lookups(index);
  l.callsByName ??= groupBy(index.calls, (c) => c.name);
  return l.callsByName.get(name) ?? NONE;
}
