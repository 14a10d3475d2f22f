// Hover: a rule's doc over its diagnostic or its name in a suppression comment; glossary terms
// over identifiers, comment phrases and result keys (see glossary-hover.ts).
import type { Hover, Position } from 'vscode-languageserver';
import { renderRuleMarkdown } from './engine/rules/docs';
import { findRule } from './engine/rules/registry';
import { rangeContains } from './engine/text';
import { ruleTermsMarkdown } from './glossary-hover';
import { glossaryTitle as defaultGlossaryTitle } from './glossary-titles';
import type { DocumentLint } from './lint-service';

export type GlossaryHover = (lint: DocumentLint, position: Position) => { markdown: string; range?: Hover['range'] } | undefined;

export function hoverAt(lint: DocumentLint, position: Position, glossary?: GlossaryHover, glossaryTitle: (id: string) => string | undefined = defaultGlossaryTitle): Hover | null {
  const sections: string[] = [];
  let range: Hover['range'];
  for (const finding of lint.findings) {
    if (!rangeContains(finding.range, position)) continue;
    const rule = findRule(finding.rule);
    if (rule && !sections.some((s) => s.startsWith(`# ${rule.name} `))) {
      const terms = ruleTermsMarkdown(rule.glossary);
      sections.push(renderRuleMarkdown(rule, glossaryTitle) + (terms ? '\n' + terms : ''));
    }
    range ??= finding.range;
  }
  for (const directive of lint.output?.directives.suppressions ?? []) {
    for (const name of directive.rules) {
      if (!rangeContains(name.range, position)) continue;
      const rule = findRule(name.text);
      sections.push(rule ? renderRuleMarkdown(rule, glossaryTitle) : `Unknown rule \`${name.text}\`: no Strategy Lint rule has this name or code.`);
      range = name.range;
    }
  }
  if (sections.length === 0 && glossary) {
    const term = glossary(lint, position);
    if (term) return { contents: { kind: 'markdown', value: term.markdown }, range: term.range };
  }
  if (sections.length === 0) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range };
}
