import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, selectFixes } from '../../../../server/src/engine/fixes/apply';
import { enabledRules, lintPython, type LintConfig } from '../../../../server/src/engine/lint';
import { initPythonParser } from '../../../../server/src/engine/python/parser';
import { unusedSuppression, unusedSuppressionFindings, type UnusedSuppressionOutput } from '../../../../server/src/engine/rules/meta/unused-suppression';
import { findRule, RULES } from '../../../../server/src/engine/rules/registry';
import { LineIndex } from '../../../../server/src/engine/text';

const STRATEGY = `from freqtrade.strategy import IStrategy, IntParameter

class Busy(IStrategy):
    a = IntParameter(1, 10, default=3)
    b = IntParameter(1, 10, default=3)
    c = IntParameter(1, 10, default=3)
`;
const CONFIG: LintConfig = {
  select: ['too-many-parameters', 'lookahead-negative-shift', 'tiny-sample', 'unused-suppression'],
  options: { 'too-many-parameters': { 'max-parameters': 2 } },
};
const CLASS_LINE = 2;

/** Lints, then runs the hook the way lintPython does after applySuppressions. */
function unused(text: string, config: LintConfig = CONFIG, resultsAttached = false): UnusedSuppressionOutput & { text: string } {
  const out = lintPython({ path: 'x.py', text, config });
  try {
    const ran = enabledRules(config).map((r) => r.name);
    const result = unusedSuppressionFindings({
      directives: out.directives,
      suppressed: out.suppressed.filter((f) => f.rule !== 'unused-suppression'),
      lines: out.lines,
      enabledRules: ran,
      failedRules: out.failures.map((f) => f.rule),
      resultsAttached,
      findRule,
    });
    return { ...result, text };
  } finally {
    out.release();
  }
}

/** Applies every SL901 fix that fits in one pass. */
function fixed(result: { findings: { fix?: unknown }[]; text: string }): string {
  const lines = new LineIndex(result.text);
  const { applied } = selectFixes(result.findings as never, lines, false);
  return applyEdits(result.text, lines, applied.flatMap((f) => f.fix!.edits));
}

const withComment = (comment: string, line = 'class Busy(IStrategy):') => STRATEGY.replace(line, `${line}${comment}`);

