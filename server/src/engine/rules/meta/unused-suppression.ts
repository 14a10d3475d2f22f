// `unused-suppression` (SL901): directives that silence nothing, and unknown rule names in them
// (Ruff's RUF100). It can only be judged once every other rule has run and suppressions have
// been applied, so its `check` does nothing: lintPython calls `unusedSuppressionFindings` after
// applySuppressions, with the findings the directives silenced.
import type { Directives, SuppressionDirective } from '../../suppressions';
import type { LineIndex } from '../../text';
import type { Finding, Range, Severity, TextEdit } from '../../types';
import type { Rule } from '../rule';

export const UNUSED_SUPPRESSION = 'unused-suppression';

export const unusedSuppression: Rule = {
  name: UNUSED_SUPPRESSION,
  code: 'SL901',
  family: 'meta',
  defaultSeverity: 'info',
  summary: 'A suppression directive that silences nothing, or names an unknown rule.',
  glossary: ['overfitting-detection'],
  fixSafety: 'safe',
  docs: {
    what:
      'Reports entries of `# strategy-lint: ignore[...]` and `# strategy-lint: ignore-file[...]` directives that silenced no finding in this run, blanket `ignore` / `ignore-file` directives that silenced nothing, rule names or codes in directives that are not Strategy Lint rules, and rules named twice in one directive. Entries for rules that did not run (disabled by configuration, or results rules when no backtest results are attached) are not judged. The fix removes the entry, or the whole directive when nothing would remain, keeping any other text in the comment. It is computed after suppressions are applied, from the findings they silenced.',
    why:
      'A suppression records a decision that a risk was reviewed and accepted. When the code changes and the risk goes away, a stale directive stays behind and will silently swallow the next, different finding on that line or in that file: for example a new lookahead bug added to a line that still carries `ignore[lookahead-negative-shift]`, or a strategy whose parameter count grows back past the limit under an old `ignore-file[too-many-parameters]`. Misspelt rule names are worse: they look like a reviewed exception but silence nothing. Ruff reports the same problem as RUF100 (unused noqa).',
    example: [
      '# strategy-lint: ignore-file[too-many-parameters]   <- the strategy now has 3 parameters',
      'class Lean(IStrategy):',
      '    buy_rsi = IntParameter(10, 40, default=27)  # strategy-lint: ignore[overprecise-paramter]',
    ].join('\n'),
    fix:
      'Delete the directive, or the entries that no longer apply (the quick fix and `strategy-lint check --fix` do this). Correct misspelt rule names (`strategy-lint rules` lists them). If a directive is meant for a results rule that only fires with backtest results attached, attach the results in the run that checks it.',
  },
  check() {
    // Computed after suppressions: see unusedSuppressionFindings.
  },
};

export interface UnusedSuppressionInput {
  directives: Directives;
  /** Findings silenced by the directives (LintOutput.suppressed before this rule's own). */
  suppressed: readonly Finding[];
  lines: LineIndex;
  /** Names of the rules that were enabled for this file. */
  enabledRules: Iterable<string>;
  /** Names of rules that threw: their entries cannot be judged. */
  failedRules?: Iterable<string>;
  /** Whether backtest results were attached: without them, results rules cannot fire. */
  resultsAttached: boolean;
  /** Severity configured for unused-suppression (default: its default severity). */
  severity?: Severity;
  /** The registry's findRule (passed in, so this file does not import the registry that lists it). */
  findRule: (nameOrCode: string) => Rule | undefined;
}

export interface UnusedSuppressionOutput {
  /** Findings to show. */
  findings: Finding[];
  /** This rule's findings silenced by a directive naming `unused-suppression` (or a blanket one elsewhere). */
  suppressed: Finding[];
}

type Problem = { kind: 'unknown' } | { kind: 'duplicate' | 'unused'; rule: Rule };

function messageFor(problem: Problem, text: string, directive: SuppressionDirective): string {
  if (problem.kind === 'unknown') return `Unknown rule \`${text}\` in a suppression directive: it silences nothing.`;
  if (problem.kind === 'duplicate') return `\`${text}\` repeats ${problem.rule.name} (${problem.rule.code}) in this directive.`;
  return `Unused suppression: ${problem.rule.name} (${problem.rule.code}) reports nothing ${where(directive)}.`;
}

