// textDocument/hover: rules over diagnostics and suppressions, glossary terms over Python,
// result-file keys and CSV headers; notebook cells are answered by notebooks.ts.
import type { Connection } from 'vscode-languageserver';
import { csvHeaderHover, jsonKeyHover, pythonTermHover } from '../glossary-hover';
import { hoverAt } from '../hover';
import { isPythonEntry, type LintPipeline } from '../lint-pipeline';
import type { NotebookSupport } from './notebooks';

export function registerHover(connection: Connection, pipeline: LintPipeline, notebooks: NotebookSupport): void {
  connection.onHover(async (params, token) => {
    if (notebooks.owns(params.textDocument.uri)) return notebooks.hover(params, token);
    const entry = pipeline.store.get(params.textDocument.uri);
    if (!entry) return null;
    if (!isPythonEntry(entry)) {
      const text = entry.document.getText();
      const term = /\.csv$/i.test(entry.document.uri) ? csvHeaderHover(text, params.position) : jsonKeyHover(text, params.position);
      return term ? { contents: { kind: 'markdown', value: term.markdown }, range: term.range } : null;
    }
    const lint = await pipeline.lint(entry);
    if (token.isCancellationRequested) return null;
    return hoverAt(lint, params.position, { glossary: pythonTermHover });
  });
}
