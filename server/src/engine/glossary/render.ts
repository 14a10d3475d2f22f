// Markdown for hovers and docs. Pure string building.

import { activeGlossary, type GlossaryTerm } from './glossary';

export interface RenderOptions {
  /** Resolves related ids to terms (for their titles); defaults to the active glossary. */
  resolve?: (id: string) => GlossaryTerm | undefined;
  /** Turns a related term into a link target; without it related terms are plain text. */
  relatedLink?: (term: GlossaryTerm) => string | undefined;
  /** Leave out the related-terms line. */
  omitRelated?: boolean;
  /** Leave out the "Read more" link. */
  omitSource?: boolean;
}

/** Escape characters that Markdown would treat as markup in short inline text. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}\[\]<>#|]/g, (c) => '\\' + c);
}

/** A URL made safe to sit inside `(...)` of a Markdown link; non-http(s) URLs give undefined. */
export function safeLinkTarget(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return undefined;
  return trimmed.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

export function renderTermMarkdown(term: GlossaryTerm, opts: RenderOptions = {}): string {
  const resolve = opts.resolve ?? ((id: string) => activeGlossary().getTerm(id));
  const parts: string[] = [];
  parts.push(`**${escapeMarkdown(term.title)}**`);
  if (term.definition) parts.push(term.definition);
  if (!opts.omitRelated) {
    const related = term.related
      .map((id) => resolve(id))
      .filter((t): t is GlossaryTerm => t !== undefined)
      .map((t) => {
        const title = escapeMarkdown(t.title);
        const target = opts.relatedLink?.(t);
        return target ? `[${title}](${target})` : title;
      });
    if (related.length > 0) parts.push(`Related: ${related.join(' · ')}`);
  }
  if (!opts.omitSource) {
    const target = safeLinkTarget(term.source);
    if (target) parts.push(`[Read more](${target})`);
  }
  return parts.join('\n\n');
}
