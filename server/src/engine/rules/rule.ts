// The shape of a rule. One rule = one file exporting a `Rule`; docs live beside the check so the
// generated docs (docs/rules/*.md, README table) can never drift from the code.
import type { StrategyFacts } from '../facts/types';
import type { SyntaxNode } from '../python/parser';
import type { SyntaxIndex } from '../python/syntax-index';
import type { BacktestSummary } from '../results/summary';
import type { ResultStatistics } from '../results/statistics';
import type { Directives } from '../suppressions';
import type { LineIndex } from '../text';
import type { Fix, FixSafety, Range, RelatedLocation, Severity } from '../types';

/** A fix as a rule proposes it: its safety is the rule's `fixSafety`, declared once. */
export type ProposedFix = Omit<Fix, 'safety'>;

export interface RuleDocs {
  /** What it does: one paragraph. */
  what: string;
  /** Why it matters: the overfitting mechanism, with citations where they exist. */
  why: string;
  /** Example: code that triggers the rule (Python unless `exampleLanguage` says otherwise). */
  example: string;
  /** Fence language of the example: `python` (default) or `pine`. */
  exampleLanguage?: string;
  /** Fix: what to do instead, with code where it helps. */
  fix: string;
}

export interface RuleOption {
  default: number;
  description: string;
}

/** One result file's summary attached to the strategy, with statistics computed once per file version. */
export interface AttachedResult {
  summary: BacktestSummary;
  /** Why this file is attached (directive, sidecar, freqtrade layout, ...), shown to the user. */
  reason: string;
  statistics: ResultStatistics;
  /** Ranges of the summary's located keys in the result file (0-based, UTF-16). */
  keyRanges: Record<string, Range>;
}

/** Results attached to the strategy being linted (see results/association). */
export interface AttachedResults {
  /** Every attached summary (several per multi-strategy file). */
  summaries: BacktestSummary[];
  attached: AttachedResult[];
  /** Result paths refused (outside the workspace, unreadable), for a diagnostic on the directive. */
  refused: { file: string; reason: string; at?: { offset: number; length: number } }[];
}

export interface RuleContext {
  path: string;
  text: string;
  lines: LineIndex;
  index: SyntaxIndex;
  facts: StrategyFacts;
  /** `# strategy-lint:` directives of the file (suppressions and data such as `results=`, `trials=`). */
  directives: Directives;
  results?: AttachedResults;
  /** Option value for this rule (configured or default). */
  option(name: string): number;
}

export interface ReportInput {
  /** Where: a syntax node or an explicit range. */
  node?: SyntaxNode;
  range?: Range;
  message: string;
  severity?: Severity;
  fix?: ProposedFix;
  related?: RelatedLocation[];
}

export interface Rule {
  /** kebab-case name, part of the public contract. */
  name: string;
  /** Short code, e.g. SL101; the hundreds digit is the family. */
  code: string;
  family: RuleFamily;
  defaultSeverity: Severity;
  /** One-line summary for tables and hovers. */
  summary: string;
  docs: RuleDocs;
  /** Glossary term ids this rule rests on. */
  glossary: string[];
  /** Safety of the fixes this rule offers; a rule without it offers none (checked when it reports). */
  fixSafety?: FixSafety;
  options?: Record<string, RuleOption>;
  check(context: RuleContext, report: (finding: ReportInput) => void): void;
}

export type RuleFamily = 'parameters' | 'lookahead' | 'validation' | 'costs' | 'models' | 'results' | 'meta';

export const FAMILY_TITLES: Record<RuleFamily, string> = {
  parameters: 'Parameters and search space (SL1xx)',
  lookahead: 'Lookahead bias (SL2xx)',
  validation: 'Validation and holdout (SL3xx)',
  models: 'Models (SL4xx)',
  costs: 'Trading costs (SL5xx)',
  results: 'Backtest results (SL6xx)',
  meta: 'Suppressions and configuration (SL9xx)',
};
