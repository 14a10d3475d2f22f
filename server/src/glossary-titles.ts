// Glossary term titles for rule docs (filled in once the glossary is loaded).
export function glossaryTitle(_id: string): string | undefined {
  return undefined;
}
