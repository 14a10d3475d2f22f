// Engine findings -> LSP diagnostics. `data` carries the rule name only: code actions find the
// finding (and its fix) again in the document's cached lint, so they never lint again.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleDocUri } from './rule-docs';
import { pathToUri as fileUri } from './uri';
import type { Finding, Severity } from './engine/types';

/** The one mapping from a finding's severity to LSP's. */
export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'strategy-lint';

export function toDiagnostic(finding: Finding, documentUri: string): Diagnostic {
  return {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUri(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: `${finding.message} [${finding.rule}]`,
    relatedInformation: finding.related?.map((r) => ({
      location: { uri: r.file ? fileUri(r.file) : documentUri, range: r.range },
      message: r.message,
    })),
    data: { rule: finding.rule },
  };
}

