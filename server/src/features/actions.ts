// Code actions (quick fixes, ignore, show documentation, fix-all) and the commands the server
// executes: open a rule's page, and ignore a rule on a line (the hover's "ignore" link).
import type { Connection, TextEdit } from 'vscode-languageserver';
import { codeActionsFor } from '../code-actions';
import { ignoreOnLineEdit } from '../engine/fixes/suppression-edits';
import { findRule } from '../engine/rules/registry';
import { isPythonEntry, type LintPipeline } from '../lint-pipeline';
import { ServerCommands } from '../protocol';
import { ruleDocUri } from '../rule-docs';
import type { NotebookSupport } from './notebooks';

export const EXECUTED_COMMANDS = [ServerCommands.showRuleDoc, ServerCommands.ignoreOnLine];

export function registerActions(connection: Connection, pipeline: LintPipeline, notebooks: NotebookSupport): void {
  connection.onCodeAction(async (params, token) => {
    if (notebooks.owns(params.textDocument.uri)) return notebooks.codeActions(params, token);
    const entry = pipeline.store.get(params.textDocument.uri);
    if (!entry || !isPythonEntry(entry)) return [];
    const lint = await pipeline.lint(entry);
    if (token.isCancellationRequested) return [];
    return codeActionsFor(lint, params, await pipeline.fixAll(entry));
  });

  /** The edit adding `# strategy-lint: ignore[rule]` to a line, by document URI. */
  async function ignoreOnLine(uri: string, line: number, rule: string): Promise<Record<string, TextEdit[]> | undefined> {
    if (notebooks.owns(uri)) return notebooks.ignoreOnLine(uri, line, rule);
    const entry = pipeline.store.get(uri);
    if (!entry || !isPythonEntry(entry)) return undefined;
    const output = (await pipeline.lint(entry)).output;
    const edit = output && ignoreOnLineEdit(rule, line, output.lines, output.index, output.directives);
    return edit ? { [uri]: [edit] } : undefined;
  }

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    if (params.command === ServerCommands.showRuleDoc) {
      const rule = findRule(String(args[0] ?? ''));
      if (!rule) return null;
      const uri = ruleDocUri(rule.name);
      await connection.window.showDocument({ uri, external: false }).catch(() => undefined);
      return uri;
    }
    if (params.command === ServerCommands.ignoreOnLine) {
      const rule = findRule(String(args[2] ?? ''));
      const line = Number(args[1]);
      if (!rule || !Number.isInteger(line) || line < 0) return null;
      const changes = await ignoreOnLine(String(args[0] ?? ''), line, rule.name);
      if (!changes) return null;
      const applied = await connection.workspace.applyEdit({ label: `Ignore ${rule.name} on this line`, edit: { changes } }).catch(() => undefined);
      return applied?.applied ?? false;
    }
    return null;
  });
}
