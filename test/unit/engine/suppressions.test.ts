import * as assert from 'node:assert/strict';
import { ignoreInFileEdit, ignoreOnLineEdit } from '../../../server/src/engine/fixes/suppression-edits';
import { applyEdits } from '../../../server/src/engine/fixes/apply';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { LineIndex } from '../../../server/src/engine/text';

const STRATEGY = `from freqtrade.strategy import IStrategy, IntParameter

class Busy(IStrategy):
    a = IntParameter(1, 10, default=3)
    b = IntParameter(1, 10, default=3)
    c = IntParameter(1, 10, default=3)
`;
const config = { select: ['too-many-parameters'], options: { 'too-many-parameters': { 'max-parameters': 2 } } };

describe('suppression directives', () => {
  before(() => initPythonParser());

  it('reports without a directive', () => {
    assert.equal(lintPython({ path: 'x.py', text: STRATEGY, config }).findings.length, 1);
  });

  for (const [label, directive] of [
    ['by name', '# strategy-lint: ignore[too-many-parameters]'],
    ['by code', '# strategy-lint: ignore[SL101]'],
    ['by lower-case code among others', '# strategy-lint: ignore[sl999, sl101]'],
    ['with no list (every rule)', '# strategy-lint: ignore'],
  ]) {
    it(`silences on the line ${label}`, () => {
      const text = STRATEGY.replace('class Busy(IStrategy):', `class Busy(IStrategy):  ${directive}`);
      const out = lintPython({ path: 'x.py', text, config });
      assert.equal(out.findings.length, 0);
      assert.equal(out.suppressed.length, 1);
    });
  }

  it('does not silence other lines or other rules', () => {
    const text = STRATEGY.replace('    a = IntParameter', '    a = IntParameter').replace('from freqtrade', '# strategy-lint: ignore[lookahead-centered-window]\nfrom freqtrade');
    assert.equal(lintPython({ path: 'x.py', text, config }).findings.length, 1);
  });

  it('silences the whole file with ignore-file', () => {
    const text = '# strategy-lint: ignore-file[too-many-parameters]\n' + STRATEGY;
    assert.equal(lintPython({ path: 'x.py', text, config }).findings.length, 0);
  });

  it('adds a line directive, then merges a second rule into it instead of a second comment', () => {
    const out = lintPython({ path: 'x.py', text: STRATEGY, config });
    const line = out.findings[0].range.start.line;
    const first = ignoreOnLineEdit('too-many-parameters', line, out.lines, out.index, out.directives)!;
    const once = applyEdits(STRATEGY, out.lines, [first]);
    assert.match(once.split('\n')[line], /^class Busy\(IStrategy\):  # strategy-lint: ignore\[too-many-parameters\]$/);
    const again = lintPython({ path: 'x.py', text: once, config });
    assert.equal(ignoreOnLineEdit('too-many-parameters', line, again.lines, again.index, again.directives), null, 'already silenced');
    const merged = applyEdits(once, again.lines, [ignoreOnLineEdit('zero-trading-costs', line, again.lines, again.index, again.directives)!]);
    assert.match(merged.split('\n')[line], /# strategy-lint: ignore\[too-many-parameters, zero-trading-costs\]$/);
    assert.equal((merged.match(/strategy-lint:/g) ?? []).length, 1);
  });

  it('keeps an existing comment and appends the directive after it', () => {
    const text = STRATEGY.replace('class Busy(IStrategy):', 'class Busy(IStrategy):  # tuned on 2023');
    const out = lintPython({ path: 'x.py', text, config });
    const edit = ignoreOnLineEdit('too-many-parameters', 2, out.lines, out.index, out.directives)!;
    assert.match(applyEdits(text, out.lines, [edit]).split('\n')[2], /# tuned on 2023  # strategy-lint: ignore\[too-many-parameters\]$/);
  });

  it('refuses a line directive inside a multi-line string', () => {
    const text = 'x = """\nclass Busy(IStrategy):\n"""\n';
    const out = lintPython({ path: 'x.py', text });
    assert.equal(ignoreOnLineEdit('too-many-parameters', 1, out.lines, out.index, out.directives), null);
  });

  it('puts ignore-file after a shebang and encoding line, and merges into an existing one', () => {
    const text = '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n' + STRATEGY;
    const out = lintPython({ path: 'x.py', text, config });
    const withDirective = applyEdits(text, out.lines, [ignoreInFileEdit('too-many-parameters', out.lines, out.directives)!]);
    assert.equal(withDirective.split('\n')[2], '# strategy-lint: ignore-file[too-many-parameters]');
    const again = lintPython({ path: 'x.py', text: withDirective, config });
    const merged = applyEdits(withDirective, again.lines, [ignoreInFileEdit('SL201', again.lines, again.directives)!]);
    assert.equal(merged.split('\n')[2], '# strategy-lint: ignore-file[too-many-parameters, SL201]');
  });

  it('keeps CRLF line endings when inserting the file directive', () => {
    const text = STRATEGY.replace(/\n/g, '\r\n');
    const out = lintPython({ path: 'x.py', text, config });
    const edited = applyEdits(text, new LineIndex(text), [ignoreInFileEdit('too-many-parameters', out.lines, out.directives)!]);
    assert.ok(edited.startsWith('# strategy-lint: ignore-file[too-many-parameters]\r\nfrom'));
  });
});
