// Lints a snippet with only the named rules enabled, and applies fixes, for rule unit tests.
import { extractFacts } from '../../../../server/src/engine/facts';
import type { StrategyFacts } from '../../../../server/src/engine/facts/types';
import { applyEdits } from '../../../../server/src/engine/fixes/apply';
import { lintPython, type LintConfig } from '../../../../server/src/engine/lint';
import { parsePython } from '../../../../server/src/engine/python/parser';
import { buildSyntaxIndex } from '../../../../server/src/engine/python/syntax-index';
import { LineIndex } from '../../../../server/src/engine/text';
import type { Finding } from '../../../../server/src/engine/types';

export function lint(text: string, rule: string, config: Omit<LintConfig, 'select'> = {}): Finding[] {
  return lintPython({ path: 'snippet.py', text, config: { ...config, select: [rule] } }).findings;
}

/** The text after applying one finding's fix. */
export function fixed(text: string, finding: Finding): string {
  if (!finding.fix) throw new Error(`no fix on ${finding.rule}: ${finding.message}`);
  return applyEdits(text, new LineIndex(text), finding.fix.edits);
}

/** Facts of a snippet. The tree is kept alive (nodes are read after this returns); tests only. */
export function facts(text: string): StrategyFacts {
  return extractFacts(buildSyntaxIndex(parsePython(text), text));
}

/** 1-based line numbers of findings. */
export function linesOf(list: Finding[]): number[] {
  return list.map((f) => f.range.start.line + 1);
}

export function py(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
