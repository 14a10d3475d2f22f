// The pages behind "Show documentation" (a hover's rules with their glossary terms) and
// "Explain Term..." (one term), answered to the client's read-only documentation view.
import { getTerm } from './engine/glossary/glossary';
import { renderTermMarkdown } from './engine/glossary/render';
import { renderRuleMarkdown } from './engine/rules/docs';
import { findRule } from './engine/rules/registry';
import { ruleTermsMarkdown } from './glossary-hover';
import { glossaryTitle } from './glossary-titles';
import type { DocumentationPage, DocumentationParams } from './protocol';

export function documentationPage(params: DocumentationParams | undefined): DocumentationPage | null {
  if (params?.kind === 'term') {
    const term = getTerm(String(params.id ?? ''));
    return term ? { title: term.title, markdown: renderTermMarkdown(term) } : null;
  }
  if (params?.kind === 'rules' && Array.isArray(params.ids)) {
    const rules = params.ids.map((id) => findRule(String(id))).filter((r) => r !== undefined);
    if (rules.length === 0) return null;
    const pages = rules.map((rule) => {
      const terms = ruleTermsMarkdown(rule.glossary);
      return renderRuleMarkdown(rule, glossaryTitle) + (terms ? '\n' + terms : '');
    });
    return { title: rules.map((r) => r.name).join(', '), markdown: pages.join('\n\n---\n\n') };
  }
  return null;
}
