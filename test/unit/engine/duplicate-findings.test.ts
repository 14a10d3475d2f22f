// The same rule reporting the same message twice on one line is one finding (issue 19).
import * as assert from 'node:assert/strict';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import type { Rule } from '../../../server/src/engine/rules/rule';

const twice: Rule = {
  name: 'test-twice',
  code: 'SL999',
  family: 'meta',
  defaultSeverity: 'warning',
  summary: 'test rule',
  glossary: [],
  docs: { what: '', why: '', example: '', fix: '' },
  check(context, report) {
    const node = context.index.root;
    report({ node, message: 'same words' });
    report({ node, message: 'same words' });
    report({ node, message: 'other words' });
  },
};

describe('duplicate findings', () => {
  before(() => initPythonParser());

  it('keeps one of two identical findings of a rule on a line, and different messages apart', () => {
    const output = lintPython({ path: 'x.py', text: 'x = 1\n', rules: [twice] });
    try {
      assert.deepEqual(output.findings.map((f) => f.message).sort(), ['other words', 'same words']);
      assert.equal(output.findings.filter((f) => f.message === 'same words').length, 1);
      assert.equal(output.findings.length, 2);
    } finally {
      output.release();
    }
  });
});