/** Real directives name a handful of rules; a pathological one (thousands) gets this many findings per lint. */
const MAX_PER_DIRECTIVE = 100;

const inScope = (directive: SuppressionDirective, finding: Finding) => directive.kind === 'file' || directive.line === finding.range.start.line;
const where = (directive: SuppressionDirective) => (directive.kind === 'file' ? 'in this file' : 'on this line');

export function unusedSuppressionFindings(input: UnusedSuppressionInput): UnusedSuppressionOutput {
  const { findRule } = input;
  const enabled = new Set(input.enabledRules);
  const failed = new Set(input.failedRules ?? []);
  const severity = input.severity ?? unusedSuppression.defaultSeverity;
  const resultsRuleEnabled = [...enabled].some((name) => findRule(name)?.family === 'results');
  const judgeable = (name: string) => {
    const rule = findRule(name);
    return !!rule && enabled.has(rule.name) && !failed.has(rule.name) && rule.name !== UNUSED_SUPPRESSION && (input.resultsAttached || rule.family !== 'results');
  };
  const blanketJudgeable = failed.size === 0 && (input.resultsAttached || !resultsRuleEnabled);

  const reports: { directive: SuppressionDirective; finding: Finding }[] = [];
  const finding = (message: string, range: Range, fix: { title: string; edits: TextEdit[] }): Finding => ({
    rule: UNUSED_SUPPRESSION,
    code: unusedSuppression.code,
    severity,
    message,
    range,
    fix: { title: fix.title, safety: unusedSuppression.fixSafety ?? 'safe', edits: fix.edits },
  });

  for (const directive of input.directives.suppressions) {
    const silenced = new Set(input.suppressed.filter((f) => inScope(directive, f) && f.rule !== UNUSED_SUPPRESSION).map((f) => f.rule));
    const keyword = directive.kind === 'file' ? 'ignore-file' : 'ignore';
    if (directive.rules.length === 0) {
      if (blanketJudgeable && silenced.size === 0) {
        reports.push({
          directive,
          finding: finding(`Unused suppression: this blanket \`${keyword}\` silences no finding ${where(directive)}.`, rangeIn(directive, directive.range, input.lines), {
            title: 'Remove unused suppression',
            edits: [removeDirectiveEdit(directive, input.lines)],
          }),
        });
      }
      continue;
    }
    // Per entry: undefined (fine) or why it is reported; messages are built only for reported entries.
    const problems: (Problem | undefined)[] = [];
    let count = 0;
    const seen = new Set<string>();
    directive.rules.forEach((entry, index) => {
      const rule = findRule(entry.text);
      let problem: Problem | undefined;
      if (!rule) problem = { kind: 'unknown' };
      else if (seen.has(rule.name)) problem = { kind: 'duplicate', rule };
      else {
        seen.add(rule.name);
        if (judgeable(rule.name) && !silenced.has(rule.name)) problem = { kind: 'unused', rule };
      }
      if (problem) {
        problems[index] = problem;
        count++;
      }
    });
    if (count === 0) continue;
    const all = count === directive.rules.length;
    const whole = all ? removeDirectiveEdit(directive, input.lines) : undefined;
    let keptBefore = false;
    let reported = 0;
    for (let index = 0; index < directive.rules.length && reported < MAX_PER_DIRECTIVE; index++) {
      const problem = problems[index];
      if (!problem) {
        keptBefore = true;
        continue;
      }
      const message = messageFor(problem, directive.rules[index].text, directive);
      const entry = directive.rules[index];
      const edit = whole ?? removeEntryEdit(directive, index, keptBefore, input.lines);
      const title = all ? 'Remove unused suppression' : `Remove \`${entry.text}\` from the suppression`;
      reports.push({ directive, finding: finding(message, rangeIn(directive, entry.range, input.lines), { title, edits: [edit] }) });
      reported++;
    }
  }

  const out: UnusedSuppressionOutput = { findings: [], suppressed: [] };
  if (reports.length === 0) return out;
  const namesThisRule = new Set(input.directives.suppressions.filter((d) => d.rules.some((r) => findRule(r.text)?.name === UNUSED_SUPPRESSION)));
  for (const { directive, finding: f } of reports) {
    // Scope by the reported directive's own line (both in tree-sitter rows, whatever the line breaks).
    const silencedBy = input.directives.suppressions.some(
      (other) =>
        (other.kind === 'file' || other.line === directive.line) && (namesThisRule.has(other) || (other.rules.length === 0 && other !== directive)),
    );
    (silencedBy ? out.suppressed : out.findings).push(f);
  }
  return out;
}

