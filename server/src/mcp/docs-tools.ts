// explain_rule and explain_term: the rule documentation the CLI's `rule` command prints (rendered
// from the rule files) and the glossary the editor's hovers show (built-in terms plus the root
// configuration's glossary files).
import { activeGlossary, type GlossaryTerm } from '../engine/glossary/glossary';
import { matchIdentifier, matchPhrase } from '../engine/glossary/match';
import { renderTermMarkdown } from '../engine/glossary/render';
import { renderRuleMarkdown } from '../engine/rules/docs';
import { findRule, RULES, selectRules } from '../engine/rules/registry';
import { glossaryTitle } from '../glossary-titles';
import { ToolError } from './tool-result';

const ruleLine = (r: (typeof RULES)[number]) => ({ code: r.code, name: r.name, severity: r.defaultSeverity, summary: r.summary });

export function explainRule(request: { rule: string }) {
  const rule = findRule(request.rule);
  if (rule) {
    return {
      markdown: renderRuleMarkdown(rule, glossaryTitle),
      data: { ...ruleLine(rule), family: rule.family, fixSafety: rule.fixSafety ?? null, glossary: rule.glossary, options: rule.options ?? {} },
    };
  }
  // A prefix (SL2) or ALL lists the rules it selects, as `strategy-lint rules` does.
  const selected = selectRules(request.rule);
  if (selected.length) {
    const rows = selected.map(ruleLine);
    return { markdown: rows.map((r) => `- ${r.code} \`${r.name}\` (${r.severity}): ${r.summary}`).join('\n') + '\n', data: { rules: rows } };
  }
  const words = request.rule.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  const near = RULES.filter((r) => words.some((w) => r.name.includes(w))).map((r) => `${r.code} ${r.name}`);
  throw new ToolError(`unknown rule '${request.rule}'${near.length ? `; did you mean: ${near.slice(0, 8).join(', ')}` : ''} (give a name, a code such as SL101, a prefix such as SL2, or ALL)`);
}

/** The term an id, a title or an alias phrase names. */
function findTerm(query: string): GlossaryTerm | undefined {
  const glossary = activeGlossary();
  const text = query.trim();
  const kebab = text.toLowerCase().replace(/[\s_]+/g, '-');
  const byId = glossary.getTerm(kebab);
  if (byId) return byId;
  const byTitle = glossary.terms.find((t) => t.title.toLowerCase() === text.toLowerCase());
  if (byTitle) return byTitle;
  // An alias phrase covering the whole query ("out of sample", "DSR"), else an identifier (oos_start).
  const phrase = matchPhrase(text, 0);
  if (phrase && phrase.start === 0 && phrase.end === text.length) return phrase.term;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? matchIdentifier(text) : undefined;
}

export function explainTerm(request: { term: string }) {
  const term = findTerm(request.term);
  if (!term) {
    const words = request.term.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
    const near = activeGlossary().terms.filter((t) => words.some((w) => t.id.includes(w) || t.title.toLowerCase().includes(w))).map((t) => t.id);
    throw new ToolError(`no glossary term for '${request.term}'${near.length ? `; related ids: ${near.slice(0, 10).join(', ')}` : ''}`);
  }
  const related = term.related.map((id) => activeGlossary().getTerm(id)).filter((t): t is GlossaryTerm => !!t).map((t) => ({ id: t.id, title: t.title }));
  return {
    markdown: renderTermMarkdown(term),
    data: { id: term.id, title: term.title, definition: term.definition, aliases: term.aliases, related, source: term.source },
  };
}
