// Problems in configuration files (bad TOML, unknown keys, wrong types) as diagnostics on the
// file at the offending key; the output channel says which configuration applied to a file.
import * as fs from 'fs';
import { type Connection } from 'vscode-languageserver';
import { configProblemRanges, type LoadedConfig } from './engine/config';
import { DIAGNOSTIC_SOURCE, LSP_SEVERITY } from './diagnostics';
import { pathToUri } from './uri';


export class ConfigDiagnostics {
  private readonly applied = new Map<string, string>();
  private readonly published = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly log: (message: string) => void) {}

  update(documentUri: string, config: LoadedConfig | undefined): void {
    const source = config?.source ?? '(editor settings only)';
    if (this.applied.get(documentUri) !== source) {
      this.applied.set(documentUri, source);
      this.log(`Configuration for ${documentUri}: ${source}`);
    }
    if (!config) return;
    let text: string;
    try {
      text = fs.readFileSync(config.source, 'utf8');
    } catch {
      return;
    }
    const diagnostics = configProblemRanges(text, config.problems).map((p) => ({
      range: p.range,
      severity: LSP_SEVERITY[p.severity],
      source: DIAGNOSTIC_SOURCE,
      code: 'config',
      message: p.message,
    }));
    const key = JSON.stringify(diagnostics);
    if (this.published.get(config.source) === key) return;
    this.published.set(config.source, key);
    void this.connection.sendDiagnostics({ uri: pathToUri(config.source), diagnostics }).catch(() => undefined);
  }
}
