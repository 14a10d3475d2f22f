// The language server lints each version once, reusing the previous version's analysis: a change
// makes the cached lint stale but hands its tree copy to the next lint.
import * as assert from 'node:assert/strict';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { LintSession } from '../../../server/src/engine/session';
import { LintService } from '../../../server/src/lint-service';
import { DocumentStore } from '../../../server/src/python-documents';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const STRATEGY = `import numpy as np


def lagged(values):
    return np.roll(values, 1)


class Momentum:
    def signal(self, closes):
        return closes[-1] > closes[-20]
`;

describe('LintService between versions', () => {
  before(() => initPythonParser());

  function service() {
    const store = new DocumentStore();
    const lints = new LintService(store, () => undefined, new LintSession({ rootFor: () => '/ws' }));
    return { store, lints };
  }

  it('a change hands the previous version\'s tree copy to the next lint', () => {
    const { store, lints } = service();
    const uri = 'file:///ws/momentum.py';
    const first = lints.lint(store.open(uri, 'python', 1, STRATEGY), DEFAULT_SETTINGS).output!;
    const kept = first.index.root.children.find((c) => c.type === 'function_definition')!;
    const at = STRATEGY.indexOf('closes[-20]');
    const entry = store.change(uri, 2, [{ range: { start: { line: 9, character: at - STRATEGY.lastIndexOf('\n', at) - 1 }, end: { line: 9, character: at - STRATEGY.lastIndexOf('\n', at) - 1 } }, text: ' ' }])!;
    lints.invalidate(uri);
    const second = lints.lint(entry, DEFAULT_SETTINGS).output!;
    assert.ok(second.index.root.children.includes(kept), 'the unchanged function was taken over');
    assert.equal(second.index.root.text, entry.document.getText());
    assert.equal(lints.cached(uri)?.output, second);
  });

  it('closing or reopening a document keeps nothing of it', () => {
    const { store, lints } = service();
    const uri = 'file:///ws/momentum.py';
    const first = lints.lint(store.open(uri, 'python', 1, STRATEGY), DEFAULT_SETTINGS).output!;
    lints.invalidate(uri);
    lints.forget(uri);
    const again = lints.lint(store.open(uri, 'python', 1, STRATEGY), DEFAULT_SETTINGS).output!;
    assert.ok(!again.index.root.children.some((c) => first.index.root.children.includes(c)));
  });
});
