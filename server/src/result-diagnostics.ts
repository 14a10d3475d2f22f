// Diagnostics shown IN result files: loader problems (malformed JSON at its offset, a file too
// large, ...) and the result rules' findings at the key they are about. A finding's one entry in
// the Problems panel is on the strategy; the result file shows its copy only while it is open
// in the editor (then both files show it, each where it applies). Several strategies can share
// a result file, so each strategy's contribution is kept apart and merged on publish.
import { type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Attachment } from './engine/results/attach';
import type { LintOutput } from './engine/lint';
import type { Finding } from './engine/types';
import { DIAGNOSTIC_SOURCE, LSP_SEVERITY } from './diagnostics';
import type { ResultLocations } from './result-locations';
import { pathToUri, uriToPath } from './uri';


export class ResultDiagnostics {
  /** result uri -> strategy uri -> diagnostics */
  private readonly byResult = new Map<string, Map<string, Diagnostic[]>>();
  /** Result files with diagnostics shown, to clear them on close. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly locations: ResultLocations,
    /** True while the editor has the result file open. */
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  update(strategyUri: string, output: LintOutput | undefined, findings: Finding[]): void {
    const next = new Map<string, Diagnostic[]>();
    const attachment = output?.results as Attachment | undefined;
    for (const file of attachment?.files ?? []) {
      const uri = pathToUri(file.file);
      next.set(uri, file.problems.map((p) => {
        const at = this.locations.locate(file.file, p.range);
        return { range: at.range, severity: LSP_SEVERITY[p.severity], source: DIAGNOSTIC_SOURCE, code: 'result-file', message: this.locations.message(p.message, at) };
      }));
    }
    for (const finding of findings) {
      for (const related of finding.related ?? []) {
        if (!related.file) continue;
        const uri = pathToUri(related.file);
        if (!next.has(uri)) next.set(uri, []);
        const at = this.locations.locate(related.file, related.range);
        next.get(uri)!.push({
          range: at.range,
          severity: LSP_SEVERITY[finding.severity],
          source: DIAGNOSTIC_SOURCE,
          code: finding.code,
          message: this.locations.message(`${related.message} [${finding.rule}]`, at),
          relatedInformation: [{ location: { uri: strategyUri, range: finding.range }, message: 'reported for this strategy' }],
        });
      }
    }
    const affected = new Set<string>(next.keys());
    for (const [resultUri, contributions] of this.byResult) {
      if (contributions.delete(strategyUri)) affected.add(resultUri);
    }
    for (const [resultUri, diagnostics] of next) {
      if (!this.byResult.has(resultUri)) this.byResult.set(resultUri, new Map());
      this.byResult.get(resultUri)!.set(strategyUri, diagnostics);
    }
    for (const resultUri of affected) this.publish(resultUri);
  }

  /** The editor opened or closed a result file: show or clear its diagnostics. */
  visibilityChanged(resultUri: string): void {
    this.publish(resultUri);
  }

  /** Diagnostics a result file would show while open (for tests and the status). */
  diagnosticsFor(resultUri: string): Diagnostic[] {
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const list of this.byResult.get(resultUri)?.values() ?? []) {
      for (const d of list) {
        const key = `${d.range.start.line}:${d.range.start.character}:${d.code}:${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push(d);
      }
    }
    return diagnostics;
  }

  private publish(resultUri: string): void {
    const contributions = this.byResult.get(resultUri);
    if (contributions && contributions.size === 0) this.byResult.delete(resultUri);
    const open = this.isOpen(resultUri) || this.isOpen(pathToUri(uriToPath(resultUri)));
    const diagnostics = open ? this.diagnosticsFor(resultUri) : [];
    if (diagnostics.length === 0 && !this.shown.has(resultUri)) return;
    if (diagnostics.length) this.shown.add(resultUri);
    else this.shown.delete(resultUri);
    void this.connection.sendDiagnostics({ uri: resultUri, diagnostics }).catch(() => undefined);
  }
}
