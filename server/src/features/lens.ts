// textDocument/codeLens: the results summary above each strategy class (trades, Sharpe, PSR,
// DSR, PBO); the VS Code client turns a click into "Show Overfitting Report".
import type { Connection } from 'vscode-languageserver';
import { resultLenses } from '../engine/results/lens';
import { isPythonEntry, type LintPipeline } from '../lint-pipeline';
import { uriToPath } from '../uri';

export function registerLens(connection: Connection, pipeline: LintPipeline): void {
  connection.onCodeLens(async (params) => {
    const entry = pipeline.store.get(params.textDocument.uri);
    if (!entry || !isPythonEntry(entry)) return [];
    const lint = await pipeline.lint(entry);
    if (!lint.output) return [];
    return resultLenses(lint.output, uriToPath(params.textDocument.uri)).map((lens) => ({
      range: lens.range,
      command: { title: lens.title, command: '', tooltip: lens.detail } as { title: string; command: string },
    }));
  });
}
