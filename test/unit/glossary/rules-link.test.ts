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

describe('rule names quoted in glossary definitions', () => {
  // Definitions name rules to say how Strategy Lint uses a term; a renamed rule must not leave them stale.
  const quoted = [
    'too-many-parameters', 'parameter-at-search-boundary', 'wide-search-space', 'unregularized-model',
    'missing-holdout', 'in-sample-only', 'oos-degradation', 'shuffled-time-series-split', 'insufficient-warmup',
    'lookahead-indicator-not-ready', 'lookahead-scaler-fit-on-full-data', 'zero-trading-costs',
    'unmodelled-trading-costs', 'tiny-sample', 'insignificant-sharpe', 'short-backtest', 'deflated-sharpe',
    'backtest-overfitting', 'too-good-to-be-true', 'profit-concentration',
  ];
  const names = new Set(RULES.map((r) => r.name));
  const text = loadGlossary().terms.map((t) => t.definition).join('\n');

  for (const name of quoted) {
    it(`${name} exists and is quoted`, () => {
      assert.ok(names.has(name), `rule ${name} no longer exists; update terms.json`);
      assert.ok(new RegExp(`(^|[^a-z-])${name}([^a-z-]|$)`).test(text), `${name} is not quoted any more; update this list`);
    });
  }

  it('no other kebab-case rule name is quoted without being listed here', () => {
    for (const name of names) {
      if (quoted.includes(name)) continue;
      const mentioned = new RegExp(`(^|[^a-z-])${name}([^a-z-]|$)`).test(text);
      assert.ok(!mentioned || isTermWord(name), `add ${name} to the quoted list`);
    }
  });
});

/** Rule names that are also ordinary glossary words (e.g. a rule named like a term title). */
function isTermWord(name: string): boolean {
  return loadGlossary().terms.some((t) => t.id === name);
}
