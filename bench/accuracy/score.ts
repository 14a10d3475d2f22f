// Scores one benchmark run: each expectation is met by a finding of its code on its line (or
// anywhere, for `expect-file`); every unexpected warning or error is a false alarm. Info and hint
// findings ask a human to look and are never counted against a case, but they do meet an
// expectation (a planted problem reported at a lower severity is still found).
import type { Expectation } from './labels';

export interface ReportedFinding {
  code: string;
  severity: string;
  line: number;
  cell?: number;
  message: string;
}

export interface CaseOutcome {
  truePositives: Expectation[];
  falseNegatives: Expectation[];
  falsePositives: ReportedFinding[];
}

const sameCell = (e: Expectation, f: ReportedFinding) => (e.cell ?? 0) === (f.cell ?? 0);

export function scoreCase(expected: Expectation[], findings: ReportedFinding[]): CaseOutcome {
  const used = new Set<number>();
  const truePositives: Expectation[] = [];
  const falseNegatives: Expectation[] = [];
  // Line expectations first, so a file-wide one cannot take the finding a line label names.
  const ordered = [...expected].sort((a, b) => Number(a.line === undefined) - Number(b.line === undefined));
  for (const e of ordered) {
    const hit = findings.findIndex(
      (f, i) => !used.has(i) && f.code === e.code && (e.line === undefined || (sameCell(e, f) && f.line === e.line)),
    );
    if (hit >= 0) {
      used.add(hit);
      truePositives.push(e);
    } else falseNegatives.push(e);
  }
  // Several findings of an expected code on the expected line (one per source) are one hit.
  const falsePositives = findings.filter(
    (f, i) =>
      !used.has(i) &&
      (f.severity === 'error' || f.severity === 'warning') &&
      !expected.some((e) => e.code === f.code && (e.line === undefined || (sameCell(e, f) && e.line === f.line))),
  );
  return { truePositives, falseNegatives, falsePositives };
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

export function addTo(tallies: Map<string, Tally>, key: string, field: keyof Tally): void {
  const t = tallies.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  t[field]++;
  tallies.set(key, t);
}
