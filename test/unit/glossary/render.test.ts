import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderGlossaryDoc } from '../../../server/src/engine/glossary/doc';
import { getTerm, loadGlossary, type GlossaryTerm } from '../../../server/src/engine/glossary/glossary';
import { renderTermMarkdown, safeLinkTarget } from '../../../server/src/engine/glossary/render';
import { REPO_ROOT } from './helpers';

describe('glossary renderTermMarkdown', () => {
  it('renders title, definition, related titles and a Read more link', () => {
    const t = getTerm('deflated-sharpe-ratio')!;
    const md = renderTermMarkdown(t);
    assert.ok(md.startsWith('**Deflated Sharpe Ratio**\n\n'));
    assert.ok(md.includes(t.definition));
    assert.match(md, /Related: Probabilistic Sharpe Ratio · Multiple Testing \(Data Snooping\) · Trial Count/);
    assert.ok(md.endsWith(`[Read more](${t.source})`));
  });

  it('links related terms when asked and can leave parts out', () => {
    const t = getTerm('holdout')!;
    const md = renderTermMarkdown(t, { relatedLink: (r) => `command:strategyLint.glossary?${r.id}` });
    assert.ok(md.includes('[Out-of-Sample](command:strategyLint.glossary?out-of-sample)'));
    const bare = renderTermMarkdown(t, { omitRelated: true, omitSource: true });
    assert.equal(bare, `**Holdout Set**\n\n${t.definition}`);
  });

  it('escapes markup in titles and refuses non-http sources', () => {
    const t: GlossaryTerm = { id: 'x-y', title: 'a*b [c]', aliases: [], definition: 'D. E.', related: ['nope'], source: 'javascript:alert(1)' };
    const md = renderTermMarkdown(t);
    assert.equal(md, '**a\\*b \\[c\\]**\n\nD. E.');
    const u = renderTermMarkdown({ ...t, source: 'https://example.com/a (b)' });
    assert.ok(u.endsWith('[Read more](https://example.com/a%20%28b%29)'));
  });
});

describe('docs/glossary.md', () => {
  it('equals renderGlossaryDoc() output (regenerate it when terms.json changes)', () => {
    const file = path.join(REPO_ROOT, 'docs', 'glossary.md');
    const committed = fs.readFileSync(file, 'utf8');
    assert.equal(committed, renderGlossaryDoc());
  });

  it('lists every term with its anchor and source', () => {
    const doc = renderGlossaryDoc();
    for (const t of loadGlossary().terms) {
      assert.ok(doc.includes(`<a id="${t.id}"></a>`), t.id);
      assert.ok(doc.includes(`Source: <${safeLinkTarget(t.source)}>`), t.id);
    }
  });
});