describe('unused-suppression (SL901)', () => {
  before(() => initPythonParser());

  it('is registered in the meta family with docs, a safe fix and a no-op check', () => {
    assert.equal(findRule('SL901'), unusedSuppression);
    assert.equal(findRule('unused-suppression')?.family, 'meta');
    assert.equal(unusedSuppression.defaultSeverity, 'info');
    assert.equal(unusedSuppression.fixSafety, 'safe');
    assert.equal(RULES[RULES.length - 1], unusedSuppression);
    let reported = 0;
    unusedSuppression.check({} as never, () => reported++);
    assert.equal(reported, 0);
  });

  it('says nothing about a suppression that silenced a finding', () => {
    for (const comment of ['  # strategy-lint: ignore[too-many-parameters]', '  # strategy-lint: ignore[SL101]', '  # strategy-lint: ignore']) {
      assert.deepEqual(unused(withComment(comment)).findings, [], comment);
    }
    assert.deepEqual(unused('# strategy-lint: ignore-file[SL101]\n' + STRATEGY).findings, []);
  });

  it('reports an entry that silenced nothing, at the entry, with severity info', () => {
    const text = withComment('  # strategy-lint: ignore[too-many-parameters]', '    a = IntParameter(1, 10, default=3)');
    const { findings } = unused(text);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.code, 'SL901');
    assert.equal(f.rule, 'unused-suppression');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Unused suppression: too-many-parameters \(SL101\) reports nothing on this line\.$/);
    const line = text.split('\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.end.character), 'too-many-parameters');
    assert.equal(f.fix?.safety, 'safe');
    assert.equal(fixed({ findings, text }), STRATEGY, 'the whole trailing comment goes');
  });

  it('removes only the unused entry (and its comma) when others are used', () => {
    const first = withComment('  # strategy-lint: ignore[lookahead-negative-shift, too-many-parameters]');
    assert.equal(fixed(unused(first)), withComment('  # strategy-lint: ignore[too-many-parameters]'));
    const last = withComment('  # strategy-lint: ignore[SL101, SL201]');
    const result = unused(last);
    assert.deepEqual(result.findings.map((f) => f.message), ['Unused suppression: lookahead-negative-shift (SL201) reports nothing on this line.']);
    assert.equal(fixed(result), withComment('  # strategy-lint: ignore[SL101]'));
  });

  it('fixes several entries of one directive in a single pass (adjacent, non-overlapping edits)', () => {
    const text = withComment('  # strategy-lint: ignore[nope-one, SL201, too-many-parameters, nope-two, lookahead-negative-shift]');
    const result = unused(text);
    assert.equal(result.findings.length, 4, 'two unknown, SL201 unused, and lookahead-negative-shift repeated');
    assert.equal(fixed(result), withComment('  # strategy-lint: ignore[too-many-parameters]'));
  });

  it('reports unknown rule names and duplicates', () => {
    const result = unused(withComment('  # strategy-lint: ignore[SL101, too-many-parameter, too-many-parameters]'));
    assert.deepEqual(result.findings.map((f) => f.message), [
      'Unknown rule `too-many-parameter` in a suppression directive: it silences nothing.',
      '`too-many-parameters` repeats too-many-parameters (SL101) in this directive.',
    ]);
    assert.equal(fixed(result), withComment('  # strategy-lint: ignore[SL101]'));
  });

  it('removes an unused own-line ignore-file directive with its line', () => {
    const text = '#!/usr/bin/env python\n# strategy-lint: ignore-file[lookahead-negative-shift]\n' + STRATEGY;
    const result = unused(text);
    assert.match(result.findings[0].message, /reports nothing in this file\.$/);
    assert.equal(fixed(result), '#!/usr/bin/env python\n' + STRATEGY);
    const last = STRATEGY + '# strategy-lint: ignore-file[SL201]';
    assert.equal(fixed(unused(last)), STRATEGY.replace(/\n$/, ''));
  });

  it('keeps other comment text', () => {
    const cases: [string, string][] = [
      ['  # keep this note  # strategy-lint: ignore[SL201]', '  # keep this note'],
      ['  # strategy-lint: ignore[SL201] because of the legacy loader', '  # because of the legacy loader'],
      ['  # noqa: E501 strategy-lint: ignore[SL201]', '  # noqa: E501'],
      ['  # strategy-lint: ignore[SL201]  strategy-lint: trials=40', '  # strategy-lint: trials=40'],
    ];
    for (const [comment, expected] of cases) {
      assert.equal(fixed(unused(withComment(comment, '    a = IntParameter(1, 10, default=3)'))), withComment(expected, '    a = IntParameter(1, 10, default=3)'), comment);
    }
  });

  it('does not judge rules that did not run: disabled, or results rules without results', () => {
    const text = withComment('  # strategy-lint: ignore[zero-trading-costs, tiny-sample]', '    a = IntParameter(1, 10, default=3)');
    assert.deepEqual(unused(text).findings, [], 'zero-trading-costs is not selected; tiny-sample needs results');
    assert.deepEqual(unused(text, CONFIG, true).findings.map((f) => f.message), ['Unused suppression: tiny-sample (SL601) reports nothing on this line.']);
    assert.deepEqual(unused(text, { ...CONFIG, severity: { 'tiny-sample': 'off' } }, true).findings, []);
  });

  it('reports a blanket directive that silenced nothing, only when every enabled rule could fire', () => {
    const text = withComment('  # strategy-lint: ignore', '    a = IntParameter(1, 10, default=3)');
    assert.deepEqual(unused(text).findings, [], 'tiny-sample is enabled but no results are attached');
    const noResultsRules: LintConfig = { ...CONFIG, select: ['too-many-parameters', 'lookahead-negative-shift'] };
    const result = unused(text, noResultsRules);
    assert.deepEqual(result.findings.map((f) => f.message), ['Unused suppression: this blanket `ignore` silences no finding on this line.']);
    assert.equal(fixed(result), STRATEGY);
  });

  it('its own findings can be silenced by naming it, but not by the blanket directive they report', () => {
    const named = unused(withComment('  # strategy-lint: ignore[SL201, unused-suppression]', '    a = IntParameter(1, 10, default=3)'));
    assert.deepEqual(named.findings, []);
    assert.equal(named.suppressed.length, 1);
    const fileWide = unused('# strategy-lint: ignore-file[SL901]\n' + withComment('  # strategy-lint: ignore[nope]'));
    assert.deepEqual(fileWide.findings, []);
    assert.equal(fileWide.suppressed.length, 1);
  });

  it('caps the findings of a pathological directive (thousands of entries)', () => {
    const text = '# strategy-lint: ignore[' + 'SL101,'.repeat(5000) + ']\n' + STRATEGY;
    const result = unused(text);
    assert.equal(result.findings.length, 100);
    assert.ok(result.findings.every((f) => f.range.start.line === 0 && f.fix!.edits[0].range.end.character <= text.indexOf('\n')));
  });

  it('fixing converges: no SL901 left, the same findings still silenced, other comment text kept (fast-check)', () => {
    const entry = fc.constantFrom('too-many-parameters', 'SL101', 'sl201', 'lookahead-negative-shift', 'nope', 'tiny-sample', 'unused-suppression', 'x-y');
    const directive = fc.record({
      kind: fc.constantFrom('ignore', 'ignore-file'),
      entries: fc.array(entry, { maxLength: 4 }),
      before: fc.constantFrom('', 'note: ', 'TODO  # '),
      after: fc.constantFrom('', ' -- reviewed'),
      line: fc.constantFrom('class Busy(IStrategy):', '    a = IntParameter(1, 10, default=3)', ''),
    });
    fc.assert(
      fc.property(fc.array(directive, { maxLength: 3 }), (directives) => {
        let text = STRATEGY;
        for (const d of directives) {
          const comment = `# ${d.before}strategy-lint: ${d.kind}${d.entries.length ? `[${d.entries.join(', ')}]` : ''}${d.after}`;
          text = d.line ? text.replace(d.line, `${d.line}  ${comment}`) : `${comment}\n${text}`;
        }
        const silencedBefore = lintPython({ path: 'x.py', text, config: CONFIG });
        const before = silencedBefore.suppressed.filter((f) => f.code !== 'SL901').map((f) => f.code).sort(); // lines may shift when a comment line goes
        silencedBefore.release();
        let current = text;
        for (let round = 0; round < 6; round++) {
          const result = unused(current);
          if (result.findings.length === 0) break;
          current = fixed(result);
        }
        assert.deepEqual(unused(current).findings, [], current);
        const after = lintPython({ path: 'x.py', text: current, config: CONFIG });
        assert.deepEqual(after.suppressed.filter((f) => f.code !== 'SL901').map((f) => f.code).sort(), before, `${text}\n---\n${current}`);
        const original = lintPython({ path: 'x.py', text, config: CONFIG });
        assert.equal(after.findings.filter((f) => f.code !== 'SL901').length, original.findings.filter((f) => f.code !== 'SL901').length);
        original.release();
        after.release();
        for (const d of directives) if (d.after) assert.ok(current.includes('-- reviewed'), current);
        for (const d of directives) if (d.before.startsWith('TODO')) assert.ok(current.includes('# TODO'), current);
      }),
      { numRuns: 150 },
    );
  });

  for (const [name, eol] of [['CRLF', '\r\n'], ['lone CR', '\r']]) {
    it(`ranges and fixes follow ${name} line breaks`, () => {
      const base = STRATEGY.replace(/\n/g, eol);
      const text = base.replace('    b = IntParameter(1, 10, default=3)', '    b = IntParameter(1, 10, default=3)  # strategy-lint: ignore[nope]');
      const result = unused(text);
      assert.equal(result.findings.length, 1);
      const lines = new LineIndex(text);
      const range = result.findings[0].range;
      assert.equal(range.start.line, 4);
      assert.equal(lines.lineText(4).slice(range.start.character, range.end.character), 'nope');
      assert.equal(fixed(result), base);
      const own = base.replace('class Busy', `# strategy-lint: ignore-file[nope]${eol}class Busy`);
      assert.equal(fixed(unused(own)), base);
    });
  }

  it('honours the configured severity', () => {
    const out = lintPython({ path: 'x.py', text: withComment('  # strategy-lint: ignore[nope]'), config: CONFIG });
    try {
      const result = unusedSuppressionFindings({ directives: out.directives, suppressed: out.suppressed, lines: out.lines, enabledRules: ['too-many-parameters'], resultsAttached: false, severity: 'warning', findRule });
      assert.equal(result.findings[0].severity, 'warning');
    } finally {
      out.release();
    }
  });

  it('is reported by lintPython', function () {
    const out = lintPython({ path: 'x.py', text: withComment('  # strategy-lint: ignore[nope]'), config: CONFIG });
    try {
      const reported = out.findings.filter((f) => f.code === 'SL901');
      assert.equal(reported.length, 1);
      assert.ok(out.findings.some((f) => f.code === 'SL101'));
      const ignored = lintPython({ path: 'x.py', text: withComment('  # strategy-lint: ignore[nope]'), config: { ...CONFIG, ignore: ['SL901'] } });
      assert.ok(!ignored.findings.some((f) => f.code === 'SL901'), 'disabled like any rule');
      ignored.release();
    } finally {
      out.release();
    }
  });
});
