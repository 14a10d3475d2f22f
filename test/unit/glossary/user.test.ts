import assert from 'node:assert/strict';
import { ID_SYNONYMS, loadGlossary, parseUserGlossary } from '../../../server/src/engine/glossary/glossary';

describe('glossary parseUserGlossary', () => {
  it('accepts a JSON array of terms', () => {
    const text = JSON.stringify([
      { id: 'my-edge', title: 'My Edge', definition: 'A house metric. It is ours.', aliases: ['edge_score'], related: ['sharpe-ratio'], source: 'https://example.com/edge' },
    ]);
    const r = parseUserGlossary(text, 'glossary.json');
    assert.deepEqual(r.problems, []);
    assert.equal(r.terms.length, 1);
    assert.deepEqual(r.terms[0], {
      id: 'my-edge', title: 'My Edge', definition: 'A house metric. It is ours.', aliases: ['edge_score'], related: ['sharpe-ratio'], source: 'https://example.com/edge',
    });
  });

  it('accepts {"terms": [...]} with comments and trailing commas', () => {
    const text = '{\n  // house terms\n  "terms": [\n    {"id": "sharpe-ratio", "aliases": ["sr_annual"],},\n  ],\n}';
    const r = parseUserGlossary(text, 'g.jsonc');
    assert.deepEqual(r.problems, []);
    assert.equal(r.terms[0].id, 'sharpe-ratio');
    assert.deepEqual(r.terms[0].aliases, ['sr_annual']);
  });

  it('reports syntax errors with an offset and never throws', () => {
    const r = parseUserGlossary('[{"id": "a-b", "title": "x" "definition": "y"}]', 'bad.json');
    assert.equal(r.terms.length, 0);
    assert.ok(r.problems.length > 0);
    assert.ok(r.problems[0].message.startsWith('bad.json: JSON syntax error'));
    assert.equal(typeof r.problems[0].offset, 'number');
    for (const text of ['', '   ', 'null', '42', '"str"', '{}', '{"terms": 3}', '[1, "x", null, []]', '\u0000\u0001', '[' .repeat(1000)]) {
      const res = parseUserGlossary(text, 'f.json');
      assert.equal(res.terms.length, 0, JSON.stringify(text.slice(0, 20)));
      assert.ok(res.problems.length > 0, JSON.stringify(text.slice(0, 20)));
    }
  });

  it('skips bad entries, reporting each with its place', () => {
    const text = JSON.stringify([
      { id: 'Bad Id', title: 'T', definition: 'D.' },
      { title: 'no id', definition: 'D.' },
      { id: 'new-term', title: 'New' },
      { id: 'other-term', title: 'Other', definition: 'Fine. Good.', source: 'ftp://x' },
      { id: 'dup', title: 'Dup', definition: 'One. Two.' },
      { id: 'dup', title: 'Dup again', definition: 'One. Two.' },
      { id: 'typed', title: 5, definition: 'D.' },
      { id: 'good', title: 'Good', definition: 'Fine. Good.' },
    ]);
    const r = parseUserGlossary(text, 'g.json');
    assert.deepEqual(r.terms.map((t) => t.id), ['dup', 'good']);
    assert.equal(r.problems.length, 6);
    for (const p of r.problems) {
      assert.equal(typeof p.offset, 'number', p.message);
      assert.ok(p.offset! >= 0 && p.offset! < text.length);
    }
    assert.ok(r.problems.some((p) => /kebab-case/.test(p.message)));
    assert.ok(r.problems.some((p) => /needs both "title" and "definition"/.test(p.message)));
    assert.ok(r.problems.some((p) => /http\(s\) URL/.test(p.message)));
    assert.ok(r.problems.some((p) => /duplicate id "dup"/.test(p.message)));
  });

  it('drops noisy aliases and unknown related ids but keeps the term', () => {
    const text = JSON.stringify([
      { id: 'my-edge', title: 'Edge', definition: 'Ours. Really.', aliases: ['x', 'data', 'value', 'edge_score', 7, ''], related: ['sharpe-ratio', 'nope', 'other'] },
      { id: 'other', title: 'Other', definition: 'Also ours. Yes.' },
    ]);
    const r = parseUserGlossary(text, 'g.json');
    assert.deepEqual(r.terms[0].aliases, ['edge_score']);
    assert.deepEqual(r.terms[0].related, ['sharpe-ratio', 'other']);
    assert.equal(r.problems.length, 6);
  });
});

