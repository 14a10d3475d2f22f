// Fix-all: apply every selected fix, re-lint, and repeat until nothing is left to apply (fixes
// that overlapped an earlier one get their turn in a later round). Shared by the CLI's --fix and
// the editor's source.fixAll.strategyLint, so both reach the same fixed point.
import { lintPython, type LintInput, type LintOutput } from '../lint';
import { applyEdits, selectFixes } from './apply';
import type { Finding } from '../types';

const MAX_ROUNDS = 8;

export interface FixAllResult {
  text: string;
  /** Fixes applied, across rounds, in the order applied. */
  applied: Finding[];
  /** The lint of the final text (caller must `release()` it). */
  output: LintOutput;
}

/**
 * Applies safe fixes (and unsafe ones when asked) starting from `first`, the lint of
 * `input.text` that the caller already has; `first` is released when it is replaced.
 */
export function fixAll(input: LintInput, first: LintOutput, includeUnsafe: boolean): FixAllResult {
  let text = input.text;
  let output = first;
  const applied: Finding[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const selection = selectFixes(output.findings, output.lines, includeUnsafe);
    if (selection.applied.length === 0) break;
    const next = applyEdits(text, output.lines, selection.applied.flatMap((f) => f.fix!.edits));
    if (next === text) break;
    applied.push(...selection.applied);
    text = next;
    if (output !== first) output.release();
    output = lintPython({ ...input, text, tree: undefined });
  }
  return { text, applied, output };
}
