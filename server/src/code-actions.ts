// Code actions from already-computed findings: the rule's own fix, "ignore on this line",
// "ignore in this file", "show documentation", and fix-all (safe fixes only).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { ignoreInFileEdit, ignoreOnLineEdit } from './engine/fixes/suppression-edits';
import type { DocumentLint } from './lint-service';

export const FIX_ALL_KIND = 'source.fixAll.strategyLint';
export const SHOW_RULE_DOC_COMMAND = 'strategyLint.showRuleDoc';

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Computes the text after fix-all (all rounds), or undefined when there is nothing to fix. */
export type FixAllProvider = () => { text: string; applied: number } | undefined;

export function codeActionsFor(lint: DocumentLint, params: CodeActionParams, fixAllText?: FixAllProvider): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  // Fix-all re-lints until nothing is left to fix: only when asked for by kind (on save, or the
  // Source Action menu), never for the lightbulb requests sent on every cursor move.
  const wantsFixAll = !!only && only.some((k) => FIX_ALL_KIND.startsWith(k));
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const actions: CodeAction[] = [];
  const output = lint.output;
  if (!output) return actions;

  if (wantsQuickFix) {
    const seenRules = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const rule = (diagnostic.data as { rule?: string } | undefined)?.rule;
      if (!rule) continue;
      const finding = lint.findings.find((f) => f.rule === rule && sameRange(f.range, diagnostic.range));
      if (finding?.fix) {
        actions.push({
          title: finding.fix.safety === 'unsafe' ? `${finding.fix.title} (unsafe: may change behaviour)` : finding.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: finding.fix.safety === 'safe',
          edit: { changes: { [uri]: finding.fix.edits } },
        });
      }
      const line = ignoreOnLineEdit(rule, diagnostic.range.start.line, output.lines, output.index, output.directives);
      if (line) {
        actions.push({ title: `Ignore ${rule} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [line] } } });
      }
      if (seenRules.has(rule)) continue;
      seenRules.add(rule);
      const file = ignoreInFileEdit(rule, output.lines, output.directives);
      if (file) {
        actions.push({ title: `Ignore ${rule} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [file] } } });
      }
      actions.push({
        title: `Show documentation for ${rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${rule}`, command: SHOW_RULE_DOC_COMMAND, arguments: [rule] },
      });
    }
  }

  if (wantsFixAll && fixAllText && lint.findings.some((f) => f.fix?.safety === 'safe')) {
    const fixAll = fixAllAction(lint, uri, fixAllText);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** One edit replacing the whole text with every safe fix applied, round after round. */
export function fixAllAction(lint: DocumentLint, uri: string, fixAllText: FixAllProvider): CodeAction | undefined {
  const output = lint.output;
  if (!output) return undefined;
  const fixed = fixAllText();
  if (!fixed || fixed.applied === 0 || fixed.text === output.lines.text) return undefined;
  const end = output.lines.positionAt(output.lines.text.length);
  return {
    title: `Strategy Lint: fix all safe problems (${fixed.applied})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: fixed.text }] } },
  };
}
