// Diagnostics shown IN result files: loader problems (malformed JSON at its offset, a file too
// large, ...) and the result rules' findings at the key they are about. Several strategies can
// share a result file, so each strategy's contribution is kept apart and merged on publish.
import { type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Attachment } from './engine/results/attach';
import type { LintOutput } from './engine/lint';
import type { Finding } from './engine/types';
import { DIAGNOSTIC_SOURCE, LSP_SEVERITY } from './diagnostics';
import { pathToUri } from './uri';


export class ResultDiagnostics {
  /** result uri -> strategy uri -> diagnostics */
  private readonly byResult = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly connection: Connection) {}

  update(strategyUri: string, output: LintOutput | undefined, findings: Finding[]): void {
    const next = new Map<string, Diagnostic[]>();
    const attachment = output?.results as Attachment | undefined;
    for (const file of attachment?.files ?? []) {
      const uri = pathToUri(file.file);
      next.set(uri, file.problems.map((p) => ({ range: p.range, severity: LSP_SEVERITY[p.severity], source: DIAGNOSTIC_SOURCE, code: 'result-file', message: p.message })));
    }
    for (const finding of findings) {
      for (const related of finding.related ?? []) {
        if (!related.file) continue;
        const uri = pathToUri(related.file);
        if (!next.has(uri)) next.set(uri, []);
        next.get(uri)!.push({
          range: related.range,
          severity: LSP_SEVERITY[finding.severity],
          source: DIAGNOSTIC_SOURCE,
          code: finding.code,
          message: `${related.message} [${finding.rule}]`,
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

  private publish(resultUri: string): void {
    const contributions = this.byResult.get(resultUri);
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const list of contributions?.values() ?? []) {
      for (const d of list) {
        const key = `${d.range.start.line}:${d.range.start.character}:${d.code}:${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push(d);
      }
    }
    if (contributions && contributions.size === 0) this.byResult.delete(resultUri);
    void this.connection.sendDiagnostics({ uri: resultUri, diagnostics }).catch(() => undefined);
  }
}
