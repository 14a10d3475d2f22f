// A rule that throws is contained: the other rules still report, and `failures` names the rule.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { lintPython } from '../../../server/src/engine/lint';
import { initPythonParser } from '../../../server/src/engine/python/parser';
import { RULES } from '../../../server/src/engine/rules/registry';
import type { Rule } from '../../../server/src/engine/rules/rule';

const STRATEGY = path.join(__dirname, '..', '..', '..', 'examples', 'freqtrade', 'user_data', 'strategies', 'BandRiderStrategy.py');

function throwingRule(name: string, code: string, reportFirst: boolean): Rule {
  return {
    ...RULES[0],
    name,
    code,
    check(context, report) {
      if (reportFirst) report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'reported before throwing' });
      const missing = (context as unknown as { nothing?: { here: number } }).nothing;
      void missing!.here; // TypeError, as a real bug would throw
    },
  };
}

describe('rule failures are contained', () => {
  before(() => initPythonParser());

  it('runs every other rule and names the failing one in `failures`', () => {
    const text = fs.readFileSync(STRATEGY, 'utf8');
    const normal = lintPython({ path: STRATEGY, text });
    const rules = [throwingRule('always-throws', 'SL998', false), ...RULES, throwingRule('throws-late', 'SL999', true)];
    const broken = lintPython({ path: STRATEGY, text, rules });
    try {
      assert.ok(normal.findings.length > 0, 'the example has findings');
      const failed = broken.failures.map((f) => f.rule);
      assert.deepEqual(failed.filter((r) => r !== 'always-throws' && r !== 'throws-late'), normal.failures.map((f) => f.rule));
      assert.ok(failed.includes('always-throws') && failed.includes('throws-late'), failed.join(', '));
      for (const failure of broken.failures.filter((f) => f.rule.startsWith('throws') || f.rule.startsWith('always'))) {
        assert.match(failure.error, /TypeError/);
      }
      const others = broken.findings.filter((f) => f.code !== 'SL998' && f.code !== 'SL999');
      assert.deepEqual(others, normal.findings);
      assert.equal(RULES.some((r) => r.code === 'SL998' || r.code === 'SL999'), false, 'the registry is untouched');
    } finally {
      normal.release();
      broken.release();
    }
  });
});