describe('glossary loadGlossary merge', () => {
  it('caches the built-in glossary', () => {
    assert.equal(loadGlossary(), loadGlossary());
    assert.equal(loadGlossary([]), loadGlossary());
    assert.equal(loadGlossary([[]]), loadGlossary());
  });

  it('adds new user terms and extends built-in ones by id', () => {
    const base = loadGlossary();
    const user = parseUserGlossary(
      JSON.stringify([
        { id: 'sharpe-ratio', aliases: ['sr_annual'], related: ['my-edge'] },
        { id: 'my-edge', title: 'My Edge', definition: 'A house metric. It is ours.', related: ['sharpe-ratio'] },
      ]),
      'u.json',
    );
    assert.deepEqual(user.problems, []);
    const g = loadGlossary([user.terms]);
    assert.notEqual(g, base);
    assert.equal(g.terms.length, base.terms.length + 1);
    const sharpe = g.getTerm('sharpe-ratio')!;
    assert.equal(sharpe.title, base.getTerm('sharpe-ratio')!.title);
    assert.equal(sharpe.definition, base.getTerm('sharpe-ratio')!.definition);
    assert.ok(sharpe.aliases.includes('sharpe') && sharpe.aliases.includes('sr_annual'));
    assert.ok(sharpe.related.includes('my-edge'));
    assert.equal(g.getTerm('my-edge')!.title, 'My Edge');
    // The built-in index is untouched.
    assert.ok(!base.getTerm('sharpe-ratio')!.aliases.includes('sr_annual'));
    assert.equal(base.getTerm('my-edge'), undefined);
  });

  it('lets a user entry replace a built-in definition, later files winning', () => {
    const a = [{ id: 'drawdown', title: 'DD', aliases: [], definition: 'First. Text.', related: [], source: '' }];
    const b = [{ id: 'drawdown', title: '', aliases: [], definition: 'Second. Text.', related: [], source: 'https://example.com/dd' }];
    const g = loadGlossary([a, b]);
    const t = g.getTerm('drawdown')!;
    assert.equal(t.title, 'DD');
    assert.equal(t.definition, 'Second. Text.');
    assert.equal(t.source, 'https://example.com/dd');
  });

  it('drops related ids that point nowhere after merging', () => {
    const g = loadGlossary([[{ id: 'lonely', title: 'Lonely', aliases: [], definition: 'A. B.', related: ['missing', 'lonely', 'drawdown'], source: '' }]]);
    assert.deepEqual(g.getTerm('lonely')!.related, ['drawdown']);
  });
});

describe('glossary id synonyms', () => {
  it('resolve to existing canonical ids and never shadow a real id', () => {
    const g = loadGlossary();
    for (const [syn, id] of Object.entries(ID_SYNONYMS)) {
      assert.equal(g.byId.has(syn), false, `${syn} is a real id`);
      assert.equal(g.getTerm(syn)?.id, id, syn);
    }
    assert.equal(g.getTerm('constructor'), undefined);
    assert.equal(g.getTerm('toString'), undefined);
  });

  it('map user entries and related ids to the canonical id', () => {
    const r = parseUserGlossary(JSON.stringify([{ id: 'walk-forward', aliases: ['wf_window'], related: ['data-snooping'] }]), 'u.json');
    assert.deepEqual(r.problems, []);
    assert.equal(r.terms[0].id, 'walk-forward-analysis');
    assert.deepEqual(r.terms[0].related, ['multiple-testing']);
    const g = loadGlossary([r.terms]);
    assert.equal(g.terms.length, loadGlossary().terms.length);
    assert.ok(g.getTerm('walk-forward-analysis')!.aliases.includes('wf_window'));
  });
});
