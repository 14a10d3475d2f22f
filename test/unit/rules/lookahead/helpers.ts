// Lints a snippet with only the named rule(s) enabled.
import { lintPython } from '../../../../server/src/engine/lint';
import type { Finding } from '../../../../server/src/engine/types';

export function findings(text: string, ...rules: string[]): Finding[] {
  return lintPython({ path: 'snippet.py', text, config: { select: rules } }).findings;
}

/** 1-based `line:col` of each finding, for compact assertions. */
export function at(list: Finding[]): string[] {
  return list.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

export function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}
