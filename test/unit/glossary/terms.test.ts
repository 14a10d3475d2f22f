import assert from 'node:assert/strict';
import { allTerms, aliasProblem, getTerm, KEBAB_ID, loadGlossary } from '../../../server/src/engine/glossary/glossary';
import { aliasKey, isCaseSensitiveAlias } from '../../../server/src/engine/glossary/match';
import { findSeed, ngrams, readSeed, sentenceCount, words } from './helpers';

describe('glossary terms.json', () => {
  const terms = loadGlossary().terms;

  it('has unique kebab-case ids', () => {
    const seen = new Set<string>();
    for (const t of terms) {
      assert.match(t.id, KEBAB_ID, t.id);
      assert.ok(!seen.has(t.id), `duplicate id ${t.id}`);
      seen.add(t.id);
    }
  });

  it('has a title, definition and http(s) source for every term', () => {
    for (const t of terms) {
      assert.ok(t.title.trim().length > 0, t.id);
      assert.ok(t.definition.trim().length > 80, `${t.id}: definition too short`);
      assert.match(t.source, /^https:\/\/\S+$/, `${t.id}: source`);
      assert.ok(Array.isArray(t.aliases) && Array.isArray(t.related), t.id);
    }
  });

  it('writes every definition in 2 to 4 sentences', () => {
    for (const t of terms) {
      const n = sentenceCount(t.definition);
      assert.ok(n >= 2 && n <= 4, `${t.id}: ${n} sentences`);
      assert.doesNotMatch(t.definition, /\b(e\.g|i\.e|etc|vs)\./, `${t.id}: abbreviation makes sentence counting unreliable`);
    }
  });

  it('refers only to existing related ids, never to itself', () => {
    for (const t of terms) {
      for (const r of t.related) {
        assert.ok(getTerm(r), `${t.id}: related id ${r} does not exist`);
        assert.notEqual(r, t.id);
      }
      assert.equal(new Set(t.related).size, t.related.length, `${t.id}: repeated related id`);
    }
  });

  it('has no alias that maps to two terms and no noisy alias', () => {
    const owner = new Map<string, string>();
    for (const t of terms) {
      for (const a of t.aliases) {
        assert.equal(aliasProblem(a), undefined, `${t.id}: ${a}`);
        const key = isCaseSensitiveAlias(a) ? `exact:${a}` : `key:${aliasKey(a)}`;
        const prev = owner.get(key);
        assert.ok(prev === undefined || prev === t.id, `alias "${a}" maps to both ${prev} and ${t.id}`);
        owner.set(key, t.id);
      }
    }
  });

  it('includes the concepts the rules rest on', () => {
    const required = [
      'sharpe-ratio', 'probabilistic-sharpe-ratio', 'deflated-sharpe-ratio', 'probability-of-backtest-overfitting',
      'cscv', 'minimum-track-record-length', 'minimum-backtest-length', 'multiple-testing', 'holdout',
      'out-of-sample', 'walk-forward-analysis', 'cross-validation', 'purged-k-fold', 'lookahead-bias',
      'regularization', 'degrees-of-freedom', 'trading-costs', 'slippage', 'regime-change', 'survivorship-bias',
      'drawdown', 'profit-factor', 'in-sample', 'hyperparameter-optimization', 'win-rate', 'warmup-period',
      'time-series-split', 'feature-scaling-leakage', 'elastic-net', 'trial-count',
    ];
    for (const id of required) assert.ok(getTerm(id), `missing ${id}`);
  });

  it('allTerms() lists the built-in terms', () => {
    assert.equal(allTerms().length, terms.length);
  });
});

describe('glossary coverage of the seed page', function () {
  const file = findSeed();
  if (!file) {
    it('seed page not found beside the repository (../shared/seed); skipped');
    return;
  }
  const seed = readSeed(file);
  const terms = loadGlossary().terms;
  const byTitle = new Map(terms.map((t) => [t.title, t]));

  it('parses all 30 seed headings', () => {
    assert.equal(seed.terms.length, 30);
    assert.ok(seed.terms.some((s) => s.title === 'Model Generalization'));
  });

  it('has every seed term, non-empty and linked to exactly its seed URL', () => {
    for (const s of seed.terms) {
      const t = byTitle.get(s.title);
      assert.ok(t, `missing seed term "${s.title}"`);
      assert.ok(t.definition.trim().length > 0);
      assert.equal(t.source, s.url, `${s.title}: source`);
    }
  });

  it('does not copy seed sentences (no 8-word run shared with the seed page)', () => {
    const seedGrams = ngrams(words(seed.prose), 8);
    assert.ok(seedGrams.size > 500, 'seed prose was read');
    for (const t of terms) {
      for (const g of ngrams(words(t.definition), 8)) {
        assert.ok(!seedGrams.has(g), `${t.id} shares "${g}" with the seed page`);
      }
    }
  });
});
