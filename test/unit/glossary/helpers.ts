import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface SeedTerm {
  title: string;
  url: string;
  text: string;
}

export interface Seed {
  terms: SeedTerm[];
  /** All prose of the page (headings and paragraphs before the raw schema data). */
  prose: string;
}

const SEED_NAME = 'model-generalization-glossary.md';

/** The shared seed page, beside the repository (as in CI) or in the workplace's shared folder. */
export function findSeed(): string | undefined {
  const candidates = [
    path.join(REPO_ROOT, '..', 'shared', 'seed', SEED_NAME),
    path.join('/work', 'shared', 'seed', SEED_NAME),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

export function readSeed(file: string): Seed {
  const text = fs.readFileSync(file, 'utf8');
  const cut = text.indexOf('## Raw Schema Data');
  const prose = cut >= 0 ? text.slice(0, cut) : text;
  const terms: SeedTerm[] = [];
  const heading = /^## \[([^\]]+)\]\((https?:[^)\s]+)\)\s*$/gm;
  const matches = [...prose.matchAll(heading)];
  matches.forEach((m, i) => {
    const from = m.index! + m[0].length;
    const to = i + 1 < matches.length ? matches[i + 1].index! : prose.length;
    terms.push({ title: m[1], url: m[2], text: prose.slice(from, to).trim() });
  });
  return { terms, prose };
}

export function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function ngrams(ws: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
}

/** Sentences end with . ! or ? followed by whitespace or the end of the text. */
export function sentenceCount(s: string): number {
  return (s.trim().match(/[.!?](?=\s|$)/g) ?? []).length;
}
