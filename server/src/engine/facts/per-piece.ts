// What a collector derives from one piece of the index (a top-level statement, a class's own
// entries, one member of a class; SyntaxIndex.pieces), kept with that piece: the copy hands the
// next version the same piece object for code that did not change, so a keystroke in one method
// derives that method's part again and takes every other part as it was.
//
// A part may depend only on the piece's entries (and the nodes below them) and on what `context`
// spells out; two versions that spell the same context and hold the same piece get the same part.
// Parts hold nodes, never offsets or line numbers: a reused piece's nodes move with the edit.
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
