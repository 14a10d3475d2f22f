// Engine findings -> LSP diagnostics. `data` carries the rule name, so a code action request
// finds its finding in the cached lint (by rule and range) without linting again.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ResultLocations } from './result-locations';
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

/** `locations` moves related locations far along a result file's long line to its start. */
export function toDiagnostic(finding: Finding, documentUri: string, locations?: ResultLocations): Diagnostic {
  return {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUri(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: `${finding.message} [${finding.rule}]`,
    relatedInformation: finding.related?.map((r) => {
      if (!r.file) return { location: { uri: documentUri, range: r.range }, message: r.message };
      // The editor lists related locations under the message: for a result file, name the place
      // instead of repeating the finding (the result file's own copy carries the full text).
      const at = locations ? locations.locate(r.file, r.range) : { range: r.range };
      return { location: { uri: fileUri(r.file), range: at.range }, message: at.keyPath ? `the result this is about, at key ${at.keyPath}` : 'the result this is about' };
    }),
    data: { rule: finding.rule },
  };
}

