// Hover: over a diagnostic, one line per rule (its summary, "docs" and "ignore" links) and a
// "Show documentation" link to the full rule pages with their glossary terms; over a rule name
// in a suppression comment, that rule's line; elsewhere glossary terms (see glossary-hover.ts).
// The editor already shows each diagnostic's message above the hover, so it is not repeated,
// and every hover stays within HOVER_BUDGET_CHARS.
import type { Hover, Position, Range } from 'vscode-languageserver';
import { findRule } from './engine/rules/registry';
import type { Rule } from './engine/rules/rule';
import { rangeContains } from './engine/text';
import type { DocumentLint } from './lint-service';
import { ClientCommands, commandLink, ServerCommands, type DocumentationParams } from './protocol';
import { ruleDocUri } from './rule-docs';

/** Upper bound on a hover's Markdown, links included (a class-name hover once held 27,000). */
export const HOVER_BUDGET_CHARS = 4000;

export type GlossaryHover = (lint: DocumentLint, position: Position) => { markdown: string; range?: Hover['range'] } | undefined;

export interface HoverOptions {
  glossary?: GlossaryHover;
  /** Where an "ignore" link edits: a notebook maps program lines back to its cell. */
  ignoreTarget?: (line: number) => { uri: string; line: number } | undefined;
}

export function hoverAt(lint: DocumentLint, position: Position, options: HoverOptions = {}): Hover | null {
  const ignoreTarget = options.ignoreTarget ?? ((line: number) => ({ uri: lint.uri, line }));
  const lines: string[] = [];
  const rules: Rule[] = [];
  let range: Range | undefined;
  for (const finding of lint.findings) {
    if (!rangeContains(finding.range, position)) continue;
    range ??= finding.range;
    const rule = findRule(finding.rule);
    if (!rule || rules.includes(rule)) continue;
    rules.push(rule);
    const target = ignoreTarget(finding.range.start.line);
    lines.push(ruleLine(rule, target ? commandLink(ServerCommands.ignoreOnLine, [target.uri, target.line, rule.name]) : undefined));
  }
  for (const directive of lint.output?.directives.suppressions ?? []) {
    for (const name of directive.rules) {
      if (!rangeContains(name.range, position)) continue;
      const rule = findRule(name.text);
      range = name.range;
      if (rule && !rules.includes(rule)) {
        rules.push(rule);
        lines.push(ruleLine(rule));
      } else if (!rule) lines.push(`Unknown rule \`${name.text}\`: no Strategy Lint rule has this name or code.`);
    }
  }
  if (lines.length === 0) {
    const term = options.glossary?.(lint, position);
    return term ? { contents: { kind: 'markdown', value: withinBudget(term.markdown) }, range: term.range } : null;
  }
  const more = rules.length ? showDocumentationLink({ kind: 'rules', ids: rules.map((r) => r.name) }, rules.some((r) => r.glossary.length) ? 'Show documentation (rule pages and glossary)' : 'Show documentation') : '';
  return { contents: { kind: 'markdown', value: joinWithinBudget(lines, more) }, range };
}

/** `**name** (CODE): summary. [docs] · [ignore]` */
export function ruleLine(rule: Rule, ignoreLink?: string): string {
  const links = [`[docs](${ruleDocUri(rule.name)})`];
  if (ignoreLink) links.push(`[ignore](${ignoreLink} "Add # strategy-lint: ignore[${rule.name}] to this line")`);
  return `**${rule.name}** (${rule.code}): ${rule.summary} ${links.join(' · ')}`;
}

export function showDocumentationLink(params: DocumentationParams, label = 'Show documentation'): string {
  return `[${label}](${commandLink(ClientCommands.showDocumentation, [params])})`;
}

/** Rule lines, one paragraph each, then the footer; lines that would pass the budget are counted instead. */
function joinWithinBudget(lines: string[], footer: string): string {
  const kept: string[] = [];
  let size = footer.length + 64;
  for (const [i, line] of lines.entries()) {
    if (size + line.length + 2 > HOVER_BUDGET_CHARS) {
      kept.push(`…and ${lines.length - i} more rule${lines.length - i === 1 ? '' : 's'} here.`);
      break;
    }
    kept.push(line);
    size += line.length + 2;
  }
  return [...kept, footer].filter(Boolean).join('\n\n');
}

/** A term longer than the budget (a user glossary can hold anything) is cut at a word. */
function withinBudget(markdown: string): string {
  if (markdown.length <= HOVER_BUDGET_CHARS) return markdown;
  const cut = markdown.slice(0, HOVER_BUDGET_CHARS - 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), HOVER_BUDGET_CHARS / 2)) + '…';
}
