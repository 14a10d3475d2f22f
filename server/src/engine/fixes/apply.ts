// Choosing and applying fixes: used by the CLI's --fix and the editor's fix-all alike.
import type { LineIndex } from '../text';
import type { Finding, TextEdit } from '../types';

export interface FixSelection {
  applied: Finding[];
  /** Fixes left out because they overlap one already chosen (a second pass may apply them). */
  skipped: Finding[];
}

/** Picks fixes in document order, skipping unsafe ones unless asked and any that overlap. */
export function selectFixes(findings: Finding[], lines: LineIndex, includeUnsafe: boolean): FixSelection {
  const taken: [number, number][] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || (fix.safety === 'unsafe' && !includeUnsafe)) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)));
    if (overlaps) {
      skipped.push(finding);
      continue;
    }
    taken.push(...spans);
    applied.push(finding);
  }
  return { applied, skipped };
}

/** Applies non-overlapping edits to text (later edits first, so offsets stay valid). */
export function applyEdits(text: string, lines: LineIndex, edits: TextEdit[]): string {
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}