/**
 * Document offset of a character of the directive's comment line. Directive ranges come from
 * tree-sitter points (row/column), which do not follow lone-CR line breaks; the comment node's
 * offset does, so edits and ranges here are computed from offsets and converted with LineIndex.
 */
function offsetIn(directive: SuppressionDirective): (character: number) => number {
  const node = directive.comment.node;
  return (character) => node.startIndex + (character - node.startPosition.column);
}

/** LSP range of a directive-relative range. */
function rangeIn(directive: SuppressionDirective, range: Range, lines: LineIndex): Range {
  const at = offsetIn(directive);
  return lines.rangeOf(at(range.start.character), at(range.end.character));
}

/**
 * Removes one entry with its comma. Runs of removed entries get adjacent (never overlapping)
 * spans, so fixes for several entries of one directive can all apply in one pass.
 */
function removeEntryEdit(directive: SuppressionDirective, index: number, keptBefore: boolean, lines: LineIndex): TextEdit {
  const entries = directive.rules;
  const entry = entries[index];
  const at = offsetIn(directive);
  const [start, end] = keptBefore
    ? [at(entries[index - 1].range.end.character), at(entry.range.end.character)]
    : [at(entry.range.start.character), at(entries[index + 1].range.start.character)];
  return { range: lines.rangeOf(start, end), newText: '' };
}

/** Removes the directive; the whole comment when it held nothing else; the whole line when the comment was alone on it. */
function removeDirectiveEdit(directive: SuppressionDirective, lines: LineIndex): TextEdit {
  const text = lines.text;
  const at = offsetIn(directive);
  const commentStart = directive.comment.node.startIndex;
  const commentEnd = Math.min(text.length, commentStart + directive.comment.text.replace(/\r+$/, '').length);
  const start = at(directive.range.start.character);
  const end = at(directive.range.end.character);
  const row = lines.positionAt(commentStart).line;
  const lineStart = lines.offsetAt({ line: row, character: 0 });
  const lineEnd = lines.lineEnd(row);
  const before = text.slice(commentStart, start);
  const after = text.slice(end, commentEnd);
  const remove = (from: number, to: number): TextEdit => ({ range: lines.rangeOf(from, to), newText: '' });
  const blankAfter = after.trim() === '';
  if (/^#\s*$/.test(before) && blankAfter) {
    const code = text.slice(lineStart, commentStart);
    if (code.trim() === '') {
      // The comment is the whole line: remove the line and its line break.
      if (row + 1 < lines.lineCount) return remove(lineStart, lines.offsetAt({ line: row + 1, character: 0 }));
      if (row > 0) return remove(lines.lineEnd(row - 1), lineEnd);
      return remove(lineStart, lineEnd);
    }
    return remove(lineStart + code.trimEnd().length, Math.max(commentEnd, lineEnd));
  }
  const innerHash = before.match(/\s*#\s*$/);
  if (blankAfter && innerHash && innerHash.index! > 0) {
    // `# note  # strategy-lint: ignore[x]`: remove the second `# ...` only.
    return remove(commentStart + innerHash.index!, commentEnd);
  }
  if (!blankAfter) {
    // `# strategy-lint: ignore[x] because ...`: remove the directive and the spaces after it.
    return remove(start, end + (after.length - after.trimStart().length));
  }
  // `# note: strategy-lint: ignore[x]`: remove the directive and the spaces before it.
  return remove(start - (before.length - before.trimEnd().length), commentEnd);
}
