// The engine's entry point: text + path (+ attached results, config) -> findings.
// Knows nothing of LSP or VS Code; the server and the CLI are thin fronts over this.
import { extractFacts } from './facts';
import type { StrategyFacts } from './facts/types';
import { parsePython, type SyntaxNode, type Tree } from './python/parser';
import { buildSyntaxIndex, type SyntaxIndex } from './python/syntax-index';
import type { AttachedResults, ReportInput, Rule, RuleContext } from './rules/rule';
import { unusedSuppression, unusedSuppressionFindings } from './rules/meta/unused-suppression';
import { RULES, findRule, selectRules } from './rules/registry';
import { parseDirectives, type Directives } from './suppressions';
import { LineIndex, parserText } from './text';
import { isPinePath, lintPine } from './pine/lint-pine';
import type { Finding, Range, Severity } from './types';

export interface LintConfig {
  /** Rule names/codes to run (default: all). */
  select?: string[];
  /** Rule names/codes to skip. */
  ignore?: string[];
  /** Per-rule severity override; 'off' disables the rule. */
  severity?: Record<string, Severity | 'off'>;
  /** Per-rule option overrides: { 'too-many-parameters': { 'max-parameters': 12 } }. */
  options?: Record<string, Record<string, number>>;
}

export interface LintInput {
  path: string;
  text: string;
  /** A tree the caller keeps (incremental parsing in the server); parsed here when absent. */
  tree?: Tree;
  /**
   * The root of the same document's previous lint (`output.index.root`): unchanged top-level
   * statements are taken over instead of copied again. That previous output is stale afterwards.
   */
  previousRoot?: SyntaxNode;
  results?: AttachedResults;
  /** Finds results once the strategy's classes and directives are known (association needs them). */
  attach?: (facts: StrategyFacts, directives: Directives) => AttachedResults | undefined;
  config?: LintConfig;
  /** The rules to run, filtered by `config` (default: the registry). Lets tests inject a rule. */
  rules?: readonly Rule[];
}

export interface RuleFailure {
  rule: string;
  error: string;
}

export interface LintOutput {
  findings: Finding[];
  /** Findings silenced by directives, kept so `unused-suppression` and tests can see them. */
  suppressed: Finding[];
  facts: StrategyFacts;
  index: SyntaxIndex;
  directives: Directives;
  lines: LineIndex;
  /** Rules that threw: contained here, logged by the front, never fatal. */
  failures: RuleFailure[];
  /** The results the rules saw, for CodeLens and result-file diagnostics. */
  results?: AttachedResults;
  /**
   * Frees the tree when lintPython parsed it itself (wasm memory is not garbage-collected).
   * Nodes in `index` must not be used afterwards. A no-op for trees the caller owns.
   */
  release(): void;
}

export function enabledRules(config: LintConfig | undefined, rules: readonly Rule[] = RULES): Rule[] {
  const names = (selectors: string[]) => new Set(selectors.flatMap((s) => selectRules(s).map((r) => r.name)));
  const selected = config?.select?.length ? names(config.select) : undefined;
  const ignored = names(config?.ignore ?? []);
  return rules.filter(
    (rule) =>
      (!selected || selected.has(rule.name)) &&
      !ignored.has(rule.name) &&
      severityFor(rule, config) !== 'off',
  );
}

function severityFor(rule: Rule, config: LintConfig | undefined): Severity | 'off' {
  const override = config?.severity?.[rule.name] ?? config?.severity?.[rule.code];
  return override ?? rule.defaultSeverity;
}

