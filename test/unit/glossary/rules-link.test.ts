import assert from 'node:assert/strict';
import { loadGlossary } from '../../../server/src/engine/glossary/glossary';
import { RULES } from '../../../server/src/engine/rules/registry';

describe('glossary ids named by rules', () => {
  it('every rule glossary id resolves to a term', () => {
    const g = loadGlossary();
    for (const rule of RULES) {
      for (const id of rule.glossary) assert.ok(g.getTerm(id), `${rule.name} names unknown glossary id "${id}"`);
    }
  });
});
