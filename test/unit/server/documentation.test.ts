// The read-only documentation pages: rules with their glossary terms, and single terms.
import * as assert from 'node:assert/strict';
import { documentationPage } from '../../../server/src/documentation';

describe('documentation pages', () => {
  it('renders the full rule pages with their glossary terms', () => {
    const page = documentationPage({ kind: 'rules', ids: ['too-many-parameters', 'SL604'] })!;
    assert.match(page.markdown, /^# too-many-parameters \(SL101\)/);
    assert.match(page.markdown, /# deflated-sharpe \(SL604\)/);
    assert.match(page.markdown, /## Why it matters/);
    assert.match(page.markdown, /### Glossary/);
  });

  it('renders a glossary term', () => {
    assert.match(documentationPage({ kind: 'term', id: 'deflated-sharpe-ratio' })!.markdown, /Deflated Sharpe/);
  });

  it('answers null to unknown or malformed requests', () => {
    assert.equal(documentationPage({ kind: 'term', id: 'no-such-term' }), null);
    assert.equal(documentationPage({ kind: 'rules', ids: ['no-such-rule'] }), null);
    assert.equal(documentationPage(undefined), null);
    assert.equal(documentationPage({ kind: 'rules' } as never), null);
  });
});
