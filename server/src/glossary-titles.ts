// Glossary term titles for rule docs.
import { getTerm } from './engine/glossary/glossary';

export function glossaryTitle(id: string): string | undefined {
  return getTerm(id)?.title;
}