export function lintPython(input: LintInput): LintOutput {
  // Pine scripts take their own parser; the rules and everything after them are shared.
  if (isPinePath(input.path)) return lintPine(input);
  const ownTree = !input.tree;
  const tree = input.tree ?? parsePython(parserText(input.text));
  let released = false;
  const release = () => {
    if (ownTree && !released) tree.delete();
    released = true;
  };
  try {
    const index = buildSyntaxIndex(tree, parserText(input.text), input.previousRoot);
    return runRules(input, index, extractFacts(index), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Rules, suppressions and sorting over a parsed document: shared by every language. */
export function runRules(input: LintInput, index: SyntaxIndex, facts: StrategyFacts, release: () => void): LintOutput {
  const lines = new LineIndex(input.text);
  const directives = parseDirectives(index.comments);
  if (index.lineComment) directives.lineComment = index.lineComment;
  const raw: Finding[] = [];
  const failures: RuleFailure[] = [];
  let results = input.results;
  try {
    results ??= input.attach?.(facts, directives);
  } catch (error) {
    failures.push({ rule: 'result-association', error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
  const enabled = enabledRules(input.config, input.rules);
  for (const rule of enabled) {
    const context = ruleContext({ path: input.path, text: input.text, lines, index, facts, directives, results }, rule, input.config);
    const severity = severityFor(rule, input.config) as Severity;
    // A severity the user configured wins over the one a rule picks per finding.
    const configured = input.config?.severity?.[rule.name] !== undefined || input.config?.severity?.[rule.code] !== undefined;
    // The same rule saying the same thing twice on one line is one finding.
    const said = new Set<string>();
    try {
      rule.check(context, (report) => {
        if (report.fix && !rule.fixSafety) {
          // Fix availability is declared once, on the rule: an undeclared fix is a rule bug.
          failures.push({ rule: rule.name, error: `${rule.name} proposed a fix but declares no fixSafety; the fix was dropped` });
          report = { ...report, fix: undefined };
        }
        const finding = toFinding(rule, severity, configured ? { ...report, severity: undefined } : report, lines);
        const key = `${finding.range.start.line}\0${finding.message}`;
        if (said.has(key)) return;
        said.add(key);
        raw.push(finding);
      });
    } catch (error) {
      failures.push({ rule: rule.name, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  const { findings, suppressed } = applySuppressions(raw, directives);
  // unused-suppression can only be judged once every other rule has reported.
  if (enabled.includes(unusedSuppression)) {
    const meta = unusedSuppressionFindings({
      directives,
      suppressed,
      lines,
      enabledRules: enabled.map((r) => r.name),
      failedRules: failures.map((f) => f.rule),
      resultsAttached: (results?.attached.length ?? 0) > 0,
      severity: severityFor(unusedSuppression, input.config) as Severity,
      findRule,
    });
    for (const f of meta.findings) findings.push(f);
    for (const f of meta.suppressed) suppressed.push(f);
  }
  findings.sort(compareFindings);
  return { findings, suppressed, facts, index, directives, lines, failures, results, release };
}

/** What a rule reads: the document's evidence, and its options (configured, else the rule's defaults). */
function ruleContext(evidence: Omit<RuleContext, 'option'>, rule: Rule | undefined, config: LintConfig | undefined): RuleContext {
  return {
    ...evidence,
    option: (name) => (rule ? config?.options?.[rule.name]?.[name] ?? rule.options?.[name]?.default ?? NaN : NaN),
  };
}

/**
 * The context the rules saw, rebuilt from a lint's output, for fronts that present the same
 * evidence (the report): nothing is recomputed, and options resolve as they did for `rule`.
 */
export function ruleContextOf(output: LintOutput, path: string, rule?: Rule, config?: LintConfig): RuleContext {
  const { lines, index, facts, directives, results } = output;
  return ruleContext({ path, text: lines.text, lines, index, facts, directives, results }, rule, config);
}

function toFinding(rule: Rule, severity: Severity, report: ReportInput, lines: LineIndex): Finding {
  // From offsets, not tree-sitter points: a node ending at the \r of a CRLF (a comment) would
  // otherwise end one character past its LSP line.
  const range: Range = report.range ?? lines.rangeOf(report.node!.startIndex, report.node!.endIndex);
  const finding: Finding = { rule: rule.name, code: rule.code, severity: report.severity ?? severity, message: report.message, range };
  if (report.fix && rule.fixSafety) finding.fix = { ...report.fix, safety: rule.fixSafety };
  if (report.related) finding.related = report.related;
  return finding;
}

function matches(ruleText: string, finding: Finding): boolean {
  const rule = findRule(ruleText);
  return rule ? rule.name === finding.rule : ruleText === finding.rule;
}

export function applySuppressions(raw: Finding[], directives: Directives): { findings: Finding[]; suppressed: Finding[] } {
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of raw) {
    const silenced = directives.suppressions.some(
      (d) =>
        (d.kind === 'file' || d.line === finding.range.start.line) &&
        (d.rules.length === 0 || d.rules.some((r) => matches(r.text, finding))),
    );
    (silenced ? suppressed : findings).push(finding);
  }
  return { findings, suppressed };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
